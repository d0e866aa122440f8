package io.lineone.server.issues;

import static io.lineone.testing.ProblemAssert.invalid;
import static io.lineone.testing.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.Issue;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.server.audit.AuditLog;
import io.lineone.testing.ApiClient;
import io.lineone.testing.SseReader;
import io.lineone.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Transfer, priority, reopen, duplicate and the team's load, over real HTTP, with every refusal as a problem. */
class IssueManagementApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final TestServer server = TestServer.onH2().heartbeat(Duration.ofMillis(100)).build();

    private static final ApiClient api = server.api();
    private static TestServer.Account a;
    private static TestServer.Account b;
    private static TestServer.Account supervisor;
    private static String merchantA;

    @BeforeAll
    static void start() {
        a = server.account(Role.MANAGER, "mgr.a", "李娜");
        b = server.account(Role.MANAGER, "mgr.b", "王伟");
        supervisor = server.account(Role.SUPERVISOR, "sup.c", "陈静");
        merchantA = server.merchantOf(a).id();
    }

    private static Map<String, String> at(Issue issue) {
        return Map.of("If-Match", "\"" + issue.version() + "\"");
    }

    private static ApiClient.Response post(String path, TestServer.Account who, Object body, Map<String, String> headers) {
        return api.send("POST", path, who.token(), body, headers);
    }

    @Test
    void aTransferMovesTheIssueToTheOtherManagersQueueAndStream() throws Exception {
        Issue issue = server.issue(a.token(), merchantA, Priority.P2);
        try (SseReader streamA = server.events(a.token(), null, null);
             SseReader streamB = server.events(b.token(), null, null)) {
            ApiClient.Response moved = post("/issues/" + issue.id() + "/transfer", a,
                    Map.of("managerId", b.id(), "note", "王伟熟悉这家的定价"), at(issue));
            assertThat(moved.status()).as("%s", moved).isEqualTo(200);
            Issue after = moved.as(Issue.class);
            assertThat(after.managerId()).isEqualTo(b.id());
            assertThat(after.assigneeId()).isEqualTo(b.id());
            assertThat(after.assigneeName()).isEqualTo("王伟");
            assertThat(moved.header("ETag")).isEqualTo("\"" + after.version() + "\"");

            assertThat(streamB.next(WAIT).json().get("managerId").asText()).isEqualTo(b.id());
            assertThat(streamA.next(WAIT).json().get("managerId").asText()).as("the old queue hears it leave")
                    .isEqualTo(b.id());
        }
        assertThat(api.get("/issues/" + issue.id(), b.token()).status()).isEqualTo(200);
        problem(api.get("/issues/" + issue.id(), a.token()), 404);
        assertThat(server.openIssuesOf("mgr.b")).extracting(Issue::id).contains(issue.id());
        assertThat(server.openIssuesOf("mgr.a")).extracting(Issue::id).doesNotContain(issue.id());

        JsonNode history = api.get("/issues/" + issue.id() + "/history", b.token()).json().get("items");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("transferred");
        assertThat(last.get("note").asText()).isEqualTo("王伟熟悉这家的定价");
        assertThat(last.get("detail").asText()).isEqualTo("王伟");
        assertThat(server.audit("issue", issue.id())).extracting(AuditLog.Entry::action).contains("issue.transfer");
    }

    @Test
    void aConsoleResumingAcrossATransferReplaysWhatWasHandedToItButNotTheRestOfThatBook() throws Exception {
        long before = latestEventId();
        // B is offline: the issue is handed to B, and A's merchant has another issue that stays A's.
        Issue issue = server.issue(a.token(), merchantA, Priority.P2);
        ApiClient.Response moved = post("/issues/" + issue.id() + "/transfer", a,
                Map.of("managerId", b.id(), "note", "接手"), at(issue));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        Issue stays = server.issue(a.token(), merchantA, Priority.P4);

        try (SseReader resumed = server.events(b.token(), before, null)) {
            List<SseReader.Event> replayed = new ArrayList<>();
            SseReader.Event event;
            while ((event = resumed.next(Duration.ofMillis(800))) != null) {
                replayed.add(event);
            }
            assertThat(replayed).extracting(e -> e.json().get("id").asText())
                    .as("the handed-over issue, once: its event for A's queue is not B's").containsExactly(issue.id());
            assertThat(replayed.get(0).json().get("managerId").asText()).isEqualTo(b.id());
            assertThat(replayed).extracting(e -> e.json().get("id").asText()).doesNotContain(stays.id());
        }
    }

    private long latestEventId() throws InterruptedException {
        try (SseReader all = server.events(server.adminToken(), 0L, null)) {
            long last = 0;
            SseReader.Event event;
            while ((event = all.next(Duration.ofMillis(500))) != null) {
                last = event.id();
            }
            return last;
        }
    }

    @Test
    void transferRefusals() {
        Issue issue = server.issue(a.token(), merchantA, Priority.P3);
        String path = "/issues/" + issue.id() + "/transfer";
        Map<String, String> body = Map.of("managerId", b.id(), "note", "请接手");
        problem(post(path, b, body, at(issue)), 404);
        problem(post(path, server.account(Role.PRODUCT_OWNER), body, at(issue)), 403);
        problem(post(path, server.account(Role.SERVICE), body, at(issue)), 403);
        problem(post(path, a, body, Map.of()), 428);
        problem(post(path, a, body, Map.of("If-Match", "\"99\"")), 412);
        invalid(post(path, a, Map.of("managerId", supervisor.id(), "note", "x"), at(issue)), "managerId");
        invalid(post(path, a, Map.of("managerId", b.id(), "note", "  "), at(issue)), "note");
        invalid(post(path, a, Map.of(), at(issue)), "managerId", "note");
        Issue claimed = api.send("POST", "/issues/" + issue.id() + "/claim", a.token(), null).as(Issue.class);
        problem(post(path, a, Map.of("managerId", a.id(), "note", "自己"), at(claimed)), 409);
    }

    @Test
    void aSupervisorTransfersAndAResolvedIssueStays() {
        Issue issue = server.issue(a.token(), merchantA, Priority.P3);
        ApiClient.Response moved = post("/issues/" + issue.id() + "/transfer", supervisor,
                Map.of("managerId", b.id(), "note", "李娜今天休假"), at(issue));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        Issue after = moved.as(Issue.class);
        problem(post("/issues/" + issue.id() + "/transfer", supervisor,
                Map.of("managerId", b.id(), "note", "again"), at(after)), 409);

        Issue resolved = server.patch(after.id(), new IssuePatch(IssueStatus.RESOLVED, null, "fixed"));
        problem(post("/issues/" + issue.id() + "/transfer", supervisor,
                Map.of("managerId", a.id(), "note", "回来"), at(resolved)), 409);
    }

    @Test
    void aNewPriorityRecountsTheSlaAndIsInTheHistory() {
        Issue issue = server.issue(a.token(), merchantA, Priority.P3);
        ApiClient.Response changed = post("/issues/" + issue.id() + "/priority", a,
                Map.of("priority", "P1", "reason", "买家正在大量下单"), at(issue));
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        Issue after = changed.as(Issue.class);
        assertThat(after.priority()).isEqualTo(Priority.P1);
        assertThat(after.firstResponseDueAt()).isEqualTo(issue.createdAt().plusSeconds(60));
        assertThat(after.resolutionDueAt()).isEqualTo(issue.createdAt().plus(Duration.ofHours(4)));
        JsonNode history = api.get("/issues/" + issue.id() + "/history", a.token()).json().get("items");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("priority");
        assertThat(last.get("detail").asText()).isEqualTo("P3\u2192P1");
        assertThat(last.get("note").asText()).isEqualTo("买家正在大量下单");

        invalid(post("/issues/" + issue.id() + "/priority", a, Map.of("priority", "P9", "reason", "x"), at(after)),
                "priority");
        invalid(post("/issues/" + issue.id() + "/priority", a, Map.of("priority", "P2"), at(after)), "reason");
        problem(post("/issues/" + issue.id() + "/priority", a, Map.of("priority", "P2", "reason", "x"), at(issue)), 412);
        problem(post("/issues/" + issue.id() + "/priority", b, Map.of("priority", "P2", "reason", "x"), at(after)), 404);
    }

    @Test
    void aResolvedIssueReopensWithAReason() {
        Issue issue = server.issue(a.token(), merchantA, Priority.P2);
        problem(post("/issues/" + issue.id() + "/reopen", a, Map.of("reason", "again"), at(issue)), 409);
        Issue resolved = server.patch(issue.id(), new IssuePatch(IssueStatus.RESOLVED, null, "price-fixed"));
        invalid(post("/issues/" + issue.id() + "/reopen", a, Map.of("reason", ""), at(resolved)), "reason");
        ApiClient.Response reopened = post("/issues/" + issue.id() + "/reopen", a,
                Map.of("reason", "商家说价格又错了"), at(resolved));
        assertThat(reopened.status()).as("%s", reopened).isEqualTo(200);
        Issue after = reopened.as(Issue.class);
        assertThat(after.status()).isEqualTo(IssueStatus.IN_PROGRESS);
        assertThat(after.resolvedAt()).isNull();
        JsonNode history = api.get("/issues/" + issue.id() + "/history", a.token()).json().get("items");
        assertThat(history.get(history.size() - 1).get("action").asText()).isEqualTo("reopened");
    }

    @Test
    void aDuplicateResolvesAndBothShowTheLink() {
        Issue original = server.issue(a.token(), merchantA, Priority.P2);
        Issue duplicate = server.issue(a.token(), merchantA, Priority.P3);
        String path = "/issues/" + duplicate.id() + "/duplicate";
        invalid(post(path, a, Map.of("originalId", duplicate.id()), at(duplicate)), "originalId");
        invalid(post(path, a, Map.of("originalId", "iss_nope"), at(duplicate)), "originalId");
        Issue elsewhere = server.issue(b.token(), server.merchantOf(b).id(), Priority.P3);
        invalid(post(path, a, Map.of("originalId", elsewhere.id()), at(duplicate)), "originalId");

        ApiClient.Response linked = post(path, a, Map.of("originalId", original.id(), "note", "同一个商品"), at(duplicate));
        assertThat(linked.status()).as("%s", linked).isEqualTo(200);
        Issue after = linked.as(Issue.class);
        assertThat(after.status()).isEqualTo(IssueStatus.RESOLVED);
        assertThat(after.duplicateOf()).isEqualTo(original.id());
        assertThat(after.rootCause()).isEqualTo("duplicate");
        JsonNode originalHistory = api.get("/issues/" + original.id() + "/history", a.token()).json().get("items");
        JsonNode last = originalHistory.get(originalHistory.size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("duplicated");
        assertThat(last.get("detail").asText()).isEqualTo(duplicate.id());
        assertThat(server.issueById(original.id()).version()).isGreaterThan(original.version());

        problem(post(path, a, Map.of("originalId", original.id()), at(after)), 409);
        Issue third = server.issue(a.token(), merchantA, Priority.P3);
        problem(post("/issues/" + third.id() + "/duplicate", a, Map.of("originalId", duplicate.id()), at(third)), 409);

        ApiClient.Response reopened = post("/issues/" + duplicate.id() + "/reopen", a, Map.of("reason", "不是同一个"),
                at(after));
        assertThat(reopened.as(Issue.class).duplicateOf()).isNull();
    }

    @Test
    void theTeamsLoadIsForSupervisorsAndAdmins() {
        server.issue(a.token(), merchantA, Priority.P1);
        server.clock().advance(Duration.ofMinutes(2));
        ApiClient.Response load = api.get("/team/load", supervisor.token());
        assertThat(load.status()).as("%s", load).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        load.json().get("items").forEach(rows::add);
        JsonNode mine = rows.stream().filter(r -> r.get("managerId").asText().equals(a.id())).findFirst().orElseThrow();
        assertThat(mine.get("displayName").asText()).isEqualTo("李娜");
        assertThat(mine.get("open").asInt()).isPositive();
        assertThat(mine.get("breaching").asInt()).as("a P1 unanswered for two minutes").isPositive();
        assertThat(mine.get("moneyAtRiskCents").asLong()).isPositive();
        assertThat(rows).extracting(r -> r.get("managerId").asText()).contains(b.id());
        assertThat(api.get("/team/load", server.adminToken()).status()).isEqualTo(200);
        problem(api.get("/team/load", a.token()), 403);
        problem(api.get("/team/load", server.account(Role.PRODUCT_OWNER).token()), 403);
        problem(api.get("/team/load", null), 401);

        JsonNode managers = api.get("/team/managers", a.token()).json().get("items");
        List<String> ids = new ArrayList<>();
        managers.forEach(m -> ids.add(m.get("id").asText()));
        assertThat(ids).contains(a.id(), b.id()).doesNotContain(supervisor.id());
        problem(api.get("/team/managers", server.account(Role.PRODUCT_OWNER).token()), 403);
    }
}
