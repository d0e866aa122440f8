package io.lineone.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.BellSeverity;
import io.lineone.api.FixKind;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.NewBell;
import io.lineone.api.NewComment;
import io.lineone.api.NewFix;
import io.lineone.api.NewIssue;
import io.lineone.api.NewMerchant;
import io.lineone.api.NewRelease;
import io.lineone.api.NewUser;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.testing.ApiClient;
import io.lineone.testing.Await;
import io.lineone.testing.BackendProcess;
import io.lineone.testing.Feed;
import io.lineone.testing.Metrics;
import io.lineone.testing.PostgresExtension;
import io.lineone.testing.SharedPostgres;
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
import java.util.concurrent.CopyOnWriteArrayList;
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
 * A backend in a process of its own killed with SIGKILL in the middle of a burst of one-click fixes, bell steps
 * (pull, acknowledge, mark fixed, comment) and issue updates from several clients, then started again on the same
 * PostgreSQL: every change it acknowledged is there; every fix is whole (target changed, fix row, audit entry and
 * event — all or none); and clients resending every request that was answered or lost, with the same
 * {@code Idempotency-Key} and body, get the first answer or apply it once, never twice.
 */
@ExtendWith(PostgresExtension.class)
class KilledMidFixesTest {

    private static final int WRITERS = 6;
    private static final int FIXES_PER_WRITER = 10;
    private static final int BELLS_PER_WRITER = 2;
    private static final int KILL_AFTER = 80;
    private static final String PASSWORD = "killed-mid-fixes-1";

    /** One request as a client sent it, and its answer: null while unanswered (the backend died under it). */
    private record Sent(String what, String subject, String method, String path, String token, Object body,
                        Map<String, String> headers, ApiClient.Response answer) {

        boolean acknowledged() {
            return answer != null && answer.status() / 100 == 2;
        }
    }

