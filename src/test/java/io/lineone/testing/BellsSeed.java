package io.lineone.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lineone.api.Bell;
import io.lineone.api.BellSeverity;
import io.lineone.api.BellStep;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.Merchant;
import io.lineone.api.NewBell;
import io.lineone.api.NewIssue;
import io.lineone.api.NewRelease;
import io.lineone.api.Page;
import io.lineone.api.Priority;
import io.lineone.api.Release;
import io.lineone.api.ReleaseAdvance;
import io.lineone.api.ReleaseStage;
import io.lineone.api.Role;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Releases and bells on a {@link TestServer}, through its API like any other client: a product owner and a
 * supervisor beside the managers of {@link ManagerBooks}, releases rolling out, issues that name them, and bells
 * pulled and moved by whoever the server allows.
 */
public final class BellsSeed {

    public static final String OWNER = "zhao.lei";
    public static final String SUPERVISOR = "chen.jing";

    private final TestServer server;
    public final TestServer.Account owner;

    public BellsSeed(TestServer server) {
        this.server = server;
        this.owner = server.account(Role.PRODUCT_OWNER, OWNER, "赵磊");
        server.account(Role.SUPERVISOR, SUPERVISOR, "陈静");
    }

    public String tokenOf(String login) {
        return server.signIn(login, TestServer.PASSWORD);
    }

    /** A release of the product owner, rolling out to 20 %. */
    public Release release(String name) {
        Release planned = ok(server.api().post("/releases", server.adminToken(),
                new NewRelease("coupons", name, "3.2.0", owner.id())), 201).as(Release.class);
        return ok(server.api().post("/releases/" + planned.id() + "/advance", owner.token(),
                new ReleaseAdvance(ReleaseStage.ROLLING_OUT, 20)), 200).as(Release.class);
    }

    public Release release(Release of) {
        return ok(server.api().get("/releases/" + of.id(), server.adminToken()), 200).as(Release.class);
    }

    /** An issue of {@code merchant} that names {@code release}, as the marketplace feed would open it. */
    public Issue issue(Merchant merchant, Release release, String title, long moneyCents) {
        return server.issue(server.adminToken(), new NewIssue(merchant.id(), IssueCategory.COUPON_OVERSPEND, null,
                Priority.P1, title, "Seen after the rollout.", null, release.id(), moneyCents));
    }

    public Bell pull(String login, Release release, List<String> evidence) {
        return ok(server.api().send("POST", "/releases/" + release.id() + "/bells", tokenOf(login),
                new NewBell("Coupons stack below cost for KA shops since the rollout", BellSeverity.BLOCKER, evidence),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), 201).as(Bell.class);
    }

    public Bell step(String login, Bell bell, String path) {
        return ok(server.api().post("/bells/" + bell.id() + "/" + path, tokenOf(login), new BellStep(null, null)), 200)
                .as(Bell.class);
    }

    public Bell bell(String id) {
        return ok(server.api().get("/bells/" + id, server.adminToken()), 200).as(Bell.class);
    }

    public List<Bell> bellsOf(Release release) {
        return ok(server.api().get("/bells?releaseId=" + release.id(), server.adminToken()), 200)
                .as(new TypeReference<Page<Bell>>() { }).items();
    }

    private static ApiClient.Response ok(ApiClient.Response response, int status) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        return response;
    }
}
