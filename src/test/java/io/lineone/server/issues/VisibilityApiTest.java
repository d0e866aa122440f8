package io.lineone.server.issues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.server.ServerConfig;
import io.lineone.server.events.EventHub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A manager reaches the issues and events of their own merchants only, by every route. */
class VisibilityApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static QueueServer server;
    private static QueueServer.Account a;
    private static QueueServer.Account b;
    private static String merchantA;
    private static String merchantB;

    @BeforeAll
    static void start() {
        server = QueueServer.start(ServerConfig.forTests().toBuilder()
                .eventStream(EventHub.Settings.DEFAULT.withHeartbeat(Duration.ofMillis(100))).build());
        a = server.user(Role.MANAGER);
        b = server.user(Role.MANAGER);
        merchantA = server.merchant(a);
        merchantB = server.merchant(b);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertNotFound(QueueServer.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anotherManagersIssueIsNotFoundByAnyRoute() {
        String issueB = server.issue(b.token(), merchantB, Priority.P1).get("id").asText();
        assertNotFound(server.send("GET", "/issues/" + issueB, a.token(), null));
        assertNotFound(server.send("GET", "/issues/" + issueB + "/history", a.token(), null));
        assertNotFound(server.send("POST", "/issues/" + issueB + "/claim", a.token(), null));
        assertNotFound(server.send("PATCH", "/issues/" + issueB, a.token(),
                new IssuePatch(IssueStatus.ACKNOWLEDGED, null, null), Map.of("If-Match", "\"1\"")));
        assertNotFound(server.send("POST", "/issues", a.token(), Map.of("merchantId", merchantB,
                "category", "OTHER", "priority", "P3", "title", "不是我的商家")));
        assertNotFound(server.send("GET", "/issues?merchantId=" + merchantB, a.token(), null));
        // The same answer as for an id that does not exist.
        assertNotFound(server.send("GET", "/issues/iss_000000000doesnotexist", a.token(), null));

        server.issue(a.token(), merchantA, Priority.P2);
        JsonNode mine = server.send("GET", "/issues?limit=500", a.token(), null).json().get("items");
        assertThat(mine).isNotEmpty().allSatisfy(issue ->
                assertThat(issue.get("merchantId").asText()).isEqualTo(merchantA));

        QueueServer.Account owner = server.user(Role.PRODUCT_OWNER);
        assertThat(server.send("GET", "/issues", owner.token(), null).status()).isEqualTo(403);
        assertNotFound(server.send("GET", "/issues/" + issueB, owner.token(), null));
        // A supervisor sees both.
        QueueServer.Account supervisor = server.user(Role.SUPERVISOR);
        assertThat(server.send("GET", "/issues/" + issueB, supervisor.token(), null).status()).isEqualTo(200);
    }

    @Test
    void aManagerNeverReceivesEventsOfAnotherManagersMerchants() throws Exception {
        try (SseStream streamA = SseStream.open(server, a.token(), null, null);
             SseStream streamB = SseStream.open(server, b.token(), null, null)) {
            for (int i = 0; i < 3; i++) {
                server.issue(merchantB, Priority.P3);
                server.issue(merchantA, Priority.P3);
            }
            for (int i = 0; i < 3; i++) {
                SseStream.Event event = streamA.next(WAIT);
                assertThat(QueueServer.JSON.readTree(event.data()).get("merchantId").asText()).isEqualTo(merchantA);
                SseStream.Event other = streamB.next(WAIT);
                assertThat(QueueServer.JSON.readTree(other.data()).get("merchantId").asText()).isEqualTo(merchantB);
            }
        }
        // Replayed from the start: still only their own, all of them, then the heartbeat.
        List<String> replayed = replay(a);
        assertThat(replayed).isNotEmpty().containsOnly(merchantA);
        assertThat(replayed).hasSize(countEventsOf(merchantA));
        assertThat(replay(server.user(Role.PRODUCT_OWNER))).as("no merchant events for a product owner").isEmpty();
        assertThat(replay(server.user(Role.SUPERVISOR))).contains(merchantA, merchantB);
    }

    /** The merchant ids of every event a user gets replayed from the start of the log. */
    private static List<String> replay(QueueServer.Account account) throws Exception {
        List<String> merchants = new ArrayList<>();
        try (SseStream stream = SseStream.open(server, account.token(), 0L, null)) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            // ": connected" comes first, heartbeats only after the replay: two comments mean the replay is over.
            while (stream.comments() < 2 && System.nanoTime() < deadline) {
                SseStream.Event event = stream.next(Duration.ofMillis(20));
                if (event != null) {
                    merchants.add(QueueServer.JSON.readTree(event.data()).get("merchantId").asText());
                }
            }
            SseStream.Event event;
            while ((event = stream.next(Duration.ZERO)) != null) {
                merchants.add(QueueServer.JSON.readTree(event.data()).get("merchantId").asText());
            }
            assertThat(stream.comments()).isGreaterThanOrEqualTo(2);
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
