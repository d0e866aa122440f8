package io.lineone.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.testing.Await;
import io.lineone.testing.PostgresExtension;
import io.lineone.testing.SharedPostgres;
import io.lineone.testing.SseReader;
import io.lineone.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The resume guarantee: while several writers post and move issues, subscribers that keep disconnecting and
 * resuming with {@code Last-Event-ID} end up with exactly the event log — every event they may see, in order,
 * none twice — on H2 and on a real PostgreSQL.
 */
@ExtendWith(PostgresExtension.class)
class ResumeUnderLoadTest {

    private static final int WRITERS = 4;
    private static final int ISSUES_PER_WRITER = 12;
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration HEARTBEAT = Duration.ofMillis(200);

    @Test
    void onH2() throws Exception {
        try (TestServer server = TestServer.onH2().heartbeat(HEARTBEAT).start()) {
            run(server);
        }
    }

    @Test
    void onPostgreSql(SharedPostgres postgres) throws Exception {
        try (TestServer server = TestServer.onPostgres(postgres).heartbeat(HEARTBEAT).start()) {
            run(server);
        }
    }

    /** What one subscriber received, in order. */
    private record Received(List<Long> ids, List<String> types, List<String> data, int reconnects) {
    }

    private void run(TestServer server) throws Exception {
        TestServer.Account a = server.account(Role.MANAGER);
        TestServer.Account b = server.account(Role.MANAGER);
        List<String> merchants = List.of(server.merchantOf(a).id(), server.merchantOf(b).id(),
                server.merchantOf(a).id(), server.unassignedMerchant().id());
        long start = lastId(server);

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch writersDone = new CountDownLatch(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int seed = w;
                writers.add(pool.submit(() -> {
                    try {
                        go.await();
                        write(server, merchants, new Random(seed));
                    } finally {
                        writersDone.countDown();
                    }
                    return null;
                }));
            }
            Future<Received> admin = pool.submit(new Subscriber(server, server.adminToken(), start, go, writersDone,
                    null, 1));
            Future<Received> manager = pool.submit(new Subscriber(server, a.token(), start, go, writersDone, a.id(), 2));
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            Received all = admin.get(60, TimeUnit.SECONDS);
            Received own = manager.get(60, TimeUnit.SECONDS);

            List<Object[]> log = log(server, start);
            assertThat(log).hasSize(WRITERS * ISSUES_PER_WRITER * 3);
            assertThat(all.ids()).as("ids of everything").isEqualTo(log.stream().map(r -> (Long) r[0]).toList());
            assertThat(all.types()).isEqualTo(log.stream().map(r -> (String) r[1]).toList());
            assertThat(all.data()).isEqualTo(log.stream().map(r -> (String) r[2]).toList());
            assertThat(all.reconnects()).isGreaterThan(5);

            List<Object[]> ofA = log.stream().filter(r -> a.id().equals(r[3])).toList();
            assertThat(ofA).isNotEmpty().hasSizeLessThan(log.size());
            assertThat(own.ids()).as("ids of the manager's merchants").isEqualTo(ofA.stream().map(r -> (Long) r[0]).toList());
            assertThat(own.data()).isEqualTo(ofA.stream().map(r -> (String) r[2]).toList());
            assertThat(own.reconnects()).isGreaterThan(2);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Posts issues and moves each twice, on random merchants, over HTTP. */
    private static void write(TestServer server, List<String> merchants, Random random) {
        for (int i = 0; i < ISSUES_PER_WRITER; i++) {
            String id = server.issue(merchants.get(random.nextInt(merchants.size())),
                    Priority.values()[random.nextInt(4)]).id();
            assertThat(server.api().send("PATCH", "/issues/" + id, server.adminToken(),
                    new IssuePatch(IssueStatus.ACKNOWLEDGED, null, null), Map.of("If-Match", "\"1\"")).status())
                    .isEqualTo(200);
            assertThat(server.api().send("PATCH", "/issues/" + id, server.adminToken(),
                    new IssuePatch(IssueStatus.RESOLVED, "第" + i + "次", "重复"), Map.of("If-Match", "\"2\"")).status())
                    .isEqualTo(200);
        }
    }

    /**
     * Reads from {@code start}, hanging up after a random 1–12 events and resuming from the last id it has, until
     * the writers are done and it has the newest event it may see ({@code managerId} null: everything).
     */
    private static final class Subscriber implements Callable<Received> {
        private final TestServer server;
        private final String token;
        private final CountDownLatch go;
        private final CountDownLatch writersDone;
        private final String managerId;
        private final Random random;
        private final List<Long> ids = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final List<String> data = new ArrayList<>();
        private long last;
        private Long target;

        Subscriber(TestServer server, String token, long start, CountDownLatch go, CountDownLatch writersDone,
                   String managerId, int seed) {
            this.server = server;
            this.token = token;
            this.last = start;
            this.go = go;
            this.writersDone = writersDone;
            this.managerId = managerId;
            this.random = new Random(seed);
        }

        @Override
        public Received call() throws Exception {
            int reconnects = 0;
            go.await();
            while (!caughtUp()) {
                int budget = 1 + random.nextInt(12);
                try (SseReader stream = server.events(token, last, null)) {
                    while (budget > 0) {
                        // Any event comes well within WAIT of the one before; once the writers are done there
                        // may be none left to come, and then having the newest one is the end.
                        Await.until(WAIT, () -> stream.hasPending() || caughtUp(), "an event within " + WAIT);
                        if (!stream.hasPending()) {
                            break;
                        }
                        SseReader.Event event = stream.next(Duration.ZERO);
                        assertThat(event.id()).as("in order, no duplicate").isGreaterThan(last);
                        ids.add(event.id());
                        types.add(event.type());
                        data.add(event.data());
                        last = event.id();
                        budget--;
                    }
                }
                reconnects++;
            }
            return new Received(ids, types, data, reconnects);
        }

        /** Whether the writers are done and this subscriber has the newest event it may see. */
        private boolean caughtUp() {
            if (target == null && writersDone.getCount() == 0) {
                target = newestVisible(server, managerId);
            }
            return target != null && last >= target;
        }
    }

    /** The newest event id a subscriber may see: of any merchant, or of those assigned to {@code managerId}. */
    private static long newestVisible(TestServer server, String managerId) {
        try (Connection db = server.database();
             PreparedStatement select = db.prepareStatement("select coalesce(max(e.id), 0) from domain_event e"
                     + " left join merchant m on m.id = e.merchant_id where ? is null or m.assigned_manager_id = ?")) {
            select.setString(1, managerId);
            select.setString(2, managerId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long lastId(TestServer server) throws Exception {
        try (Connection db = server.database();
             PreparedStatement select = db.prepareStatement("select coalesce(max(id), 0) from domain_event");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The log after {@code start}: id, type, payload and the merchant's manager now. */
    private static List<Object[]> log(TestServer server, long start) throws Exception {
        try (Connection db = server.database();
             PreparedStatement select = db.prepareStatement("select e.id, e.type, e.payload, m.assigned_manager_id"
                     + " from domain_event e left join merchant m on m.id = e.merchant_id where e.id > ? order by e.id")) {
            select.setLong(1, start);
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Object[] {result.getLong(1), result.getString(2), result.getString(3),
                        result.getString(4)});
                }
            }
            return rows;
        }
    }
}