    @Test
    void aBackendKilledMidBurstKeepsEveryAcknowledgedChangeHalfOfNoneAndAppliesNoRetryTwice(SharedPostgres postgres,
                                                                                          @TempDir Path home)
            throws Exception {
        String database = postgres.createDatabase();
        String url = postgres.jdbcUrl(database);
        int port = BackendProcess.freePort();
        BackendProcess backend = null;
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try (Connection db = DriverManager.getConnection(url, postgres.user(), postgres.password())) {
            backend = BackendProcess.start(url, port, home, "first");
            ApiClient api = backend.api();
            String admin = backend.signInAsAdmin();
            String managerId = user(api, admin, "kill.manager", "李娜", Role.MANAGER);
            String ownerId = user(api, admin, "kill.owner", "赵磊", Role.PRODUCT_OWNER);
            String manager = backend.signIn("kill.manager", PASSWORD);
            String owner = backend.signIn("kill.owner", PASSWORD);
            String release = api.post("/releases", admin, new NewRelease("价格", "价格展示改版", "3.1.0", ownerId))
                    .json().get("id").asText();
            List<Workload> workloads = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                workloads.add(Workload.seed(api, admin, managerId, w));
            }

            List<Sent> sent = new CopyOnWriteArrayList<>();
            AtomicInteger acknowledged = new AtomicInteger();
            List<Future<?>> writers = new ArrayList<>();
            for (Workload workload : workloads) {
                writers.add(pool.submit(() -> workload.burst(api, manager, owner, release, sent, acknowledged)));
            }
            Await.until(Duration.ofSeconds(60), () -> acknowledged.get() >= KILL_AFTER, KILL_AFTER + " acknowledged");
            backend.kill();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            assertThat(sent).filteredOn(s -> s.answer() != null).as("answers before the kill")
                    .allSatisfy(s -> assertThat(s.answer().status()).as("%s %s: %s", s.what(), s.subject(), s.answer())
                            .isBetween(200, 299));
            assertThat(sent).filteredOn(s -> s.answer() == null).as("requests the kill left unanswered").isNotEmpty();

            backend = BackendProcess.start(url, port, home, "second");
            Store store = new Store(db);
            int checked = 0;
            for (Sent s : sent) {
                if (s.acknowledged()) {
                    assertThat(store.present(s)).as("acknowledged %s %s is there", s.what(), s.subject()).isTrue();
                    checked++;
                }
            }
            store.assertWhole(workloads, release, "after the restart");

            // Every client resends what it sent, lost or answered, with the same key and body.
            int lostButCommitted = 0;
            for (Sent s : sent) {
                boolean committed = store.present(s);
                if (s.answer() == null && committed) {
                    lostButCommitted++;
                }
                ApiClient.Response again = api.send(s.method(), s.path(), s.token(), s.body(), s.headers());
                assertThat(again.status()).as("retry of %s %s (first: %s)", s.what(), s.subject(), s.answer())
                        .isEqualTo(expectedRetry(s, committed));
                if (s.acknowledged() && s.headers().containsKey("Idempotency-Key")) {
                    assertThat(again.json().get("id").asText()).as("retry of %s answers the first", s.what())
                            .isEqualTo(s.answer().json().get("id").asText());
                }
                assertThat(store.present(s)).as("%s %s after its retry", s.what(), s.subject()).isTrue();
            }
            store.assertWhole(workloads, release, "after the retries");
            store.assertOnce(sent);

            System.out.printf("KilledMidFixesTest: %d requests sent, %d unanswered at the kill (%d of them had"
                            + " committed); acknowledged %d, checked %d after restart; every request resent once,"
                            + " none applied twice%n", sent.size(), sent.stream().filter(s -> s.answer() == null).count(),
                    lostButCommitted, acknowledged.get(), checked);
            assertThat(checked).isEqualTo(acknowledged.get()).isGreaterThanOrEqualTo(KILL_AFTER);
        } finally {
            pool.shutdownNow();
            if (backend != null) {
                backend.close();
            }
            postgres.dropDatabase(database);
        }
    }

    /**
     * What the resend of a request must answer: the keyed writes their first answer (201); a step or an update
     * already committed, 409 or 412 (the state or the version has moved on: nothing applied again); otherwise 2xx.
     */
    private static int expectedRetry(Sent s, boolean committed) {
        return switch (s.what()) {
            case "fix", "pull", "comment" -> 201;
            case "acknowledge", "fixed" -> committed ? 409 : 200;
            case "patch" -> committed ? 412 : 200;
            default -> throw new IllegalArgumentException(s.what());
        };
    }

    private static String user(ApiClient api, String admin, String login, String name, Role role) {
        ApiClient.Response created = api.post("/users", admin, new NewUser(login, name, role, PASSWORD));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** One client's share: a merchant of its own (fixes lock the merchant), its listings and issues. */
    private record Workload(int writer, String merchant, List<String> listings, List<String> issues,
                            List<String> evidence) {

        static Workload seed(ApiClient api, String admin, String managerId, int writer) {
            String merchant = api.post("/merchants", admin, new NewMerchant("被杀测试商家" + writer + "号有限公司",
                    "测试" + writer + "号店", Tier.SME, "粮油", "浙江", managerId, Metrics.at(0.9))).json().get("id").asText();
            List<String> listings = new ArrayList<>();
            List<String> issues = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            for (int i = 0; i < FIXES_PER_WRITER; i++) {
                listings.add(api.post("/merchants/" + merchant + "/listings", admin, Feed.rice("五常大米 " + writer + "-" + i))
                        .json().get("id").asText());
                issues.add(issue(api, admin, merchant, "发货延迟 " + writer + "-" + i));
            }
            for (int b = 0; b < BELLS_PER_WRITER; b++) {
                evidence.add(issue(api, admin, merchant, "新价格页展示错误 " + writer + "-" + b));
            }
            return new Workload(writer, merchant, listings, issues, evidence);
        }

        private static String issue(ApiClient api, String admin, String merchant, String title) {
            ApiClient.Response created = api.post("/issues", admin, new NewIssue(merchant, IssueCategory.LOGISTICS,
                    null, Priority.P3, title, null, null, null, 10_000L));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            return created.json().get("id").asText();
        }

        /** Fixes, updates and bell chains, interleaved, until the backend stops answering. */
        Void burst(ApiClient api, String manager, String owner, String release, List<Sent> sent,
                   AtomicInteger acknowledged) {
            try {
                for (int i = 0; i < FIXES_PER_WRITER; i++) {
                    String listing = listings.get(i);
                    long version = api.post("/fixes/preview", manager,
                            Map.of("kind", FixKind.DELIST_LISTING, "targetId", listing)).json().get("targetVersion").asLong();
                    send(api, sent, acknowledged, "fix", listing, "POST", "/fixes", manager,
                            new NewFix(FixKind.DELIST_LISTING, listing, null, version),
                            Map.of("Idempotency-Key", "fix-" + listing));
                    send(api, sent, acknowledged, "patch", issues.get(i), "PATCH", "/issues/" + issues.get(i), manager,
                            new IssuePatch(IssueStatus.ACKNOWLEDGED, null, null), Map.of("If-Match", "\"1\""));
                    if (i % (FIXES_PER_WRITER / BELLS_PER_WRITER) == 0) {
                        bell(api, manager, owner, release, evidence.get(i / (FIXES_PER_WRITER / BELLS_PER_WRITER)),
                                sent, acknowledged);
                    }
                }
            } catch (RuntimeException e) {
                // The backend died under a request: send recorded it unanswered, and this client stops.
            }
            return null;
        }

        private void bell(ApiClient api, String manager, String owner, String release, String issue, List<Sent> sent,
                          AtomicInteger acknowledged) {
            ApiClient.Response pulled = send(api, sent, acknowledged, "pull", issue, "POST",
                    "/releases/" + release + "/bells", manager, new NewBell("新价格页把划线价当成售价展示，多位商家的订单按错价成交了："
                            + issue, BellSeverity.MAJOR, List.of(issue)), Map.of("Idempotency-Key", "pull-" + issue));
            String bell = pulled.json().get("id").asText();
            send(api, sent, acknowledged, "acknowledge", bell, "POST", "/bells/" + bell + "/acknowledge", owner, null,
                    Map.of());
            send(api, sent, acknowledged, "fixed", bell, "POST", "/bells/" + bell + "/fixed", owner, null, Map.of());
            send(api, sent, acknowledged, "comment", bell, "POST", "/bells/" + bell + "/comments", manager,
                    new NewComment("已回滚价格页，请确认 " + issue), Map.of("Idempotency-Key", "comment-" + issue));
        }

        private static ApiClient.Response send(ApiClient api, List<Sent> sent, AtomicInteger acknowledged, String what,
                                               String subject, String method, String path, String token, Object body,
                                               Map<String, String> headers) {
            ApiClient.Response answer;
            try {
                answer = api.send(method, path, token, body, headers);
            } catch (RuntimeException e) {
                sent.add(new Sent(what, subject, method, path, token, body, headers, null));
                throw e;
            }
            sent.add(new Sent(what, subject, method, path, token, body, headers, answer));
            if (answer.status() / 100 == 2) {
                acknowledged.incrementAndGet();
            } else {
                throw new IllegalStateException(what + " " + subject + " answered " + answer);
            }
            return answer;
        }
    }

    /** What the database holds, read directly: rows, audit entries and events. */
    private record Store(Connection db) {

        /** Whether the change a request asks for is in the database. */
        boolean present(Sent s) throws SQLException {
            return switch (s.what()) {
                case "fix" -> count("select count(*) from fix where target_id = ? and status = 'APPLIED'", s.subject()) == 1;
                case "pull" -> count("select count(*) from bell_evidence where issue_id = ?", s.subject()) == 1;
                case "acknowledge", "fixed" -> count("select count(*) from audit_event where target_type = 'bell'"
                        + " and target_id = ? and action = ?", s.subject(), "bell." + s.what()) == 1;
                case "comment" -> count("select count(*) from bell_comment where bell_id = ? and step is null",
                        s.subject()) == 1;
                case "patch" -> count("select count(*) from issue where id = ? and status = 'ACKNOWLEDGED'",
                        s.subject()) == 1;
                default -> throw new IllegalArgumentException(s.what());
            };
        }

        /**
         * All or nothing for every thing the burst touched: a listing is delisted exactly when it has one fix, and
         * that fix has its after snapshot on the listing, one audit entry for the fix and one for the listing, and
         * one {@code fix.applied}; a bell has its pull's audit entry and event, and as many {@code bell.updated} as
         * steps and comments; an issue is acknowledged exactly when it has one update's audit entry and event.
         */
        void assertWhole(List<Workload> workloads, String release, String when) throws SQLException {
            for (Workload workload : workloads) {
                for (String listing : workload.listings()) {
                    List<String> fixes = strings("select id from fix where target_id = ?", listing);
                    String status = strings("select status from listing where id = ?", listing).get(0);
                    assertThat(fixes).as("fixes of %s %s", listing, when).hasSizeLessThanOrEqualTo(1);
                    int changed = fixes.isEmpty() ? 0 : 1;
                    assertThat(status).as("%s %s", listing, when).isEqualTo(changed == 1 ? "DELISTED" : "LIVE");
                    assertThat(count("select count(*) from audit_event where action = 'listing.fix' and target_id = ?",
                            listing)).as("listing.fix audit of %s %s", listing, when).isEqualTo(changed);
                    for (String fix : fixes) {
                        assertThat(strings("select after_json from fix where id = ?", fix).get(0))
                                .as("%s's after snapshot", fix).contains("\"status\":\"" + status + "\"");
                        assertThat(count("select count(*) from audit_event where action = 'fix.apply' and target_id = ?",
                                fix)).as("fix.apply audit of %s %s", fix, when).isEqualTo(1);
                        assertThat(events("fix.applied", fix)).as("fix.applied of %s %s", fix, when).isEqualTo(1);
                    }
                }
                for (String issue : workload.issues()) {
                    int changed = count("select count(*) from issue where id = ? and status = 'ACKNOWLEDGED'", issue);
                    assertThat(count("select count(*) from audit_event where action = 'issue.update' and target_id = ?",
                            issue)).as("issue.update audit of %s %s", issue, when).isEqualTo(changed);
                    assertThat(events("issue.updated", issue)).as("issue.updated of %s %s", issue, when)
                            .isEqualTo(changed);
                }
            }
            for (String bell : strings("select id from bell where release_id = ?", release)) {
                assertThat(count("select count(*) from audit_event where action = 'bell.pull' and target_id = ?", bell))
                        .as("bell.pull audit of %s %s", bell, when).isEqualTo(1);
                assertThat(events("bell.pulled", bell)).as("bell.pulled of %s %s", bell, when).isEqualTo(1);
                int steps = count("select count(*) from bell_comment where bell_id = ?", bell);
                assertThat(count("select count(*) from audit_event where target_id = ? and action in"
                        + " ('bell.acknowledge', 'bell.fixed', 'bell.comment')", bell))
                        .as("audit of %s's steps and comments %s", bell, when).isEqualTo(steps);
                assertThat(events("bell.updated", bell)).as("bell.updated of %s %s", bell, when).isEqualTo(steps);
            }
        }

        /** Each key, each step and each update applied once, after every request was sent at least twice. */
        void assertOnce(List<Sent> sent) throws SQLException {
            for (Sent s : sent) {
                switch (s.what()) {
                    case "fix" -> assertThat(count("select count(*) from fix where target_id = ?", s.subject()))
                            .as("fixes of %s", s.subject()).isEqualTo(1);
                    case "pull" -> assertThat(count("select count(*) from bell_evidence where issue_id = ?", s.subject()))
                            .as("bells citing %s", s.subject()).isEqualTo(1);
                    case "acknowledge", "fixed" -> assertThat(count("select count(*) from bell_comment where bell_id = ?"
                            + " and step = ?", s.subject(), s.what())).as("%s of %s", s.what(), s.subject()).isEqualTo(1);
                    case "comment" -> assertThat(count("select count(*) from bell_comment where bell_id = ?"
                            + " and step is null", s.subject())).as("comments on %s", s.subject()).isEqualTo(1);
                    case "patch" -> assertThat(count("select count(*) from issue_history where issue_id = ?"
                            + " and to_status = 'ACKNOWLEDGED'", s.subject())).as("updates of %s", s.subject()).isEqualTo(1);
                    default -> throw new IllegalArgumentException(s.what());
                }
            }
        }

        /** Events of a type whose payload is the thing with this id. */
        private int events(String type, String id) throws SQLException {
            return count("select count(*) from domain_event where type = ? and payload like ?", type,
                    "{\"id\":\"" + id + "\"%");
        }

        private int count(String sql, String... values) throws SQLException {
            return Integer.parseInt(strings(sql, values).get(0));
        }

        private List<String> strings(String sql, String... values) throws SQLException {
            try (PreparedStatement select = db.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    select.setString(i + 1, values[i]);
                }
                List<String> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
                return found;
            }
        }
    }
}
