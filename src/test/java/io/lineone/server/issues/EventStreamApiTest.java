package io.lineone.server.issues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.server.ServerConfig;
import io.lineone.server.events.EventHub;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /events}: frames, replay from an id, heartbeats, and the 4xx answers. */
class EventStreamApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static QueueServer server;

    @BeforeAll
    static void start() {
        server = QueueServer.start(ServerConfig.forTests().toBuilder()
                .eventStream(EventHub.Settings.DEFAULT.withHeartbeat(Duration.ofMillis(100))).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anIssueChangeArrivesAsAnEventWithItsIdTypeAndPayload() throws Exception {
        String merchant = server.merchant(null);
        try (SseStream stream = SseStream.open(server, server.adminToken, null, null)) {
            JsonNode issue = server.issue(merchant, Priority.P1);
            SseStream.Event created = stream.next(WAIT);
            assertThat(created).isNotNull();
            assertThat(created.type()).isEqualTo("issue.created");
            JsonNode payload = QueueServer.JSON.readTree(created.data());
            assertThat(payload).isEqualTo(issue);
            assertThat(payload.get("title").asText()).isEqualTo("标价疑似小数点错位");

            server.send("PATCH", "/issues/" + issue.get("id").asText(), server.adminToken,
                    new IssuePatch(IssueStatus.ACKNOWLEDGED, "收到", null), Map.of("If-Match", "\"1\""));
            SseStream.Event updated = stream.next(WAIT);
            assertThat(updated.type()).isEqualTo("issue.updated");
            assertThat(updated.id()).isEqualTo(created.id() + 1);
            assertThat(QueueServer.JSON.readTree(updated.data()).get("status").asText()).isEqualTo("ACKNOWLEDGED");

            // The log holds both, with the same ids, types and payloads.
            try (Connection db = server.database(); Statement select = db.createStatement();
                 ResultSet rows = select.executeQuery("select id, type, payload from domain_event where id >= "
                         + created.id() + " order by id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("payload")).isEqualTo(created.data());
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong("id")).isEqualTo(updated.id());
                assertThat(rows.getString("type")).isEqualTo("issue.updated");
            }
        }
    }

    @Test
    void lastEventIdReplaysWhatCameAfterItThenGoesLive() throws Exception {
        String merchant = server.merchant(null);
        long before = lastId();
        JsonNode a = server.issue(merchant, Priority.P3);
        JsonNode b = server.issue(merchant, Priority.P4);
        try (SseStream stream = SseStream.open(server, server.adminToken, before, null)) {
            assertThat(stream.next(WAIT).data()).contains(a.get("id").asText());
            assertThat(stream.next(WAIT).data()).contains(b.get("id").asText());
            JsonNode c = server.issue(merchant, Priority.P2);
            SseStream.Event live = stream.next(WAIT);
            assertThat(live.id()).isEqualTo(before + 3);
            assertThat(live.data()).contains(c.get("id").asText());
        }
        // ?since= does the same for a first connection; the header wins over it.
        try (SseStream stream = SseStream.open(server, server.adminToken, null, "since=" + (before + 2))) {
            assertThat(stream.next(WAIT).id()).isEqualTo(before + 3);
        }
        try (SseStream stream = SseStream.open(server, server.adminToken, before + 1, "since=" + (before + 2))) {
            assertThat(stream.next(WAIT).id()).isEqualTo(before + 2);
        }
    }

    @Test
    void anIdleStreamSendsHeartbeatComments() throws Exception {
        try (SseStream stream = SseStream.open(server, server.adminToken, null, null)) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (stream.comments() < 3 && System.nanoTime() < deadline) {
                assertThat(stream.next(Duration.ofMillis(50))).isNull();
            }
            assertThat(stream.comments()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aStreamNeedsATokenTheRightAcceptAndAnIdThatIsANumber() {
        assertThat(server.sendRaw("GET", "/events", null, null, Map.of("Accept", "text/event-stream")).status())
                .isEqualTo(401);
        QueueServer.Response noAccept = server.sendRaw("GET", "/events", server.adminToken, null, Map.of());
        assertThat(noAccept.status()).isEqualTo(400);
        assertThat(noAccept.header("Content-Type")).startsWith("application/problem+json");
        QueueServer.Response badId = server.sendRaw("GET", "/events", server.adminToken, null,
                Map.of("Accept", "text/event-stream", "Last-Event-ID", "-3"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("errors").get(0).get("field").asText()).isEqualTo("Last-Event-ID");
        assertThat(server.sendRaw("GET", "/events?since=abc", server.adminToken, null,
                Map.of("Accept", "text/event-stream")).status()).isEqualTo(400);
        QueueServer.Account owner = server.user(Role.PRODUCT_OWNER);
        assertThat(server.sendRaw("GET", "/events?since=99999999999999999999", owner.token(), null,
                Map.of("Accept", "text/event-stream")).status()).isEqualTo(400);
    }

    @Test
    void stoppingTheServerEndsItsStreams() throws Exception {
        QueueServer other = QueueServer.start();
        SseStream stream = SseStream.open(other, other.adminToken, 0L, null);
        long started = System.nanoTime();
        other.close();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!stream.ended() && System.nanoTime() < deadline) {
            assertThat(stream.next(Duration.ofMillis(20))).isNull();
        }
        assertThat(stream.ended()).as("the stream ends with the server").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        stream.close();
    }

    @Test
    void signingOutEndsTheStreamsOpenedWithThatToken() throws Exception {
        String token = server.signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD);
        try (SseStream stream = SseStream.open(server, token, null, null)) {
            assertThat(server.send("DELETE", "/session", token, null, Map.of()).status()).isEqualTo(204);

            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!stream.ended() && System.nanoTime() < deadline) {
                stream.next(Duration.ofMillis(20));
            }
            assertThat(stream.ended()).as("a revoked token's stream ends within a heartbeat or two").isTrue();
        }
    }

    private static long lastId() throws Exception {
        try (Connection db = server.database(); Statement select = db.createStatement();
             ResultSet rows = select.executeQuery("select max(id) from domain_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
