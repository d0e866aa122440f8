package io.lineone.server.issues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.testing.ApiClient;
import io.lineone.testing.Await;
import io.lineone.testing.SseReader;
import io.lineone.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A manager reaches the issues and events of their own merchants only, by every route. */
class VisibilityApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final TestServer server = TestServer.onH2().heartbeat(Duration.ofMillis(100)).build();

    private static final ApiClient api = server.api();
    private static TestServer.Account a;
    private static TestServer.Account b;
    private static String merchantA;
    private static String merchantB;

    @BeforeAll
    static void start() {
        a = server.account(Role.MANAGER);
        b = server.account(Role.MANAGER);
        merchantA = server.merchantOf(a).id();
        merchantB = server.merchantOf(b).id();
    }

    private static void assertNotFound(ApiClient.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anotherManagersIssueIsNotFoundByAnyRoute() {
        String issueB = server.issue(b.token(), merchantB, Priority.P1).id();
        assertNotFound(api.get("/issues/" + issueB, a.token()));
        assertNotFound(api.get("/issues/" + issueB + "/history", a.token()));
        assertNotFound(api.send("POST", "/issues/" + issueB + "/claim", a.token(), null));
        assertNotFound(api.send("PATCH", "/issues/" + issueB, a.token(),
                new IssuePatch(IssueStatus.ACKNOWLEDGED, null, null), Map.of("If-Match", "\"1\"")));
        assertNotFound(api.send("POST", "/issues", a.token(), Map.of("merchantId", merchantB,
                "category", "OTHER", "priority", "P3", "title", "不是我的商家")));
        assertNotFound(api.get("/issues?merchantId=" + merchantB, a.token()));
        // The same answer as for an id that does not exist.
        assertNotFound(api.get("/issues/iss_000000000doesnotexist", a.token()));

        server.issue(a.token(), merchantA, Priority.P2);
        JsonNode mine = api.get("/issues?limit=500", a.token()).json().get("items");
        assertThat(mine).isNotEmpty().allSatisfy(issue ->
                assertThat(issue.get("merchantId").asText()).isEqualTo(merchantA));

        TestServer.Account owner = server.account(Role.PRODUCT_OWNER);
        assertThat(api.get("/issues", owner.token()).status()).isEqualTo(403);
        assertNotFound(api.get("/issues/" + issueB, owner.token()));
        // A supervisor sees both.
        TestServer.Account supervisor = server.account(Role.SUPERVISOR);
        assertThat(api.get("/issues/" + issueB, supervisor.token()).status()).isEqualTo(200);
    }

    @Test
    void aManagerNeverReceivesEventsOfAnotherManagersMerchants() throws Exception {
        try (SseReader streamA = server.events(a.token(), null, null);
             SseReader streamB = server.events(b.token(), null, null)) {
            for (int i = 0; i < 3; i++) {
                server.issue(merchantB, Priority.P3);
                server.issue(merchantA, Priority.P3);
            }
            for (int i = 0; i < 3; i++) {
                SseReader.Event event = streamA.next(WAIT);
                assertThat(event.json().get("merchantId").asText()).isEqualTo(merchantA);
                SseReader.Event other = streamB.next(WAIT);
                assertThat(other.json().get("merchantId").asText()).isEqualTo(merchantB);
            }
        }
        // Replayed from the start: still only their own, all of them, then the heartbeat.
        List<String> replayed = replay(a);
        assertThat(replayed).isNotEmpty().containsOnly(merchantA);
        assertThat(replayed).hasSize(countEventsOf(merchantA));
        assertThat(replay(server.account(Role.PRODUCT_OWNER))).as("no merchant events for a product owner").isEmpty();
        assertThat(replay(server.account(Role.SUPERVISOR))).contains(merchantA, merchantB);
    }

    /** The merchant ids of every event a user gets replayed from the start of the log. */
    private static List<String> replay(TestServer.Account account) throws Exception {
        List<String> merchants = new ArrayList<>();
        try (SseReader stream = server.events(account.token(), 0L, null)) {
            // ": connected" comes first, heartbeats only after the replay: two comments mean the replay is over.
            Await.until(WAIT, () -> stream.comments() >= 2, "the replay and a heartbeat after it");
            for (SseReader.Event event : stream.drain()) {
                merchants.add(event.json().get("merchantId").asText());
            }
        }
        return merchants;
    }

    private static int countEventsOf(String merchantId) throws Exception {
        try (var db = server.database();
             var select = db.prepareStatement("select count(*) from domain_event where merchant_id = ?")) {
            select.setString(1, merchantId);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
