package io.lineone.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Issue;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.server.ServerConfig;
import io.lineone.testing.ApiClient;
import io.lineone.testing.Await;
import io.lineone.testing.SseReader;
import io.lineone.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /events}: frames, replay from an id, heartbeats, and the 4xx answers. */
class EventStreamApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final TestServer server = TestServer.onH2().heartbeat(Duration.ofMillis(100)).build();

    private static final ApiClient api = server.api();
    private static String admin;

    @BeforeAll
    static void start() {
        admin = server.adminToken();
    }

    @Test
    void anIssueChangeArrivesAsAnEventWithItsIdTypeAndPayload() throws Exception {
        String merchant = server.unassignedMerchant().id();
        try (SseReader stream = server.events(admin, null, null)) {
            Issue issue = server.issue(merchant, Priority.P1);
            SseReader.Event created = stream.next(WAIT);
            assertThat(created).isNotNull();
            assertThat(created.type()).isEqualTo("issue.created");
            assertThat(created.as(Issue.class)).isEqualTo(issue);
            assertThat(created.json().get("title").asText()).isEqualTo("标价疑似小数点错位");

            api.send("PATCH", "/issues/" + issue.id(), admin,
                    new IssuePatch(IssueStatus.ACKNOWLEDGED, "收到", null), Map.of("If-Match", "\"1\""));
            SseReader.Event updated = stream.next(WAIT);
            assertThat(updated.type()).isEqualTo("issue.updated");
            assertThat(updated.id()).isEqualTo(created.id() + 1);
            assertThat(updated.json().get("status").asText()).isEqualTo("ACKNOWLEDGED");

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
        String merchant = server.unassignedMerchant().id();
        long before = lastId();
        Issue a = server.issue(merchant, Priority.P3);
        Issue b = server.issue(merchant, Priority.P4);
        try (SseReader stream = server.events(admin, before, null)) {
            assertThat(stream.next(WAIT).data()).contains(a.id());
            assertThat(stream.next(WAIT).data()).contains(b.id());
            Issue c = server.issue(merchant, Priority.P2);
            SseReader.Event live = stream.next(WAIT);
            assertThat(live.id()).isEqualTo(before + 3);
            assertThat(live.data()).contains(c.id());
        }
        // ?since= does the same for a first connection; the header wins over it.
        try (SseReader stream = server.events(admin, null, "since=" + (before + 2))) {
            assertThat(stream.next(WAIT).id()).isEqualTo(before + 3);
        }
        try (SseReader stream = server.events(admin, before + 1, "since=" + (before + 2))) {
            assertThat(stream.next(WAIT).id()).isEqualTo(before + 2);
        }
    }

    @Test
    void anIdleStreamSendsHeartbeatComments() {
        try (SseReader stream = server.events(admin, null, null)) {
            Await.until(WAIT, () -> stream.comments() >= 3, "the greeting and two heartbeats");
            assertThat(stream.drain()).as("comments only, no event").isEmpty();
        }
    }

    @Test
    void aStreamNeedsATokenTheRightAcceptAndAnIdThatIsANumber() {
        assertThat(api.send("GET", "/events", null, null, Map.of("Accept", "text/event-stream")).status())
                .isEqualTo(401);
        ApiClient.Response noAccept = api.get("/events", admin);
        assertThat(noAccept.status()).isEqualTo(400);
        assertThat(noAccept.header("Content-Type")).startsWith("application/problem+json");
        ApiClient.Response badId = api.send("GET", "/events", admin, null,
                Map.of("Accept", "text/event-stream", "Last-Event-ID", "-3"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("errors").get(0).get("field").asText()).isEqualTo("Last-Event-ID");
        assertThat(api.send("GET", "/events?since=abc", admin, null,
                Map.of("Accept", "text/event-stream")).status()).isEqualTo(400);
        TestServer.Account owner = server.account(Role.PRODUCT_OWNER);
        assertThat(api.send("GET", "/events?since=99999999999999999999", owner.token(), null,
                Map.of("Accept", "text/event-stream")).status()).isEqualTo(400);
    }

    @Test
    void stoppingTheServerEndsItsStreams() {
        TestServer other = TestServer.onH2().start();
        try (SseReader stream = other.events(other.adminToken(), 0L, null)) {
            other.close();
            Await.until(Duration.ofSeconds(5), stream::ended, "the stream ends with the server, within 5 s");
            assertThat(stream.drain()).as("no event from a server with an empty log").isEmpty();
        } finally {
            other.close();
        }
    }

    @Test
    void signingOutEndsTheStreamsOpenedWithThatToken() {
        String token = server.signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD);
        try (SseReader stream = server.events(token, null, null)) {
            assertThat(api.delete("/session", token).status()).isEqualTo(204);

            Await.until(WAIT, stream::ended, "a revoked token's stream ends within a heartbeat or two");
        }
    }

    @Test
    void signingOutEverywhereEndsEveryStreamOfThatUser() {
        TestServer.Account manager = server.account(Role.MANAGER);
        String other = server.signIn(manager.login(), TestServer.PASSWORD);
        String bystander = server.signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD);
        try (SseReader first = server.events(manager.token(), null, null);
             SseReader second = server.events(other, null, null);
             SseReader unrelated = server.events(bystander, null, null)) {
            assertThat(api.delete("/sessions", other).status()).isEqualTo(204);

            Await.until(WAIT, () -> first.ended() && second.ended(), "every stream of the user ends");
            int heard = unrelated.comments();
            Await.until(WAIT, () -> unrelated.comments() > heard + 1, "another user's stream keeps its heartbeat");
            assertThat(unrelated.ended()).isFalse();
        }
    }

    @Test
    void aTokenThatExpiresWhileItsStreamIsOpenEndsTheStream() {
        String token = server.signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD);
        try (SseReader stream = server.events(token, null, null)) {
            server.clock().advance(Duration.ofHours(12));
            try {
                Await.until(WAIT, stream::ended, "an expired token's stream ends within a heartbeat or two");
            } finally {
                server.clock().advance(Duration.ofHours(-12));
            }
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
