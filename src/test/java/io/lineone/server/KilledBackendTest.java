package io.lineone.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.NewIssue;
import io.lineone.api.NewMerchant;
import io.lineone.api.Priority;
import io.lineone.api.Tier;
import io.lineone.testing.ApiClient;
import io.lineone.testing.BackendProcess;
import io.lineone.testing.Await;
import io.lineone.testing.Metrics;
import io.lineone.testing.PostgresExtension;
import io.lineone.testing.SharedPostgres;
import io.lineone.testing.SseReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backend in a process of its own (the test's classpath, {@code lineone server --db jdbc:postgresql:…}) killed
 * with SIGKILL in the middle of a burst of issue posts and updates, then started again on the same database: every
 * change it had acknowledged is there, and a subscriber that was following it resumes with {@code Last-Event-ID}
 * and ends up with exactly the log — no gap, no duplicate.
 */
@ExtendWith(PostgresExtension.class)
class KilledBackendTest {

    private static final int WRITERS = 6;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 60;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aBackendKilledMidBurstLosesNoAcknowledgedChangeAndItsSubscriberResumesGapFree(SharedPostgres postgres,
                                                                                      @TempDir Path home)
            throws Exception {
        String database = postgres.createDatabase();
        String url = postgres.jdbcUrl(database);
        int port = BackendProcess.freePort();
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);
        BackendProcess backend = null;
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            backend = BackendProcess.start(url, port, home, "first");
            String firstToken = backend.signInAsAdmin();
            String token = firstToken;
            String merchant = api.post("/merchants", token, new NewMerchant("被杀测试商家有限公司", "测试旗舰店", Tier.SME,
                    "食品生鲜", "浙江", null, Metrics.at(0.9))).json().get("id").asText();
            long start = newestId(postgres, url);

            Set<String> created = ConcurrentHashMap.newKeySet();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger answered = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            List<SseReader.Event> received = new ArrayList<>();
            try (SseReader before = SseReader.open(api, token, start, null)) {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    writers.add(pool.submit(() -> burst(api, firstToken, merchant, created, acknowledged, answered, stop)));
                }
                Await.until(Duration.ofSeconds(60), () -> answered.get() >= ACKNOWLEDGED_BEFORE_KILL,
                        ACKNOWLEDGED_BEFORE_KILL + " changes acknowledged");
                backend.kill();      // SIGKILL: no shutdown hook, no pool close, nothing flushed
                stop.set(true);
                for (Future<?> writer : writers) {
                    writer.get(60, TimeUnit.SECONDS);
                }
                Await.until(WAIT, before::ended, "the stream of the killed backend ends");
                received.addAll(before.drain());
            }
            assertThat(created).as("issues acknowledged before the kill").isNotEmpty();

            backend = BackendProcess.start(url, port, home, "second");
            token = backend.signInAsAdmin();
            for (String id : created) {
                assertThat(api.get("/issues/" + id, token).status()).as("acknowledged issue %s", id).isEqualTo(200);
            }
            for (String id : acknowledged) {
                Issue issue = api.get("/issues/" + id, token).as(Issue.class);
                assertThat(issue.status()).as("acknowledged update of %s", id).isEqualTo(IssueStatus.ACKNOWLEDGED);
            }

            // The subscriber comes back from the last id it has and reads to the end of the log.
            List<Long> log = logIds(postgres, url, start);
            long last = received.isEmpty() ? start : received.get(received.size() - 1).id();
            try (SseReader resumed = SseReader.open(api, token, last, null)) {
                while (last < log.get(log.size() - 1)) {
                    SseReader.Event event = resumed.next(WAIT);
                    assertThat(event).as("an event after %d", last).isNotNull();
                    received.add(event);
                    last = event.id();
                }
            }
            assertThat(received.stream().map(SseReader.Event::id).toList()).as("exactly the log, in order").isEqualTo(log);
            Set<String> announced = ConcurrentHashMap.newKeySet();
            received.stream().filter(e -> e.type().equals("issue.created"))
                    .forEach(e -> announced.add(e.json().get("id").asText()));
            assertThat(announced).containsAll(created);
        } finally {
            pool.shutdownNow();
            if (backend != null) {
                backend.close();
            }
            postgres.dropDatabase(database);
        }
    }

    /** Posts issues and acknowledges each, recording what was answered 201/200, until stopped or refused. */
    private static Void burst(ApiClient api, String token, String merchant, Set<String> created,
                              Set<String> acknowledged, AtomicInteger answered, AtomicBoolean stop) {
        try {
            while (!stop.get()) {
                ApiClient.Response post = api.post("/issues", token, new NewIssue(merchant,
                        IssueCategory.PRICING_ERROR, null, Priority.P2, "标价疑似小数点错位", "售价 ¥8.90，参考价 ¥89.00",
                        null, null, 1_250_000L));
                if (post.status() != 201) {
                    return null;
                }
                String id = post.json().get("id").asText();
                created.add(id);
                answered.incrementAndGet();
                ApiClient.Response patch = api.send("PATCH", "/issues/" + id, token,
                        new IssuePatch(IssueStatus.ACKNOWLEDGED, null, null), Map.of("If-Match", "\"1\""));
                if (patch.status() != 200) {
                    return null;
                }
                acknowledged.add(id);
                answered.incrementAndGet();
            }
        } catch (RuntimeException e) {
            // The backend was killed under this request: its answer never came, so it promised nothing.
        }
        return null;
    }

    private static long newestId(SharedPostgres postgres, String url) throws SQLException {
        List<Long> ids = logIds(postgres, url, -1);
        return ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
    }

    /** Every event id after {@code after}, read from the database itself once nothing writes any more. */
    private static List<Long> logIds(SharedPostgres postgres, String url, long after) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, postgres.user(), postgres.password());
             PreparedStatement select = db.prepareStatement("select id from domain_event where id > ? order by id")) {
            select.setLong(1, after);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }
}
