package io.lineone.server.issues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.Issue;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.testing.ApiClient;
import io.lineone.testing.MutableClock;
import io.lineone.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SLA due times by priority, the first response, and the resolution clock paused while waiting for a merchant. */
class SlaApiTest {

    private static JsonNode move(TestServer server, String token, String id, IssueStatus status, String rootCause) {
        JsonNode current = server.api().get("/issues/" + id, token).json();
        ApiClient.Response moved = server.api().send("PATCH", "/issues/" + id, token,
                new IssuePatch(status, null, rootCause), Map.of("If-Match", "\"" + current.get("version").asLong() + "\""));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        return moved.json();
    }

    private static JsonNode get(TestServer server, String token, String id) {
        return server.api().get("/issues/" + id, token).json();
    }

    private static Instant at(JsonNode issue, String field) {
        return Instant.parse(issue.get(field).asText());
    }

    @Test
    void waitingForTheMerchantPausesTheResolutionClockOnly() {
        try (TestServer server = TestServer.onH2().start()) {
            TestServer.Account manager = server.account(Role.MANAGER);
            String merchant = server.merchantOf(manager).id();
            Instant t0 = MutableClock.START;
            String id = server.issue(manager.token(), merchant, Priority.P1).id();
            JsonNode fresh = get(server, manager.token(), id);
            assertThat(at(fresh, "firstResponseDueAt")).isEqualTo(t0.plusSeconds(60));
            assertThat(at(fresh, "resolutionDueAt")).isEqualTo(t0.plus(Duration.ofHours(4)));

            server.clock().advance(Duration.ofSeconds(19));
            server.api().send("POST", "/issues/" + id + "/claim", manager.token(), null);
            assertThat(get(server, manager.token(), id).get("firstResponseAt").isNull()).as("a claim is no response").isTrue();
            JsonNode acked = move(server, manager.token(), id, IssueStatus.ACKNOWLEDGED, null);
            assertThat(at(acked, "firstResponseAt")).isEqualTo(t0.plusSeconds(19));

            server.clock().advance(Duration.ofSeconds(41));
            move(server, manager.token(), id, IssueStatus.IN_PROGRESS, null);
            assertThat(at(get(server, manager.token(), id), "firstResponseAt")).as("set once").isEqualTo(t0.plusSeconds(19));
            JsonNode waiting = move(server, manager.token(), id, IssueStatus.WAITING_MERCHANT, null);
            assertThat(waiting.get("pauseCount").asInt()).isEqualTo(1);
            assertThat(at(waiting, "pausedSince")).isEqualTo(t0.plusSeconds(60));
            assertThat(waiting.get("pausedSeconds").asLong()).isZero();

            // While the pause runs, the due time moves on with the clock.
            server.clock().advance(Duration.ofSeconds(100));
            JsonNode paused = get(server, manager.token(), id);
            assertThat(paused.get("pausedSeconds").asLong()).isEqualTo(100);
            assertThat(at(paused, "resolutionDueAt")).isEqualTo(t0.plus(Duration.ofHours(4)).plusSeconds(100));
            assertThat(at(paused, "firstResponseDueAt")).as("not paused").isEqualTo(t0.plusSeconds(60));

            JsonNode back = move(server, manager.token(), id, IssueStatus.IN_PROGRESS, null);
            assertThat(back.get("pausedSince").isNull()).isTrue();
            server.clock().advance(Duration.ofMinutes(30));
            JsonNode working = get(server, manager.token(), id);
            assertThat(working.get("pausedSeconds").asLong()).isEqualTo(100);
            assertThat(at(working, "resolutionDueAt")).isEqualTo(t0.plus(Duration.ofHours(4)).plusSeconds(100));

            move(server, manager.token(), id, IssueStatus.WAITING_MERCHANT, null);
            server.clock().advance(Duration.ofSeconds(20));
            JsonNode resolved = move(server, manager.token(), id, IssueStatus.RESOLVED, "小数点错位");
            assertThat(resolved.get("pauseCount").asInt()).isEqualTo(2);
            assertThat(resolved.get("pausedSeconds").asLong()).isEqualTo(120);
            assertThat(resolved.get("pausedSince").isNull()).isTrue();
            assertThat(at(resolved, "resolutionDueAt")).isEqualTo(t0.plus(Duration.ofHours(4)).plusSeconds(120));
            assertThat(at(resolved, "resolvedAt")).isEqualTo(t0.plusSeconds(60 + 100 + 1800 + 20));

            // Resolved: the clocks stand still.
            server.clock().advance(Duration.ofHours(1));
            assertThat(get(server, manager.token(), id)).isEqualTo(resolved);
        }
    }

    @Test
    void theTargetsComeFromTheConfiguredTable() {
        Map<Priority, SlaPolicy.Targets> targets = new EnumMap<>(SlaPolicy.DEFAULT.targets());
        targets.put(Priority.P3, new SlaPolicy.Targets(Duration.ofSeconds(19), Duration.ofHours(1)));
        try (TestServer server = TestServer.onH2().configure(config -> config.sla(new SlaPolicy(targets))).start()) {
            String merchant = server.unassignedMerchant().id();
            Issue p3 = server.issue(merchant, Priority.P3);
            assertThat(p3.firstResponseDueAt()).isEqualTo(MutableClock.START.plusSeconds(19));
            assertThat(p3.resolutionDueAt()).isEqualTo(MutableClock.START.plus(Duration.ofHours(1)));
            Issue p4 = server.issue(merchant, Priority.P4);
            assertThat(p4.firstResponseDueAt()).isEqualTo(MutableClock.START.plus(Duration.ofHours(4)));
            assertThat(p4.resolutionDueAt()).isEqualTo(MutableClock.START.plus(Duration.ofDays(7)));
            Issue p2 = server.issue(merchant, Priority.P2);
            assertThat(p2.firstResponseDueAt()).isEqualTo(MutableClock.START.plus(Duration.ofMinutes(5)));
            assertThat(p2.resolutionDueAt()).isEqualTo(MutableClock.START.plus(Duration.ofHours(24)));
        }
    }
}
