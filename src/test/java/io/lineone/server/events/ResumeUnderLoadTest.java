package io.lineone.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.server.ServerConfig;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The resume guarantee: while many writers post and move issues — on several backends sharing one PostgreSQL, and
 * across a backend's restart — subscribers that keep disconnecting and resuming with {@code Last-Event-ID}, each
 * time on a backend of their choosing, end up with exactly the event log: every event they may see, in order, none
 * twice. On H2 (one backend, restarted on its file) and on a real PostgreSQL (two backends, one restarted).
 */
@ExtendWith(PostgresExtension.class)
class ResumeUnderLoadTest {

    private static final int WRITERS = 8;
    private static final int ISSUES_PER_WRITER = 5;
    private static final int PHASES = 2;
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration HEARTBEAT = Duration.ofMillis(200);

    @Test
    void onH2AcrossARestart() throws Exception {
        try (TestServer server = TestServer.onH2File().heartbeat(HEARTBEAT).start()) {
            run(List.of(server), server);
        }
    }

    @Test
    void onPostgreSqlWithTwoBackendsOneRestarted(SharedPostgres postgres) throws Exception {
        try (TestServer a = TestServer.onPostgres(postgres).heartbeat(HEARTBEAT).start();
             TestServer b = TestServer.onSameDatabaseAs(a).heartbeat(HEARTBEAT).start()) {
            run(List.of(a, b), b);
        }
    }

    /** What one subscriber received, in order. */
    private record Received(List<Long> ids, List<String> types, List<String> data, int reconnects) {
    }

    /**
     * Writers post on every backend in turn, in {@link #PHASES} bursts; between two bursts {@code restarted} is
     * stopped and started again while the subscribers go on (they find it down, or resume on another backend).
     */
    private void run(List<TestServer> backends, TestServer restarted) throws Exception {
        TestServer first = backends.get(0);
        TestServer.Account a = first.account(Role.MANAGER);
        TestServer.Account b = first.account(Role.MANAGER);
        List<String> merchants = List.of(first.merchantOf(a).id(), first.merchantOf(b).id(),
                first.merchantOf(a).id(), first.unassignedMerchant().id());
        long start = lastId(first);

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch writersDone = new CountDownLatch(1);
        try {
            Future<Received> admin = pool.submit(new Subscriber(backends, "admin", ServerConfig.TEST_ADMIN_PASSWORD,
                    start, go, writersDone, null, 1));
            Future<Received> manager = pool.submit(new Subscriber(backends, a.login(), TestServer.PASSWORD, start, go,
                    writersDone, a.id(), 2));
            go.countDown();
            for (int phase = 0; phase < PHASES; phase++) {
                if (phase > 0) {
                    restarted.stop();
                    restarted.start();
                }
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    TestServer backend = backends.get(w % backends.size());
                    Random random = new Random(phase * WRITERS + w);
                    writers.add(pool.submit(() -> {
                        write(backend, merchants, random);
                        return null;
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get(120, TimeUnit.SECONDS);
                }
            }
            writersDone.countDown();
            Received all = admin.get(120, TimeUnit.SECONDS);
            Received own = manager.get(120, TimeUnit.SECONDS);

            List<Object[]> log = log(first, start);
            assertThat(log).hasSize(PHASES * WRITERS * ISSUES_PER_WRITER * 3);
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
     * Reads from {@code start}, hanging up after a random 1–12 events and resuming from the last id it has on a
     * backend picked at random (one that is down is skipped: it tries again), until the writers are done and it has
     * the newest event it may see ({@code managerId} null: everything). It signs in once: sessions are stored in
     * the database, so the token holds on every backend and across the restart.
     */
    private static final class Subscriber implements Callable<Received> {
        private final List<TestServer> backends;
        private final String login;
        private final String password;
        private final CountDownLatch go;
        private final CountDownLatch writersDone;
        private final String managerId;
        private final Random random;
        private final List<Long> ids = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final List<String> data = new ArrayList<>();
        private String token;
        private long last;
        private Long target;

        Subscriber(List<TestServer> backends, String login, String password, long start, CountDownLatch go,
                   CountDownLatch writersDone, String managerId, int seed) {
            this.backends = backends;
            this.login = login;
            this.password = password;
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
            token = backends.get(0).signIn(login, password);
            while (!caughtUp()) {
                int budget = 1 + random.nextInt(12);
                SseReader opened = open();
                if (opened == null) {
                    continue;
                }
                try (SseReader stream = opened) {
                    while (budget > 0 && !stream.ended()) {
                        // Any event comes well within WAIT of the one before; once the writers are done there
                        // may be none left to come, and then having the newest one is the end.
                        Await.until(WAIT, () -> stream.hasPending() || stream.ended() || caughtUp(),
                                "an event within " + WAIT);
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

        /** A stream on a random backend from the last id; null when that backend is down (being restarted). */
        private SseReader open() {
            TestServer backend = backends.get(random.nextInt(backends.size()));
            // A request caught by a backend's shutdown may never be answered: give up on it and try again.
            CompletableFuture<SseReader> opening = CompletableFuture.supplyAsync(() -> backend.events(token, last, null));
            try {
                return opening.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                opening.thenAccept(SseReader::close);
                Await.until(WAIT, () -> isUp(backend) || backends.size() > 1, "a backend up again");
                return null;
            }
        }

        /** Whether the writers are done and this subscriber has the newest event it may see. */
        private boolean caughtUp() {
            if (target == null && writersDone.getCount() == 0) {
                target = newestVisible(backends.get(0), managerId);
            }
            return target != null && last >= target;
        }
    }

    private static boolean isUp(TestServer backend) {
        try {
            return backend.api().get("/health", null).status() == 200;
        } catch (RuntimeException e) {
            return false;
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
