package io.lineone.server.releases;

import static io.lineone.testing.ProblemAssert.invalid;
import static io.lineone.testing.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Bell;
import io.lineone.api.BellMetrics;
import io.lineone.api.BellSeverity;
import io.lineone.api.BellStatus;
import io.lineone.api.BellStep;
import io.lineone.api.EventTypes;
import io.lineone.api.EvidenceAddition;
import io.lineone.api.Gate;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.Merchant;
import io.lineone.api.NewBell;
import io.lineone.api.NewComment;
import io.lineone.api.NewIssue;
import io.lineone.api.NewRelease;
import io.lineone.api.Priority;
import io.lineone.api.Release;
import io.lineone.api.ReleaseAdvance;
import io.lineone.api.ReleaseStage;
import io.lineone.api.Role;
import io.lineone.server.audit.AuditLog;
import io.lineone.testing.ApiClient;
import io.lineone.testing.SseReader;
import io.lineone.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bells over HTTP: each step open to its party alone, the impact counted from the evidence, the gate following
 * the bells, and the response clock raising an unanswered bell to the supervisors — on a clock the test moves.
 */
class BellApiTest {

    static final String REASON = "新版满减券与店铺券叠加后，多家商家的商品低于成本价成交。";
    private static final Duration CLOCK_TICK = Duration.ofMillis(20);

    @RegisterExtension
    final TestServer server = TestServer.onH2()
            .configure(c -> c.bells(new BellPolicy(Duration.ofMinutes(30), Duration.ofHours(4), CLOCK_TICK)))
            .build();

    private final ApiClient api = server.api();
    private TestServer.Account owner;
    private TestServer.Account puller;
    private TestServer.Account otherManager;
    private TestServer.Account supervisor;
    private Release release;
    private Issue evidence;

    @BeforeEach
    void aReleaseRollingOut() {
        owner = server.account(Role.PRODUCT_OWNER, "zhao.lei", "赵磊");
        puller = server.account(Role.MANAGER, "li.na", "李娜");
        otherManager = server.account(Role.MANAGER);
        supervisor = server.account(Role.SUPERVISOR);
        release = api.post("/releases", server.adminToken(), new NewRelease("优惠券", "满减券叠加规则改版", "3.2.0",
                owner.id())).as(Release.class);
        api.post("/releases/" + release.id() + "/advance", owner.token(), new ReleaseAdvance(ReleaseStage.ROLLING_OUT, 30));
        evidence = issueOf(puller, 1_860_000);
    }

    private Issue issueOf(TestServer.Account manager, long moneyCents) {
        Merchant merchant = server.merchantOf(manager);
        return server.issue(server.adminToken(), new NewIssue(merchant.id(), IssueCategory.COUPON_OVERSPEND, null,
                Priority.P1, "满减券叠加后低于成本价", "叠加规则上线后", null, null, moneyCents));
    }

