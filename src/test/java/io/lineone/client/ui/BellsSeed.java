package io.lineone.client.ui;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Bell;
import io.lineone.api.BellSeverity;
import io.lineone.api.BellStep;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.Json;
import io.lineone.api.Merchant;
import io.lineone.api.NewBell;
import io.lineone.api.NewIssue;
import io.lineone.api.NewRelease;
import io.lineone.api.NewUser;
import io.lineone.api.Page;
import io.lineone.api.Priority;
import io.lineone.api.Release;
import io.lineone.api.ReleaseAdvance;
import io.lineone.api.ReleaseStage;
import io.lineone.api.Role;
import io.lineone.api.Session;
import io.lineone.api.SessionRequest;
import io.lineone.api.User;
import io.lineone.server.ServerConfig;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Releases and bells on a {@link TestBackend}, over its HTTP API like any other client: a product owner and a
 * supervisor beside its managers, releases rolling out, issues that name them, and bells pulled and moved by
 * whoever the server allows. Kept apart from the shared harness so that harness can change freely.
 */
public final class BellsSeed {

    public static final String OWNER = "zhao.lei";
    public static final String SUPERVISOR = "chen.jing";

    private static final MediaType JSON = MediaType.get("application/json");

    private final TestBackend server;
    private final OkHttpClient http = new OkHttpClient();
    private final ObjectMapper mapper = Json.mapper();
    private final String admin;
    public final User owner;

    public BellsSeed(TestBackend server) throws IOException {
        this.server = server;
        this.admin = token("admin", ServerConfig.TEST_ADMIN_PASSWORD);
        this.owner = send("POST", "/users", new NewUser(OWNER, "赵磊", Role.PRODUCT_OWNER, TestBackend.PASSWORD), admin,
                null, User.class);
        send("POST", "/users", new NewUser(SUPERVISOR, "陈静", Role.SUPERVISOR, TestBackend.PASSWORD), admin, null,
                User.class);
    }

    public String token(String login, String password) throws IOException {
        return send("POST", "/session", new SessionRequest(login, password), null, null, Session.class).token();
    }

    public String tokenOf(String login) throws IOException {
        return token(login, TestBackend.PASSWORD);
    }

    /** A release of the product owner, rolling out to 20 %. */
    public Release release(String name) throws IOException {
        Release planned = send("POST", "/releases", new NewRelease("coupons", name, "3.2.0", owner.id()), admin, null,
                Release.class);
        return send("POST", "/releases/" + planned.id() + "/advance", new ReleaseAdvance(ReleaseStage.ROLLING_OUT, 20),
                tokenOf(OWNER), null, Release.class);
    }

    public Release release(Release of) throws IOException {
        return send("GET", "/releases/" + of.id(), null, admin, null, Release.class);
    }

    /** An issue of {@code merchant} that names {@code release}, as the marketplace feed would open it. */
    public Issue issue(Merchant merchant, Release release, String title, long moneyCents) throws IOException {
        return send("POST", "/issues", new NewIssue(merchant.id(), IssueCategory.COUPON_OVERSPEND, null, Priority.P1,
                title, "Seen after the rollout.", null, release.id(), moneyCents), admin, null, Issue.class);
    }

    public Bell pull(String login, Release release, List<String> evidence) throws IOException {
        return send("POST", "/releases/" + release.id() + "/bells", new NewBell(
                "Coupons stack below cost for KA shops since the rollout", BellSeverity.BLOCKER, evidence),
                tokenOf(login), UUID.randomUUID().toString(), Bell.class);
    }

    public Bell step(String login, Bell bell, String path) throws IOException {
        return send("POST", "/bells/" + bell.id() + "/" + path, new BellStep(null, null), tokenOf(login), null,
                Bell.class);
    }

    public Bell bell(String id) throws IOException {
        return send("GET", "/bells/" + id, null, admin, null, Bell.class);
    }

    public List<Bell> bellsOf(Release release) throws IOException {
        JavaType page = mapper.getTypeFactory().constructParametricType(Page.class, Bell.class);
        Page<Bell> bells = send("GET", "/bells?releaseId=" + release.id(), null, admin, null, page);
        return bells.items();
    }

    private <T> T send(String method, String path, Object body, String token, String key, Class<T> type)
            throws IOException {
        return send(method, path, body, token, key, mapper.constructType(type));
    }

    private <T> T send(String method, String path, Object body, String token, String key, JavaType type)
            throws IOException {
        Request.Builder request = new Request.Builder().url(server.url() + "/api/v1" + path)
                .method(method, body == null ? null : RequestBody.create(mapper.writeValueAsBytes(body), JSON));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw new IOException(method + " " + path + " answered " + response.code() + ": " + text);
            }
            return mapper.readValue(text, type);
        }
    }
}
