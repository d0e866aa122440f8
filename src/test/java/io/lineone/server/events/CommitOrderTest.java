package io.lineone.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Issue;
import io.lineone.api.Priority;
import io.lineone.server.db.Database;
import io.lineone.server.db.TxAccess;
import io.lineone.testing.PostgresExtension;
import io.lineone.testing.SharedPostgres;
import io.lineone.testing.SseReader;
import io.lineone.testing.TestServer;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On PostgreSQL writers no longer take turns, so a younger transaction may commit while an older one is still
 * open. The stream must still never pass an id that could be followed by a lower one: an issue posted while an
 * older writer is open reaches the subscriber only after that writer's event, live and on replay alike. (The
 * safety poll is set to a minute: the hub finds the older event by reading the log up to the stable horizon.)
 */
@ExtendWith(PostgresExtension.class)
class CommitOrderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void anEventCommittedUnderAnOlderOpenWriterIsDeliveredAfterItsEvent(SharedPostgres postgres) throws Exception {
        try (TestServer server = TestServer.onPostgres(postgres).configure(config -> config.eventStream(
                new EventHub.Settings(Duration.ofSeconds(30), 10_000, 500, Duration.ofMinutes(1)))).start();
             Database db = Database.open(server.config().jdbcUrl(), server.config().dbUser(),
                     server.config().dbPassword(), 2)) {
            String merchant = server.unassignedMerchant().id();
            try (SseReader live = server.events(server.adminToken(), null, null);
                 Connection older = db.dedicatedConnection()) {
                older.setAutoCommit(false);
                EventLog.StoredEvent held = new EventLog(db).append(TxAccess.of(older), List.of(
                        EventLog.NewEvent.global("release.updated", new Marker("older"), Instant.now()))).get(0);

                Issue younger = server.issue(merchant, Priority.P2);
                older.commit();

                SseReader.Event first = live.next(WAIT);
                SseReader.Event second = live.next(WAIT);
                assertThat(first.id()).isEqualTo(held.id());
                assertThat(first.data()).contains("older");
                assertThat(second.id()).isGreaterThan(first.id());
                assertThat(second.as(Issue.class).id()).isEqualTo(younger.id());

                try (SseReader replayed = server.events(server.adminToken(), first.id() - 1, null)) {
                    assertThat(replayed.next(WAIT).id()).isEqualTo(first.id());
                    assertThat(replayed.next(WAIT).id()).isEqualTo(second.id());
                }
            }
        }
    }

    /** A payload that says which writer wrote it. */
    private record Marker(String writer) {
    }
}
