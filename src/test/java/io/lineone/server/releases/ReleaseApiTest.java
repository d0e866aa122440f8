package io.lineone.server.releases;

import static io.lineone.testing.ProblemAssert.invalid;
import static io.lineone.testing.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.BellSeverity;
import io.lineone.api.Gate;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssuePatch;
import io.lineone.api.Merchant;
import io.lineone.api.NewBell;
import io.lineone.api.NewIssue;
import io.lineone.api.NewRelease;
import io.lineone.api.Priority;
import io.lineone.api.Release;
import io.lineone.api.ReleaseAdvance;
import io.lineone.api.ReleaseStage;
import io.lineone.api.Role;
import io.lineone.testing.ApiClient;
import io.lineone.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Releases over HTTP: who creates and moves them, and a gate no step forward passes while a bell blocks. */
class ReleaseApiTest {

    @RegisterExtension
    final TestServer server = TestServer.onH2().build();

    private final ApiClient api = server.api();

    private Release release(TestServer.Account owner) {
        ApiClient.Response created = api.post("/releases", server.adminToken(),
                new NewRelease("优惠券", "满减券叠加规则改版", "3.2.0", owner.id()));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.as(Release.class);
    }

    private ApiClient.Response advance(TestServer.Account who, String id, ReleaseStage stage, Integer exposure) {
        return api.post("/releases/" + id + "/advance", who.token(), new ReleaseAdvance(stage, exposure));
    }

    private Issue issueOf(TestServer.Account manager, String releaseId) {
        Merchant merchant = server.merchantOf(manager);
        return server.issue(server.adminToken(), new NewIssue(merchant.id(), IssueCategory.COUPON_OVERSPEND, null,
                Priority.P1, "满减券叠加后低于成本价", "叠加规则上线后", null, releaseId, 2_000_000L));
    }

    @Test
    void anAdminCreatesAPlannedReleaseForAProductOwner() {
        TestServer.Account owner = server.account(Role.PRODUCT_OWNER, "zhao.lei", "赵磊");
        Release release = release(owner);

        assertThat(release.stage()).isEqualTo(ReleaseStage.PLANNED);
        assertThat(release.exposurePercent()).isZero();
        assertThat(release.gate()).isEqualTo(Gate.OPEN);
        assertThat(release.ownerName()).isEqualTo("赵磊");
        assertThat(release.startedAt()).isNull();
        assertThat(server.audit("release", release.id())).extracting(e -> e.action()).containsExactly("release.create");

        TestServer.Account manager = server.account(Role.MANAGER);
        problem(api.post("/releases", manager.token(), new NewRelease("物流", "时效", "1.0", owner.id())), 403);
        invalid(api.post("/releases", server.adminToken(), new NewRelease("物流", "时效", "1.0", manager.id())),
                "ownerId");
        invalid(api.post("/releases", server.adminToken(), new NewRelease(" ", null, "1.0", owner.id())),
                "productArea", "name");
    }

    @Test
    void everyRoleReadsReleasesAndAProductOwnerListsTheirOwn() {
        TestServer.Account owner = server.account(Role.PRODUCT_OWNER);
        TestServer.Account other = server.account(Role.PRODUCT_OWNER);
        Release mine = release(owner);
        release(other);
        for (Role role : Role.values()) {
            TestServer.Account reader = server.account(role);
            assertThat(api.get("/releases", reader.token()).json().get("items")).as("%s", role).hasSize(2);
            assertThat(api.get("/releases/" + mine.id(), reader.token()).status()).as("%s", role).isEqualTo(200);
        }
        assertThat(api.get("/releases?owner=me", owner.token()).json().get("items")).extracting(n -> n.get("id").asText())
                .containsExactly(mine.id());
        assertThat(api.get("/releases?stage=LIVE", owner.token()).json().get("items")).isEmpty();
        problem(api.get("/releases/rel_missing", owner.token()), 404);
        invalid(api.get("/releases?stage=SOON", owner.token()), "stage");
    }

    @Test
    void onlyTheOwnerMovesARelease() {
        TestServer.Account owner = server.account(Role.PRODUCT_OWNER);
        Release release = release(owner);
        for (Role role : List.of(Role.ADMIN, Role.SUPERVISOR, Role.MANAGER, Role.PRODUCT_OWNER)) {
            problem(advance(server.account(role), release.id(), ReleaseStage.ROLLING_OUT, 10), 403);
        }

        Release rolling = advance(owner, release.id(), ReleaseStage.ROLLING_OUT, 10).as(Release.class);
        assertThat(rolling.stage()).isEqualTo(ReleaseStage.ROLLING_OUT);
        assertThat(rolling.exposurePercent()).isEqualTo(10);
        assertThat(rolling.startedAt()).isEqualTo(server.clock().instant());

        server.clock().advance(Duration.ofHours(1));
        Release wider = advance(owner, release.id(), null, 50).as(Release.class);
        assertThat(wider.exposurePercent()).isEqualTo(50);
        assertThat(wider.startedAt()).as("the rollout began once").isEqualTo(rolling.startedAt());
        assertThat(advance(owner, release.id(), ReleaseStage.LIVE, null).as(Release.class).exposurePercent())
                .as("live is everyone").isEqualTo(100);
        problem(advance(owner, release.id(), ReleaseStage.ROLLING_OUT, null), 409);
        invalid(advance(owner, release.id(), null, 150), "exposurePercent");
        invalid(advance(owner, release.id(), ReleaseStage.ROLLED_BACK, 20), "exposurePercent");
        invalid(advance(owner, release.id(), null, null), "body");
        assertThat(advance(owner, release.id(), ReleaseStage.ROLLED_BACK, null).as(Release.class).exposurePercent())
                .isZero();
        problem(advance(owner, release.id(), ReleaseStage.ROLLING_OUT, 5), 409);
        assertThat(server.audit("release", release.id())).extracting(e -> e.action())
                .containsExactly("release.create", "release.advance", "release.advance", "release.advance",
                        "release.advance");
    }

