package io.lineone.server.issues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.server.ServerConfig;
import io.lineone.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SLA due times by priority, the first response, and the resolution clock paused while waiting for a merchant. */
class SlaApiTest {

    private static JsonNode move(QueueServer server, String token, String id, IssueStatus status, String rootCause) {
        JsonNode current = server.send("GET", "/issues/" + id, token, null).json();
        QueueServer.Response moved = server.send("PATCH", "/issues/" + id, token,
                new IssuePatch(status, null, rootCause), Map.of("If-Match", "\"" + current.get("version").asLong() + "\""));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        return moved.json();
    }

    private static JsonNode get(QueueServer server, String token, String id) {
        return server.send("GET", "/issues/" + id, token, null).json();
    }

    private static Instant at(JsonNode issue, String field) {
        return Instant.parse(issue.get(field).asText());
    }

    @Test
    void waitingForTheMerchantPausesTheResolutionClockOnly() {
        try (QueueServer server = QueueServer.start()) {
            QueueServer.Account manager = server.user(Role.MANAGER);
            String merchant = server.merchant(manager);
            Instant t0 = MutableClock.START;
            String id = server.issue(manager.token(), merchant, Priority.P1).get("id").asText();
            JsonNode fresh = get(server, manager.token(), id);
            assertThat(at(fresh, "firstResponseDueAt")).isEqualTo(t0.plusSeconds(60));
            assertThat(at(fresh, "resolutionDueAt")).isEqualTo(t0.plus(Duration.ofHours(4)));

            server.clock.advance(Duration.ofSeconds(19));
            server.send("POST", "/issues/" + id + "/claim", manager.token(), null);
            assertThat(get(server, manager.token(), id).get("firstResponseAt").isNull()).as("a claim is no response").isTrue();
            JsonNode acked = move(server, manager.token(), id, IssueStatus.ACKNOWLEDGED, null);
            assertThat(at(acked, "firstResponseAt")).isEqualTo(t0.plusSeconds(19));

            server.clock.advance(Duration.ofSeconds(41));
            move(server, manager.token(), id, IssueStatus.IN_PROGRESS, null);
            assertThat(at(get(server, manager.token(), id), "firstResponseAt")).as("set once").isEqualTo(t0.plusSeconds(19));
            JsonNode waiting = move(server, manager.token(), id, IssueStatus.WAITING_MERCHANT, null);
            assertThat(waiting.get("pauseCount").asInt()).isEqualTo(1);
            assertThat(at(waiting, "pausedSince")).isEqualTo(t0.plusSeconds(60));
            assertThat(waiting.get("pausedSeconds").asLong()).isZero();

            // While the pause runs, the due time moves on with the clock.
            server.clock.advance(Duration.ofSeconds(100));
            JsonNode paused = get(server, manager.token(), id);
            assertThat(paused.get("pausedSeconds").asLong()).isEqualTo(100);
            assertThat(at(paused, "resolutionDueAt")).isEqualTo(t0.plus(Duration.ofHours(4)).plusSeconds(100));
            assertThat(at(paused, "firstResponseDueAt")).as("not paused").isEqualTo(t0.plusSeconds(60));

            JsonNode back = move(server, manager.token(), id, IssueStatus.IN_PROGRESS, null);
            assertThat(back.get("pausedSince").isNull()).isTrue();
            server.clock.advance(Duration.ofMinutes(30));
            JsonNode working = get(server, manager.token(), id);
            assertThat(working.get("pausedSeconds").asLong()).isEqualTo(100);
            assertThat(at(working, "resolutionDueAt")).isEqualTo(t0.plus(Duration.ofHours(4)).plusSeconds(100));

            move(server, manager.token(), id, IssueStatus.WAITING_MERCHANT, null);
            server.clock.advance(Duration.ofSeconds(20));
            JsonNode resolved = move(server, manager.token(), id, IssueStatus.RESOLVED, "小数点错位");
            assertThat(resolved.get("pauseCount").asInt()).isEqualTo(2);
            assertThat(resolved.get("pausedSeconds").asLong()).isEqualTo(120);
            assertThat(resolved.get("pausedSince").isNull()).isTrue();
            assertThat(at(resolved, "resolutionDueAt")).isEqualTo(t0.plus(Duration.ofHours(4)).plusSeconds(120));
            assertThat(at(resolved, "resolvedAt")).isEqualTo(t0.plusSeconds(60 + 100 + 1800 + 20));

            // Resolved: the clocks stand still.
            server.clock.advance(Duration.ofHours(1));
            assertThat(get(server, manager.token(), id)).isEqualTo(resolved);
        }
    }

    @Test
    void theTargetsComeFromTheConfiguredTable() {
        Map<Priority, SlaPolicy.Targets> targets = new EnumMap<>(SlaPolicy.DEFAULT.targets());
        targets.put(Priority.P3, new SlaPolicy.Targets(Duration.ofSeconds(19), Duration.ofHours(1)));
        try (QueueServer server = QueueServer.start(ServerConfig.forTests().toBuilder().sla(new SlaPolicy(targets)).build())) {
            String merchant = server.merchant(null);
            JsonNode p3 = server.issue(merchant, Priority.P3);
            assertThat(at(p3, "firstResponseDueAt")).isEqualTo(MutableClock.START.plusSeconds(19));
            assertThat(at(p3, "resolutionDueAt")).isEqualTo(MutableClock.START.plus(Duration.ofHours(1)));
            JsonNode p4 = server.issue(merchant, Priority.P4);
            assertThat(at(p4, "firstResponseDueAt")).isEqualTo(MutableClock.START.plus(Duration.ofHours(4)));
            assertThat(at(p4, "resolutionDueAt")).isEqualTo(MutableClock.START.plus(Duration.ofDays(7)));
            JsonNode p2 = server.issue(merchant, Priority.P2);
            assertThat(at(p2, "firstResponseDueAt")).isEqualTo(MutableClock.START.plus(Duration.ofMinutes(5)));
            assertThat(at(p2, "resolutionDueAt")).isEqualTo(MutableClock.START.plus(Duration.ofHours(24)));
        }
    }
}