    static ApiClient.Response pull(ApiClient api, String token, String releaseId, String key, NewBell bell) {
        return api.send("POST", "/releases/" + releaseId + "/bells", token, bell,
                key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    private Bell pull(BellSeverity severity, String... issueIds) {
        ApiClient.Response pulled = pull(api, puller.token(), release.id(), null, new NewBell(REASON, severity,
                List.of(issueIds)));
        assertThat(pulled.status()).as("%s", pulled).isEqualTo(201);
        return pulled.as(Bell.class);
    }

    private ApiClient.Response step(TestServer.Account who, Bell bell, String step, BellStep body) {
        return api.post("/bells/" + bell.id() + "/" + step, who.token(), body);
    }

    private Bell stepOk(TestServer.Account who, Bell bell, String step) {
        ApiClient.Response answer = step(who, bell, step, new BellStep("说明 " + step, null));
        assertThat(answer.status()).as("%s by %s: %s", step, who.login(), answer).isEqualTo(200);
        return answer.as(Bell.class);
    }

    private Gate gate() {
        return api.get("/releases/" + release.id(), owner.token()).as(Release.class).gate();
    }

    @Test
    void aPulledBellStopsTheLineWithItsImpactCountedFromTheEvidence() {
        Issue second = issueOf(puller, 12_450_000);
        Bell bell = pull(BellSeverity.BLOCKER, evidence.id(), second.id(), evidence.id());

        assertThat(bell.status()).isEqualTo(BellStatus.OPEN);
        assertThat(bell.evidenceIssueIds()).as("each issue once").containsExactly(evidence.id(), second.id());
        assertThat(bell.impactedMerchants()).isEqualTo(2);
        assertThat(bell.moneyAtRiskCents()).isEqualTo(14_310_000);
        assertThat(bell.pulledByName()).isEqualTo("李娜");
        assertThat(bell.acknowledgeDueAt()).isEqualTo(server.clock().instant().plus(Duration.ofMinutes(30)));
        assertThat(gate()).isEqualTo(Gate.BLOCKED);

        Issue third = issueOf(puller, 500_000);
        ApiClient.Response more = api.post("/bells/" + bell.id() + "/evidence", puller.token(),
                new EvidenceAddition(List.of(third.id(), evidence.id())));
        assertThat(more.status()).as("%s", more).isEqualTo(200);
        assertThat(more.as(Bell.class).impactedMerchants()).isEqualTo(3);
        assertThat(more.as(Bell.class).moneyAtRiskCents()).isEqualTo(14_810_000);
        assertThat(server.audit("bell", bell.id())).extracting(AuditLog.Entry::action)
                .containsExactly("bell.pull", "bell.evidence");
    }

    @Test
    void aBadPullNamesEveryField() {
        invalid(pull(api, puller.token(), release.id(), null, new NewBell("太短了", null, List.of())),
                "reason", "severity", "evidenceIssueIds");
        invalid(pull(api, puller.token(), release.id(), null, new NewBell(" ".repeat(30) + "短", BellSeverity.MAJOR,
                List.of(evidence.id()))), "reason");
        problem(pull(api, puller.token(), "rel_missing", null, new NewBell(REASON, BellSeverity.MAJOR,
                List.of(evidence.id()))), 404);
        problem(pull(api, owner.token(), release.id(), null, new NewBell(REASON, BellSeverity.MAJOR,
                List.of(evidence.id()))), 403);
        assertThat(gate()).isEqualTo(Gate.OPEN);
    }

    @Test
    void evidenceTheCallerMayNotSeeIsNotFoundAndLeaksNothing() {
        Issue elsewhere = issueOf(otherManager, 99_000_000);
        ApiClient.Response refused = pull(api, puller.token(), release.id(), null,
                new NewBell(REASON, BellSeverity.BLOCKER, List.of(evidence.id(), elsewhere.id())));
        // The same answer as for an id that does not exist at all.
        assertThat(problem(refused, 404).get("detail").asText()).isEqualTo("No issue with id '" + elsewhere.id() + "'.");
        assertThat(problem(pull(api, puller.token(), release.id(), null, new NewBell(REASON, BellSeverity.BLOCKER,
                List.of("iss_missing"))), 404).get("detail").asText()).isEqualTo("No issue with id 'iss_missing'.");
        assertThat(api.get("/bells", puller.token()).json().get("items")).as("nothing was pulled").isEmpty();
    }

    @Test
    void theOwnerReadsTheVoiceRaisedAgainstTheirReleaseAndNothingElseOfTheBook() {
        Issue unrelated = issueOf(puller, 300_000);
        Issue linked = server.issue(server.adminToken(), new NewIssue(server.merchantOf(puller).id(),
                IssueCategory.COUPON_OVERSPEND, null, Priority.P2, "叠加后价格异常", "新版上线后", null, release.id(),
                200_000L));
        problem(api.get("/issues/" + evidence.id(), owner.token()), 404);

        pull(BellSeverity.MAJOR, evidence.id());

        assertThat(api.get("/issues/" + evidence.id(), owner.token()).status()).as("cited by a bell").isEqualTo(200);
        assertThat(api.get("/issues/" + evidence.id() + "/history", owner.token()).status()).isEqualTo(200);
        assertThat(api.get("/issues/" + linked.id(), owner.token()).status()).as("naming the release").isEqualTo(200);
        assertThat(api.get("/releases/" + release.id(), owner.token()).as(Release.class).linkedIssues())
                .extracting(Issue::id).containsExactly(linked.id());
        problem(api.get("/issues/" + unrelated.id(), owner.token()), 404);
        problem(api.post("/issues/" + evidence.id() + "/claim", owner.token(), null), 403);

        TestServer.Account otherOwner = server.account(Role.PRODUCT_OWNER);
        problem(api.get("/issues/" + evidence.id(), otherOwner.token()), 404);
        assertThat(api.get("/releases/" + release.id(), otherOwner.token()).as(Release.class).linkedIssues()).isEmpty();
    }

    @Test
    void theOwnerAnswersAndThePullerClosesTheLoop() {
        Bell bell = pull(BellSeverity.BLOCKER, evidence.id());

        for (TestServer.Account wrong : List.of(puller, otherManager, supervisor)) {
            problem(step(wrong, bell, "acknowledge", null), 403);
        }
        problem(step(owner, bell, "fixed", null), 409);
        problem(step(puller, bell, "resolve", null), 409);
        Bell acknowledged = stepOk(owner, bell, "acknowledge");
        assertThat(acknowledged.status()).isEqualTo(BellStatus.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgedAt()).isEqualTo(server.clock().instant());
        problem(step(owner, bell, "acknowledge", null), 409);

        server.clock().advance(Duration.ofMinutes(40));
        Bell fixed = stepOk(owner, bell, "fixed");
        assertThat(fixed.status()).isEqualTo(BellStatus.FIXED);
        assertThat(gate()).as("fixed is not yet agreed").isEqualTo(Gate.BLOCKED);

        problem(step(otherManager, bell, "reopen", null), 403);
        problem(step(owner, bell, "resolve", null), 403);
        Bell reopened = stepOk(puller, bell, "reopen");
        assertThat(reopened.status()).isEqualTo(BellStatus.OPEN);
        assertThat(reopened.acknowledgedAt()).isNull();
        assertThat(reopened.acknowledgeDueAt()).as("the owner must come again")
                .isEqualTo(server.clock().instant().plus(Duration.ofMinutes(30)));

        stepOk(owner, bell, "acknowledge");
        stepOk(owner, bell, "fixed");
        Bell resolved = stepOk(supervisor, bell, "resolve");
        assertThat(resolved.status()).isEqualTo(BellStatus.RESOLVED);
        assertThat(resolved.closedAt()).isEqualTo(server.clock().instant());
        assertThat(gate()).isEqualTo(Gate.OPEN);
        problem(step(puller, bell, "reopen", null), 409);
        problem(api.post("/bells/" + bell.id() + "/evidence", puller.token(),
                new EvidenceAddition(List.of(evidence.id()))), 409);

        assertThat(resolved.comments()).extracting(c -> c.step()).containsExactly("acknowledge", "fixed", "reopen",
                "acknowledge", "fixed", "resolve");
        assertThat(server.audit("bell", bell.id())).extracting(AuditLog.Entry::action).containsExactly("bell.pull",
                "bell.acknowledge", "bell.fixed", "bell.reopen", "bell.acknowledge", "bell.fixed", "bell.resolve");
    }

    @Test
    void onlyASupervisorOverrulesAndOnlyWithAJustification() {
        Bell bell = pull(BellSeverity.MAJOR, evidence.id());
        for (TestServer.Account wrong : List.of(puller, owner, otherManager)) {
            problem(step(wrong, bell, "overrule", new BellStep(null, "误报：叠加规则按设计运行")), 403);
        }
        invalid(step(supervisor, bell, "overrule", new BellStep("只写了备注", null)), "justification");
        invalid(step(supervisor, bell, "overrule", null), "justification");

        Bell overruled = step(supervisor, bell, "overrule", new BellStep(null, "误报：叠加规则按设计运行")).as(Bell.class);
        assertThat(overruled.status()).isEqualTo(BellStatus.OVERRULED);
        assertThat(overruled.justification()).isEqualTo("误报：叠加规则按设计运行");
        assertThat(gate()).isEqualTo(Gate.OPEN);
        problem(step(supervisor, bell, "overrule", new BellStep(null, "再一次")), 409);
    }

    @Test
    void everyoneButTheFeedComments() {
        Bell bell = pull(BellSeverity.MAJOR, evidence.id());
        TestServer.Account feed = server.account(Role.SERVICE);
        problem(api.post("/bells/" + bell.id() + "/comments", feed.token(), new NewComment("自动回复")), 403);
        invalid(api.post("/bells/" + bell.id() + "/comments", owner.token(), new NewComment("  ")), "text");
        ApiClient.Response commented = api.post("/bells/" + bell.id() + "/comments", owner.token(),
                new NewComment("正在排查叠加规则"));
        assertThat(commented.status()).as("%s", commented).isEqualTo(201);
        assertThat(commented.as(Bell.class).comments()).singleElement().satisfies(c -> {
            assertThat(c.authorName()).isEqualTo("赵磊");
            assertThat(c.text()).isEqualTo("正在排查叠加规则");
            assertThat(c.step()).isNull();
        });
        problem(api.get("/bells/bel_missing", owner.token()), 404);
    }

    @Test
    void everySignedInRoleHearsTheBellAndTheGateLive() throws Exception {
        try (SseReader stream = server.events(owner.token(), null, null)) {
            Bell bell = pull(BellSeverity.BLOCKER, evidence.id());
            SseReader.Event pulled = stream.next(Duration.ofSeconds(5));
            assertThat(pulled.type()).isEqualTo(EventTypes.BELL_PULLED);
            assertThat(pulled.as(Bell.class).id()).isEqualTo(bell.id());
            SseReader.Event gate = stream.next(Duration.ofSeconds(5));
            assertThat(gate.type()).isEqualTo(EventTypes.RELEASE_UPDATED);
            assertThat(gate.as(Release.class).gate()).isEqualTo(Gate.BLOCKED);

            step(supervisor, bell, "overrule", new BellStep(null, "误报"));
            assertThat(stream.next(Duration.ofSeconds(5)).type()).isEqualTo(EventTypes.BELL_UPDATED);
            assertThat(stream.next(Duration.ofSeconds(5)).as(Release.class).gate()).isEqualTo(Gate.OPEN);
        }
    }

    @Test
    void aBlockerUnansweredPastItsTimeIsRaisedToTheSupervisorsOnce() throws Exception {
        Bell blocker = pull(BellSeverity.BLOCKER, evidence.id());
        Bell major = pull(BellSeverity.MAJOR, evidence.id());
        try (SseReader stream = server.events(supervisor.token(), null, null)) {
            server.clock().advance(Duration.ofMinutes(31));
            SseReader.Event raised = stream.next(Duration.ofSeconds(5));
            assertThat(raised.type()).isEqualTo(EventTypes.BELL_UPDATED);
            assertThat(raised.as(Bell.class).id()).isEqualTo(blocker.id());
            assertThat(raised.as(Bell.class).overdue()).isTrue();
            assertThat(api.get("/bells?overdue=true", supervisor.token()).json().get("items"))
                    .extracting(n -> n.get("id").asText()).containsExactly(blocker.id());
            assertThat(api.get("/bells/" + major.id(), supervisor.token()).as(Bell.class).overdue()).isFalse();

            // A later bell goes overdue too; by the time it is raised the clock has looked at the first one
            // again and again, and raised it no second time.
            Bell later = pull(BellSeverity.BLOCKER, evidence.id());
            server.clock().advance(Duration.ofMinutes(31));
            List<Bell> events = new ArrayList<>();
            while (events.stream().noneMatch(b -> b.id().equals(later.id()) && b.overdue())) {
                SseReader.Event next = stream.next(Duration.ofSeconds(5));
                assertThat(next).as("the later bell is raised").isNotNull();
                events.add(next.as(Bell.class));
            }
            assertThat(events).noneMatch(b -> b.id().equals(blocker.id()));
            assertThat(server.audit("bell", blocker.id())).extracting(AuditLog.Entry::action)
                    .containsExactly("bell.pull", "bell.escalate");
        }
        stepOk(owner, blocker, "acknowledge");
        assertThat(api.get("/bells?overdue=true", supervisor.token()).json().get("items"))
                .extracting(n -> n.get("id").asText()).as("an acknowledged bell is no longer overdue")
                .doesNotContain(blocker.id()).hasSize(1);
    }

    @Test
    void metricsCountTheMonthsBells() {
        Bell resolved = pull(BellSeverity.BLOCKER, evidence.id());
        server.clock().advance(Duration.ofMinutes(10));
        stepOk(owner, resolved, "acknowledge");
        stepOk(owner, resolved, "fixed");
        server.clock().advance(Duration.ofMinutes(50));
        stepOk(puller, resolved, "resolve");
        Bell overruled = pull(BellSeverity.MAJOR, evidence.id());
        step(supervisor, overruled, "overrule", new BellStep(null, "误报"));

        BellMetrics metrics = api.get("/bells/metrics", owner.token()).as(BellMetrics.class);
        assertThat(metrics.months()).singleElement().satisfies(month -> {
            assertThat(month.productArea()).isEqualTo("优惠券");
            assertThat(month.pulled()).isEqualTo(2);
            assertThat(month.medianAcknowledgeSeconds()).isEqualTo(600);
            assertThat(month.medianResolveSeconds()).isEqualTo(3_600);
            assertThat(month.overruledShare()).isEqualTo(0.5);
        });
        assertThat(api.get("/bells/metrics?to=" + server.clock().instant().minus(Duration.ofDays(1)), owner.token())
                .as(BellMetrics.class).months()).as("a period before any bell").isEmpty();
        invalid(api.get("/bells/metrics?from=yesterday", owner.token()), "from");
        invalid(api.get("/bells/metrics?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", owner.token()), "from");
        invalid(api.get("/bells/metrics?from=2000-01-01T00:00:00Z", owner.token()), "from");
    }
}