    @Test
    void aBlockedReleaseStepsBackButNeverForward() {
        TestServer.Account owner = server.account(Role.PRODUCT_OWNER);
        TestServer.Account manager = server.account(Role.MANAGER);
        Release release = release(owner);
        advance(owner, release.id(), ReleaseStage.ROLLING_OUT, 30);
        Issue evidence = issueOf(manager, release.id());
        ApiClient.Response pulled = api.post("/releases/" + release.id() + "/bells", manager.token(),
                new NewBell("叠加规则让店铺券与平台满减同时生效，多家商家低于成本价成交。", BellSeverity.BLOCKER,
                        List.of(evidence.id())));
        assertThat(pulled.status()).as("%s", pulled).isEqualTo(201);

        Release blocked = api.get("/releases/" + release.id(), owner.token()).as(Release.class);
        assertThat(blocked.gate()).isEqualTo(Gate.BLOCKED);
        assertThat(blocked.blockingBells()).isEqualTo(1);
        assertThat(problem(advance(owner, release.id(), null, 40), 409).get("detail").asText()).contains("BLOCKED");
        problem(advance(owner, release.id(), ReleaseStage.LIVE, null), 409);
        assertThat(advance(owner, release.id(), null, 10).as(Release.class).exposurePercent())
                .as("less exposure is a step back").isEqualTo(10);
        assertThat(advance(owner, release.id(), ReleaseStage.ROLLED_BACK, null).as(Release.class).stage())
                .isEqualTo(ReleaseStage.ROLLED_BACK);
        problem(api.post("/releases/" + release.id() + "/bells", manager.token(), new NewBell(
                "叠加规则让店铺券与平台满减同时生效，多家商家低于成本价成交。", BellSeverity.MAJOR, List.of(evidence.id()))), 409);
    }

    @Test
    void aReleaseShowsItsBellsAndOnlyTheLinkedIssuesTheCallerMaySee() {
        TestServer.Account owner = server.account(Role.PRODUCT_OWNER);
        TestServer.Account a = server.account(Role.MANAGER);
        TestServer.Account b = server.account(Role.MANAGER);
        Release release = release(owner);
        Issue ofA = issueOf(a, release.id());
        Issue ofB = issueOf(b, release.id());
        issueOf(a, null);

        assertThat(api.get("/releases/" + release.id(), a.token()).as(Release.class).linkedIssues())
                .extracting(Issue::id).containsExactly(ofA.id());
        assertThat(api.get("/releases/" + release.id(), server.adminToken()).as(Release.class).linkedIssues())
                .extracting(Issue::id).containsExactlyInAnyOrder(ofA.id(), ofB.id());
        assertThat(api.get("/releases/" + release.id(), owner.token()).as(Release.class).linkedIssues())
                .as("its owner answers to all of them").extracting(Issue::id)
                .containsExactlyInAnyOrder(ofA.id(), ofB.id());
        assertThat(api.get("/releases/" + release.id(), server.account(Role.PRODUCT_OWNER).token())
                .as(Release.class).linkedIssues()).as("another owner has no book of merchants").isEmpty();
        assertThat(api.get("/issues?releaseId=" + release.id(), a.token()).json().get("items"))
                .extracting(n -> n.get("id").asText()).containsExactly(ofA.id());

        Merchant merchant = server.merchantOf(a);
        invalid(api.post("/issues", server.adminToken(), new NewIssue(merchant.id(), IssueCategory.OTHER, null,
                Priority.P3, "回电", null, null, "rel_nowhere", null)), "releaseId");
    }

    @Test
    void aManagerLinksAnIssueToTheReleaseThatCausedItAndUnlinksIt() {
        TestServer.Account owner = server.account(Role.PRODUCT_OWNER);
        TestServer.Account manager = server.account(Role.MANAGER);
        Release release = release(owner);
        Issue issue = issueOf(manager, null);

        ApiClient.Response linked = patch(manager, issue, new IssuePatch(null, null, null, release.id()));
        assertThat(linked.status()).as("%s", linked).isEqualTo(200);
        assertThat(linked.as(Issue.class).releaseId()).isEqualTo(release.id());
        assertThat(api.get("/releases/" + release.id(), manager.token()).as(Release.class).linkedIssues())
                .extracting(Issue::id).containsExactly(issue.id());
        assertThat(api.get("/issues/" + issue.id() + "/history", manager.token()).json().get("items"))
                .extracting(n -> n.get("action").asText()).containsExactly("created", "release");

        invalid(patch(manager, linked.as(Issue.class), new IssuePatch(null, null, null, "rel_nowhere")), "releaseId");
        Issue unlinked = patch(manager, linked.as(Issue.class), new IssuePatch(null, null, null, "")).as(Issue.class);
        assertThat(unlinked.releaseId()).isNull();
        assertThat(api.get("/releases/" + release.id(), manager.token()).as(Release.class).linkedIssues()).isEmpty();
    }

    private ApiClient.Response patch(TestServer.Account who, Issue issue, IssuePatch patch) {
        return api.send("PATCH", "/issues/" + issue.id(), who.token(), patch,
                Map.of("If-Match", "\"" + issue.version() + "\""));
    }
}
