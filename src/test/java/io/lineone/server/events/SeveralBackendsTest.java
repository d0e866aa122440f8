package io.lineone.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Issue;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.testing.PostgresExtension;
import io.lineone.testing.SharedPostgres;
import io.lineone.testing.SseReader;
import io.lineone.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two backends on one PostgreSQL database, as a team runs them behind a load balancer: what is posted to one
 * reaches the other's subscribers through LISTEN/NOTIFY — the safety poll is set to a minute here, so nothing else
 * could bring it in time — and a client that moves from one to the other resumes with no gap and no duplicate.
 * (How fast is a benchmark's question; the bound here only tells notification from polling.)
 */
@ExtendWith(PostgresExtension.class)
class SeveralBackendsTest {

    private static final Duration NO_POLL = Duration.ofMinutes(1);
    private static final Duration LOOSE = Duration.ofSeconds(5);

    private static TestServer.Builder withoutPolling(TestServer.Builder builder) {
        return builder.configure(config -> config.eventStream(
                new EventHub.Settings(Duration.ofMillis(500), 10_000, 500, NO_POLL)));
    }

    @Test
    void anIssuePostedToOneBackendReachesASubscriberOfTheOtherByNotification(SharedPostgres postgres)
            throws Exception {
        try (TestServer a = withoutPolling(TestServer.onPostgres(postgres)).start();
             TestServer b = withoutPolling(TestServer.onSameDatabaseAs(a)).start()) {
            String merchant = a.unassignedMerchant().id();
            // The same token works on both: sessions live in the shared database.
            try (SseReader onB = b.events(a.adminToken(), null, null); SseReader onA = a.events(b.adminToken(), null, null)) {
                List<Long> millis = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    TestServer from = i % 2 == 0 ? a : b;
                    SseReader other = i % 2 == 0 ? onB : onA;
                    Issue posted = from.issue(merchant, Priority.P2);
                    long answered = System.nanoTime();
                    SseReader.Event event = other.next(LOOSE);
                    millis.add((System.nanoTime() - answered) / 1_000_000);
                    assertThat(event).as("issue %d on the other backend within %s", i, LOOSE).isNotNull();
                    assertThat(event.type()).isEqualTo("issue.created");
                    assertThat(event.as(Issue.class).id()).isEqualTo(posted.id());
                    // Its own backend's subscriber hears it as well, and nothing else is pending anywhere.
                    assertThat((i % 2 == 0 ? onA : onB).next(LOOSE).as(Issue.class).id()).isEqualTo(posted.id());
                }
                assertThat(millis).as("answer → delivered on the other backend, ms").allSatisfy(
                        ms -> assertThat(ms).isLessThan(LOOSE.toMillis()));
                assertThat(onA.hasPending() || onB.hasPending()).isFalse();
            }
        }
    }

    @Test
    void aClientMovingBetweenBackendsResumesWithNoGapAndNoDuplicate(SharedPostgres postgres) throws Exception {
        try (TestServer a = withoutPolling(TestServer.onPostgres(postgres)).start();
             TestServer b = withoutPolling(TestServer.onSameDatabaseAs(a)).start()) {
            TestServer.Account manager = a.account(Role.MANAGER);
            String own = a.merchantOf(manager).id();
            String other = a.unassignedMerchant().id();
            List<String> expected = new ArrayList<>();
            List<String> received = new ArrayList<>();
            long last = 0;
            try (SseReader first = a.events(manager.token(), null, null)) {
                for (int i = 0; i < 3; i++) {
                    expected.add(a.issue(own, Priority.P3).id());
                    b.issue(other, Priority.P3);
                }
                for (int i = 0; i < 3; i++) {
                    SseReader.Event event = first.next(LOOSE);
                    assertThat(event.id()).isGreaterThan(last);
                    last = event.id();
                    received.add(event.as(Issue.class).id());
                }
            }
            // Gone from a; while away, both backends take more of its issues; it comes back through b.
            for (int i = 0; i < 3; i++) {
                expected.add((i % 2 == 0 ? a : b).issue(own, Priority.P3).id());
                a.issue(other, Priority.P3);
            }
            try (SseReader second = b.events(manager.token(), last, null)) {
                for (int i = 0; i < 4; i++) {
                    expected.add(b.issue(own, Priority.P3).id());
                }
                for (int i = 0; i < 7; i++) {
                    SseReader.Event event = second.next(LOOSE);
                    assertThat(event).as("event %d after moving", i).isNotNull();
                    assertThat(event.id()).isGreaterThan(last);
                    last = event.id();
                    received.add(event.as(Issue.class).id());
                }
                assertThat(second.next(Duration.ofMillis(300))).as("nothing twice").isNull();
            }
            assertThat(received).isEqualTo(expected);
        }
    }
}
