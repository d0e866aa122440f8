package io.lineone.server.issues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.testing.ApiClient;
import io.lineone.testing.MutableClock;
import io.lineone.testing.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /issues}: intake, the workflow, If-Match, claiming, history, lists and bad input. */
class IssueApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.onH2().build();

    private static final ApiClient api = server.api();
    private static TestServer.Account manager;
    private static TestServer.Account other;
    private static String merchant;

    @BeforeAll
    static void start() {
        manager = server.account(Role.MANAGER);
        other = server.account(Role.MANAGER);
        merchant = server.merchantOf(manager).id();
    }

    private static ApiClient.Response patch(String token, String id, Object body, String ifMatch) {
        return api.send("PATCH", "/issues/" + id, token, body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    private static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }

    @Test
    void aNewIssueIsNewUnassignedWithItsDueTimesAndAnEtag() {
        ApiClient.Response created = api.send("POST", "/issues", manager.token(), Map.of("merchantId", merchant,
                "category", "COUPON_OVERSPEND", "priority", "P2", "title", "满减券与品类券重复叠加"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode issue = created.json();
        String id = issue.get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/v1/issues/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(issue.get("status").asText()).isEqualTo("NEW");
        assertThat(issue.get("source").asText()).isEqualTo("MERCHANT");
        assertThat(issue.get("description").asText()).isEmpty();
        assertThat(issue.get("moneyAtRiskCents").asLong()).isZero();
        assertThat(issue.get("assigneeId").isNull()).isTrue();
        assertThat(issue.get("merchantName").asText()).startsWith("测试商家");
        assertThat(issue.get("createdAt").asText()).isEqualTo(MutableClock.START.toString());
        assertThat(issue.get("firstResponseDueAt").asText()).isEqualTo("2026-11-11T00:05:00Z");
        assertThat(issue.get("resolutionDueAt").asText()).isEqualTo("2026-11-12T00:00:00Z");

        ApiClient.Response read = api.get("/issues/" + id, manager.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.json()).isEqualTo(issue);
    }

    @Test
    void patchNeedsIfMatchAndACurrentVersion() {
        String id = server.issue(merchant, Priority.P3).id();
        IssuePatch ack = new IssuePatch(IssueStatus.ACKNOWLEDGED, null, null);

        assertProblem(patch(manager.token(), id, ack, null), 428);
        assertProblem(patch(manager.token(), id, ack, "\"7\""), 412);
        assertProblem(patch(manager.token(), id, ack, "\"banana\""), 412);

        ApiClient.Response done = patch(manager.token(), id, ack, "\"1\"");
        assertThat(done.status()).as("%s", done).isEqualTo(200);
        assertThat(done.header("ETag")).isEqualTo("\"2\"");
        assertThat(done.json().get("status").asText()).isEqualTo("ACKNOWLEDGED");
        // The same request again is now stale: somebody (we) changed it since version 1.
        assertProblem(patch(manager.token(), id, new IssuePatch(IssueStatus.IN_PROGRESS, null, null), "\"1\""), 412);
        // A weak tag, a list and * all work as RFC 9110 says.
        assertThat(patch(manager.token(), id, new IssuePatch(null, "已联系商家", null), "W/\"2\"").status()).isEqualTo(200);
        assertThat(patch(manager.token(), id, new IssuePatch(null, "再次确认", null), "\"1\", \"3\"").status()).isEqualTo(200);
        assertThat(patch(manager.token(), id, new IssuePatch(null, "第三次", null), "*").status()).isEqualTo(200);
    }

    @Test
    void theWorkflowRefusesMovesItDoesNotAllow() {
        String id = server.issue(merchant, Priority.P3).id();
        assertProblem(patch(manager.token(), id, new IssuePatch(IssueStatus.WAITING_MERCHANT, null, null), "\"1\""), 409);
        JsonNode acked = patch(manager.token(), id, new IssuePatch(IssueStatus.ACKNOWLEDGED, null, null), "\"1\"").json();
        assertProblem(patch(manager.token(), id, new IssuePatch(IssueStatus.NEW, null, null), "\"2\""), 409);
        // Resolving needs a root cause: in the patch, or already on the issue.
        ApiClient.Response noCause = patch(manager.token(), id, new IssuePatch(IssueStatus.RESOLVED, null, null), "\"2\"");
        assertProblem(noCause, 400);
        assertThat(noCause.json().get("errors").get(0).get("field").asText()).isEqualTo("rootCause");
        assertThat(patch(manager.token(), id, new IssuePatch(null, null, "小数点错位"), "\"2\"").status()).isEqualTo(200);
        ApiClient.Response resolved = patch(manager.token(), id, new IssuePatch(IssueStatus.RESOLVED, "已下架", null), "\"3\"");
        assertThat(resolved.status()).as("%s", resolved).isEqualTo(200);
        assertThat(resolved.json().get("resolvedAt").asText()).isEqualTo(MutableClock.START.toString());
        assertThat(resolved.json().get("rootCause").asText()).isEqualTo("小数点错位");
        // RESOLVED is final; a note may still be added, and the same status is no move at all.
        assertProblem(patch(manager.token(), id, new IssuePatch(IssueStatus.IN_PROGRESS, null, null), "\"4\""), 409);
        ApiClient.Response same = patch(manager.token(), id, new IssuePatch(IssueStatus.RESOLVED, null, null), "\"4\"");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("ETag")).isEqualTo("\"4\"");
        assertThat(patch(manager.token(), id, new IssuePatch(null, "复盘完成", null), "\"4\"").status()).isEqualTo(200);
        assertThat(acked.get("assigneeId").asText()).as("acknowledging an unassigned issue takes it").isEqualTo(manager.id());
    }

    @Test
    void newMayGoStraightToInProgressOrResolved() {
        String a = server.issue(merchant, Priority.P4).id();
        JsonNode started = patch(manager.token(), a, new IssuePatch(IssueStatus.IN_PROGRESS, null, null), "\"1\"").json();
        assertThat(started.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(started.get("firstResponseAt").isNull()).isFalse();
        String b = server.issue(merchant, Priority.P4).id();
        JsonNode closed = patch(manager.token(), b, new IssuePatch(IssueStatus.RESOLVED, "重复问题", "重复"), "\"1\"").json();
        assertThat(closed.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(closed.get("firstResponseAt").asText()).isEqualTo(closed.get("resolvedAt").asText());
    }

    @Test
    void claimingAssignsTheCallerButIsNoResponse() {
        String id = server.issue(merchant, Priority.P2).id();
        ApiClient.Response claimed = api.send("POST", "/issues/" + id + "/claim", manager.token(), null);
        assertThat(claimed.status()).as("%s", claimed).isEqualTo(200);
        assertThat(claimed.header("ETag")).isEqualTo("\"2\"");
        assertThat(claimed.json().get("assigneeId").asText()).isEqualTo(manager.id());
        assertThat(claimed.json().get("assigneeName").asText()).isEqualTo("测试 " + manager.login());
        assertThat(claimed.json().get("status").asText()).isEqualTo("NEW");
        assertThat(claimed.json().get("firstResponseAt").isNull()).isTrue();
        // Again: nothing changes.
        assertThat(api.send("POST", "/issues/" + id + "/claim", manager.token(), null).header("ETag")).isEqualTo("\"2\"");
        // Somebody else's: conflict. A machine account may not claim at all.
        TestServer.Account supervisor = server.account(Role.SUPERVISOR);
        assertProblem(api.send("POST", "/issues/" + id + "/claim", supervisor.token(), null), 409);
        TestServer.Account feed = server.account(Role.SERVICE);
        assertProblem(api.send("POST", "/issues/" + id + "/claim", feed.token(), null), 403);
        // An If-Match on a claim is honoured.
        String other = server.issue(merchant, Priority.P2).id();
        assertProblem(api.send("POST", "/issues/" + other + "/claim", manager.token(), null, Map.of("If-Match", "\"5\"")), 412);
    }

    @Test
    void historyTellsWhoDidWhatAndWhen() {
        String id = server.issue(merchant, Priority.P3).id();
        api.send("POST", "/issues/" + id + "/claim", manager.token(), null);
        patch(manager.token(), id, new IssuePatch(IssueStatus.ACKNOWLEDGED, "马上处理", null), "\"2\"");
        patch(manager.token(), id, new IssuePatch(IssueStatus.RESOLVED, null, "促销价未回滚"), "\"3\"");
        ApiClient.Response history = api.get("/issues/" + id + "/history", manager.token());
        assertThat(history.status()).isEqualTo(200);
        JsonNode items = history.json().get("items");
        assertThat(items).hasSize(4);
        assertThat(items.get(0).get("action").asText()).isEqualTo("created");
        assertThat(items.get(1).get("action").asText()).isEqualTo("claimed");
        assertThat(items.get(1).get("actorId").asText()).isEqualTo(manager.id());
        assertThat(items.get(2).get("fromStatus").asText()).isEqualTo("NEW");
        assertThat(items.get(2).get("toStatus").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(items.get(2).get("note").asText()).isEqualTo("马上处理");
        assertThat(items.get(3).get("rootCause").asText()).isEqualTo("促销价未回滚");
        assertThat(items.get(3).get("actorName").asText()).isEqualTo("测试 " + manager.login());
        assertThat(items.get(3).get("at").asText()).isEqualTo(MutableClock.START.toString());
    }

    @Test
    void listsFilterAndPageWithoutLosingOrRepeatingAnIssue() {
        TestServer.Account owner = server.account(Role.MANAGER);
        String shop = server.merchantOf(owner).id();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(server.issue(shop, i % 2 == 0 ? Priority.P1 : Priority.P4).id());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Response page = api.get("/issues?merchantId=" + shop + "&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor), owner.token());
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            page.json().get("items").forEach(item -> seen.add(item.get("id").asText()));
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().isSorted();
        assertThat(new HashSet<>(seen)).isEqualTo(created);

        assertThat(api.get("/issues?priority=P1&merchantId=" + shop, owner.token())
                .json().get("items")).hasSize(4);
        String first = seen.get(0);
        api.send("POST", "/issues/" + first + "/claim", owner.token(), null);
        assertThat(api.get("/issues?assignee=me", owner.token()).json().get("items")).hasSize(1);
        assertThat(api.get("/issues?assignee=unassigned&merchantId=" + shop, owner.token())
                .json().get("items")).hasSize(6);
        patch(owner.token(), first, new IssuePatch(IssueStatus.RESOLVED, null, "重复"), "\"2\"");
        assertThat(api.get("/issues?status=open&merchantId=" + shop, owner.token())
                .json().get("items")).hasSize(6);
        assertThat(api.send("GET", "/issues?status=NEW,RESOLVED&category=PRICING_ERROR&merchantId=" + shop,
                owner.token(), null).json().get("items")).hasSize(7);
    }

    @Test
    void badInputGetsA4xxProblem() {
        assertProblem(api.send("POST", "/issues", manager.token(), "{\"merchantId\":", Map.of()), 400);
        assertProblem(api.send("POST", "/issues", manager.token(), Map.of("merchantId", merchant,
                "category", "PRICING", "priority", "P1", "title", "x")), 400);
        assertProblem(api.send("POST", "/issues", manager.token(), Map.of("merchantId", merchant,
                "category", "OTHER", "priority", "P9", "title", "x")), 400);
        ApiClient.Response missing = api.send("POST", "/issues", manager.token(), Map.of("merchantId", merchant));
        assertProblem(missing, 400);
        assertThat(missing.json().get("errors")).hasSize(3);
        assertProblem(api.send("POST", "/issues", manager.token(), Map.of("merchantId", merchant,
                "category", "OTHER", "priority", "P1", "title", "x", "moneyAtRiskCents", -1)), 400);
        assertProblem(api.send("POST", "/issues", manager.token(), "{\"merchantId\":\"" + merchant
                + "\",\"category\":\"OTHER\",\"priority\":\"P1\",\"title\":\"x\",\"moneyAtRiskCents\":99999999999999999999}",
                Map.of()), 400);
        assertProblem(api.send("POST", "/issues", manager.token(), Map.of("merchantId", merchant,
                "category", "OTHER", "priority", "P1", "title", "x".repeat(201))), 400);
        assertProblem(api.send("POST", "/issues", manager.token(), Map.of("merchantId", merchant,
                "category", "OTHER", "priority", "P1", "title", "ok", "description", "bell\u0007")), 400);
        assertProblem(api.send("POST", "/issues", manager.token(), Map.of("merchantId", "'; drop table issue; --",
                "category", "OTHER", "priority", "P1", "title", "x")), 404);
        assertProblem(api.send("POST", "/issues", manager.token(), Map.of("merchantId", merchant,
                "category", "OTHER", "priority", 1, "title", "x")), 400);

        String id = server.issue(merchant, Priority.P3).id();
        assertProblem(patch(manager.token(), id, Map.of(), "\"1\""), 400);
        assertProblem(patch(manager.token(), id, Map.of("status", "DONE"), "\"1\""), 400);
        assertProblem(patch(manager.token(), id, Map.of("note", 5), "\"1\""), 400);
        assertProblem(patch(manager.token(), id, Map.of("rootCause", "x".repeat(101)), "\"1\""), 400);

        assertProblem(api.get("/issues?status=LATE", manager.token()), 400);
        assertProblem(api.get("/issues?assignee=bob", manager.token()), 400);
        assertProblem(api.get("/issues?limit=0", manager.token()), 400);
        assertProblem(api.get("/issues?cursor=%25%25", manager.token()), 400);
        assertProblem(api.get("/issues/iss_nope", manager.token()), 404);
        assertProblem(api.get("/issues", null), 401);
        assertProblem(api.send("POST", "/issues", server.account(Role.SUPERVISOR).token(), Map.of("merchantId", merchant,
                "category", "OTHER", "priority", "P1", "title", "x")), 403);
    }
}
