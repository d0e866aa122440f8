package io.lineone.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.IssueStatus;
import io.lineone.api.User;
import io.lineone.server.LineOneServer;
import io.lineone.server.ServerConfig;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.auth.UserStore;
import io.lineone.server.auth.Visibility;
import io.lineone.server.conversation.ConversationService;
import io.lineone.server.conversation.ConversationStore;
import io.lineone.server.db.Database;
import io.lineone.server.db.IdempotencyKeys;
import io.lineone.server.events.EventLog;
import io.lineone.server.events.EventPublisher;
import io.lineone.server.issues.IssueReplies;
import io.lineone.server.issues.IssueService;
import io.lineone.server.issues.ReleaseDirectory;
import io.lineone.server.issues.IssueStore;
import io.lineone.server.issues.SlaPolicy;
import io.lineone.server.merchants.Lighthouse;
import io.lineone.server.merchants.LighthouseWeights;
import io.lineone.server.merchants.MerchantService;
import io.lineone.server.merchants.MerchantStore;
import io.lineone.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo seed opens a few issues per manager; the simulator keeps the queues moving, and stops. */
class TrafficSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theDemoQueueIsAliveAtLaunchAndMovesUnderSimulatedTraffic() throws Exception {
        ServerConfig config = ServerConfig.forTests().toBuilder().demo(true, false).build();
        try (LineOneServer server = LineOneServer.start(config);
             Database db = Database.open(config.jdbcUrl(), null, null, 4)) {
            UserStore users = new UserStore(db);
            MerchantStore merchants = new MerchantStore(db);
            IssueStore issues = new IssueStore(db);
            User demoManager = users.credentials(DemoWorkspace.MANAGER_LOGIN).orElseThrow().user();
            User feed = users.credentials(DemoWorkspace.FEED_LOGIN).orElseThrow().user();
            for (String login : DemoWorkspace.managerLogins()) {
                String id = users.credentials(login).orElseThrow().user().id();
                // Besides these, the demo manager's merchants hold the evidence of the demo's belled release, and
                // every book a few issues of the release-correlated spike (DemoHistory).
                assertThat(issues.openOfManager(id, 100)).filteredOn(row -> row.releaseId() == null
                                && !row.description().startsWith(DemoHistory.SPIKE_DESCRIPTION))
                        .as("seeded issues of %s", login).hasSizeBetween(2, 5);
            }
            long seeded = issues.count();

            AuditLog audit = new AuditLog(db);
            MerchantService merchantService = new MerchantService(db, merchants, users, audit,
                    new Lighthouse(LighthouseWeights.DEFAULT), Clock.systemUTC());
            IssueService service = new IssueService(db, issues, merchantService, new EventLog(db), audit,
                    EventPublisher.NONE, SlaPolicy.DEFAULT, new NoReleases(), Clock.systemUTC());
            ConversationService conversation = new ConversationService(db, new ConversationStore(db),
                    new IssueReplies(issues, audit, Clock.systemUTC()),
                    new EventLog(db), audit, EventPublisher.NONE, Clock.systemUTC(), new IdempotencyKeys(db));
            Optional<TrafficSimulator> simulator = TrafficSimulator.start(service, conversation, issues, merchants,
                    users, List.of(), Duration.ofMillis(5), 2_000);
            assertThat(simulator).isPresent();
            try {
                Await.until(WAIT, () -> issues.count() >= seeded + 20 && resolvedByOthers(issues, demoManager) > 0
                                && merchantMessages(db) > 0,
                        "twenty more issues, one resolved by a manager other than the demo's, a merchant's message");
            } finally {
                simulator.get().close();
            }
            Await.until(WAIT, () -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().equals("lineone-simulator")), "the simulator's thread to end");
            // Nobody but the demo manager (and merchants answering through the feed) moves the demo manager's issues.
            for (IssueStore.Row row : issues.list(new IssueStore.Query(Visibility.bookOf(demoManager.id()), null, null, null, null, null, null,
                    false, null, 500))) {
                for (IssueHistoryEntry step : issues.history(row.id())) {
                    if (step.action().equals("status")) {
                        assertThat(step.actorId()).isIn(demoManager.id(), feed.id());
                    }
                }
            }
        }
    }

    @Test
    void aDemoServerRunsTheSimulatorAndStopsItOnClose() {
        try (LineOneServer server = LineOneServer.start(ServerConfig.forTests().toBuilder().demo(true, true).build())) {
            Await.until(WAIT, () -> Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("lineone-simulator")), "the simulator's thread");
        }
        Await.until(WAIT, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("lineone-simulator") && t.isAlive()), "the simulator stopped");
    }

    private static long merchantMessages(Database db) {
        return db.read(c -> {
            try (var select = c.prepareStatement("select count(*) from issue_message where direction = 'INBOUND'");
                 var rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static long resolvedByOthers(IssueStore issues, User demoManager) {
        return issues.list(new IssueStore.Query(Visibility.EVERYTHING, null, null, Set.of(IssueStatus.RESOLVED), null, null, null, false,
                null, 500)).stream().filter(r -> !demoManager.id().equals(r.managerId())).count();
    }

    private static final class NoReleases implements ReleaseDirectory {
        @Override
        public boolean exists(String releaseId) {
            return false;
        }

        @Override
        public boolean answersFor(String userId, String issueId, String releaseId) {
            return false;
        }
    }
}
