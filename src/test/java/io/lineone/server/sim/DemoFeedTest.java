package io.lineone.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lineone.api.IssueSource;
import io.lineone.api.Listing;
import io.lineone.api.Merchant;
import io.lineone.api.Page;
import io.lineone.api.SessionRequest;
import io.lineone.server.LineOneServer;
import io.lineone.server.ServerConfig;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.auth.UserStore;
import io.lineone.server.db.Database;
import io.lineone.server.db.IdempotencyKeys;
import io.lineone.server.events.EventLog;
import io.lineone.server.events.EventPublisher;
import io.lineone.server.issues.IssueService;
import io.lineone.server.issues.IssueStore;
import io.lineone.server.issues.ReleaseDirectory;
import io.lineone.server.issues.SlaPolicy;
import io.lineone.server.listings.CouponService;
import io.lineone.server.listings.CouponStore;
import io.lineone.server.listings.DetectorRun;
import io.lineone.server.listings.FeedWrites;
import io.lineone.server.listings.ListingService;
import io.lineone.server.listings.ListingStore;
import io.lineone.server.merchants.Lighthouse;
import io.lineone.server.merchants.LighthouseWeights;
import io.lineone.server.merchants.MerchantService;
import io.lineone.server.merchants.MerchantStore;
import io.lineone.testing.ApiClient;
import io.lineone.testing.Await;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo gives every merchant a few listings at good prices, and its feed makes the mistakes the detectors
 * catch — a slipped decimal point for the demo manager first, then stacked coupons, wrong units, short cash.
 */
class DemoFeedTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void everyDemoMerchantHasListingsAndTheFeedMakesEveryKindOfMistake() throws Exception {
        ServerConfig config = ServerConfig.forTests().toBuilder().demo(true, false).build();
        try (LineOneServer server = LineOneServer.start(config);
             Database db = Database.open(config.jdbcUrl(), null, null, 4)) {
            ApiClient api = new ApiClient(server.url());
            String token = api.post("/session", null, new SessionRequest(DemoWorkspace.MANAGER_LOGIN,
                    DemoWorkspace.PASSWORD)).json().get("token").asText();
            List<Merchant> book = api.get("/merchants?limit=500", token).as(new TypeReference<Page<Merchant>>() { })
                    .items();
            assertThat(book).hasSize(DemoWorkspace.MERCHANTS_PER_MANAGER);
            for (Merchant merchant : book.subList(0, 5)) {
                List<Listing> listings = api.get("/merchants/" + merchant.id() + "/listings", token)
                        .as(new TypeReference<Page<Listing>>() { }).items();
                assertThat(listings).hasSize(DemoListings.PER_MERCHANT)
                        .allSatisfy(l -> assertThat(l.anomalies()).isEmpty());
            }

            UserStore users = new UserStore(db);
            MerchantStore merchants = new MerchantStore(db);
            AuditLog audit = new AuditLog(db);
            EventLog events = new EventLog(db);
            MerchantService merchantService = new MerchantService(db, merchants, users, audit,
                    new Lighthouse(LighthouseWeights.DEFAULT), Clock.systemUTC());
            IssueService issues = new IssueService(db, new IssueStore(db), merchantService, events, audit,
                    EventPublisher.NONE, SlaPolicy.DEFAULT, new NoReleases(), Clock.systemUTC());
            ListingStore listingStore = new ListingStore(db);
            CouponStore couponStore = new CouponStore(db);
            DetectorRun detectors = new DetectorRun(listingStore, couponStore, issues);
            FeedWrites writes = new FeedWrites(db, new IdempotencyKeys(db), EventPublisher.NONE);
            ListingService listings = new ListingService(db, listingStore, couponStore, merchantService, detectors,
                    writes, events, audit, Clock.systemUTC());
            CouponService coupons = new CouponService(couponStore, listingStore, merchantService, detectors, writes,
                    events, audit, Clock.systemUTC());
            Optional<DemoFeed> feed = DemoFeed.start(listings, coupons, merchants, users, Duration.ofMillis(10),
                    Duration.ofMillis(5), 300);
            assertThat(feed).isPresent();
            try {
                Await.until(WAIT, () -> api.get("/issues?status=OPEN&limit=500", token).json().get("items")
                        .findValuesAsText("source").contains(IssueSource.DETECTOR.name())
                        && reasons(db).contains("DECIMAL_SLIP"), "a real detection for the demo manager");
                Await.until(WAIT, () -> reasons(db).containsAll(Set.of("COUPON_STACK", "WEIGHT_UNIT", "CASH_SHORT")),
                        "every kind of mistake detected");
            } finally {
                feed.get().close();
            }
        }
    }

    private static Set<String> reasons(Database db) {
        return db.read(connection -> {
            Set<String> reasons = new HashSet<>();
            try (Statement select = connection.createStatement();
                 ResultSet rows = select.executeQuery("select distinct reason from detector_finding")) {
                while (rows.next()) {
                    reasons.add(rows.getString(1));
                }
            }
            return reasons;
        });
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
