package io.lineone.server.listings;

import static io.lineone.testing.ProblemAssert.invalid;
import static io.lineone.testing.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.Coupon;
import io.lineone.api.CouponPatch;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueSource;
import io.lineone.api.IssueStatus;
import io.lineone.api.Listing;
import io.lineone.api.ListingAnomaly;
import io.lineone.api.ListingPatch;
import io.lineone.api.ListingStatus;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantCash;
import io.lineone.api.NewCoupon;
import io.lineone.api.NewListing;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.api.WeightUnit;
import io.lineone.testing.ApiClient;
import io.lineone.testing.Feed;
import io.lineone.testing.TestServer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The marketplace feed over HTTP: listings, coupons and cash written by the feed, each change judged by the
 * detectors in its own transaction — one DETECTOR issue per listing and reason, resolved by itself (with a note)
 * when the feed corrects the cause.
 */
class ListingApiTest {

    @RegisterExtension
    final TestServer server = TestServer.onH2().build();

    private final ApiClient api = server.api();
    private Feed feed;
    private TestServer.Account manager;
    private TestServer.Account otherManager;
    private Merchant merchant;

    @BeforeEach
    void aMerchantWithAManager() {
        feed = new Feed(server);
        manager = server.account(Role.MANAGER);
        otherManager = server.account(Role.MANAGER);
        merchant = server.merchantOf(manager);
    }

    @Test
    void aGoodListingIsPostedReadAndKeepsItsPriceHistory() {
        ApiClient.Response created = api.post("/merchants/" + merchant.id() + "/listings", server.adminToken(),
                Feed.rice("东北大米 5kg"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        Listing listing = created.as(Listing.class);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("Location")).endsWith("/listings/" + listing.id());
        assertThat(listing.status()).isEqualTo(ListingStatus.LIVE);
        assertThat(listing.anomalies()).isEmpty();
        assertThat(listing.lastGoodPriceCents()).isEqualTo(8_900L);
        assertThat(listing.weightUnit()).isEqualTo(WeightUnit.G);
        assertThat(created.json().get("weightUnit").asText()).isEqualTo("g");
        assertThat(listing.weightValue()).isEqualByComparingTo("500");

        feed.price(listing.id(), 9_900);
        JsonNode prices = api.get("/listings/" + listing.id() + "/prices", manager.token()).json();
        assertThat(prices.get("items").findValuesAsText("priceCents")).containsExactly("9900", "8900");
        assertThat(api.get("/listings/" + listing.id() + "/prices?limit=1", manager.token()).json()
                .get("nextCursor").isNull()).isFalse();

        assertThat(api.get("/listings/" + listing.id(), manager.token()).as(Listing.class).priceCents()).isEqualTo(9_900);
        assertThat(Feed.ids(api.get("/merchants/" + merchant.id() + "/listings", manager.token())))
                .containsExactly(listing.id());
        problem(api.get("/listings/" + listing.id(), otherManager.token()), 404);
        problem(api.get("/listings/" + listing.id() + "/prices", otherManager.token()), 404);
        problem(api.get("/merchants/" + merchant.id() + "/listings", otherManager.token()), 404);
        problem(api.get("/listings/lst_unknown", manager.token()), 404);
    }

    @Test
    void aSlippedDecimalPointOpensOneP1IssueAndTheFeedsCorrectionResolvesIt() {
        Listing listing = feed.listing(merchant.id(), Feed.rice("五常大米"));
        Listing slipped = feed.price(listing.id(), 890);
        assertThat(slipped.anomalies()).contains(ListingAnomaly.DECIMAL_SLIP, ListingAnomaly.BELOW_COST,
                ListingAnomaly.BELOW_HALF_REFERENCE);
        assertThat(slipped.openIssueIds()).hasSize(1);
        assertThat(slipped.lastGoodPriceCents()).isEqualTo(8_900L);
        Issue issue = server.issueById(slipped.openIssueIds().get(0));
        assertThat(issue.source()).isEqualTo(IssueSource.DETECTOR);
        assertThat(issue.category()).isEqualTo(IssueCategory.PRICING_ERROR);
        assertThat(issue.priority()).isEqualTo(Priority.P1);
        assertThat(issue.listingId()).isEqualTo(listing.id());
        assertThat(issue.moneyAtRiskCents()).isEqualTo((8_900 - 890) * 50L * 4);
        assertThat(server.openIssuesOf(manager.login())).extracting(Issue::id).contains(issue.id());

        Listing again = feed.price(listing.id(), 889);
        assertThat(again.openIssueIds()).as("never a second open issue").containsExactly(issue.id());

        Listing corrected = feed.price(listing.id(), 8_900);
        assertThat(corrected.anomalies()).isEmpty();
        assertThat(corrected.openIssueIds()).isEmpty();
        assertThat(server.issueById(issue.id()).status()).isEqualTo(IssueStatus.RESOLVED);
        JsonNode history = api.get("/issues/" + issue.id() + "/history", manager.token()).json().get("items");
        assertThat(history.get(history.size() - 1).get("note").asText()).contains("数据源");
        assertThat(api.get("/listings/" + listing.id() + "/prices", manager.token()).json().get("items")
                .findValuesAsText("flagged")).containsExactly("false", "true", "true", "false");
    }

    @Test
    void anIssueResolvedByHandWhileTheCauseStaysMakesRoomForANewOneWhenTheFeedTripsAgain() {
        Listing slipped = feed.price(feed.listing(merchant.id(), Feed.rice("籼米")).id(), 890);
        String first = slipped.openIssueIds().get(0);
        server.patch(first, new io.lineone.api.IssuePatch(IssueStatus.RESOLVED, "已电话通知商家", "小数点错位"));
        Listing again = feed.price(slipped.id(), 880);
        assertThat(again.openIssueIds()).hasSize(1).doesNotContain(first);
        assertThat(feed.price(slipped.id(), 870).openIssueIds()).isEqualTo(again.openIssueIds());
    }

    @Test
    void aPriceTenTimesBelowTheLastGoodOneIsASlipEvenWithoutAReference() {
        Listing listing = feed.listing(merchant.id(), new NewListing("散装红枣", "干果", 2_500, null, null, null, null,
                10.0));
        Listing slipped = feed.price(listing.id(), 250);
        assertThat(slipped.anomalies()).containsExactly(ListingAnomaly.DECIMAL_SLIP);
        Listing hundredfold = feed.price(feed.listing(merchant.id(), new NewListing("核桃", "干果", 3_000, null, null,
                null, null, 10.0)).id(), 300_000);
        assertThat(hundredfold.anomalies()).containsExactly(ListingAnomaly.DECIMAL_SLIP);
        Listing halved = feed.price(feed.listing(merchant.id(), new NewListing("杏仁", "干果", 3_000, null, null,
                null, null, 10.0)).id(), 1_500);
        assertThat(halved.anomalies()).isEmpty();
    }

    @Test
    void gramsTypedAsKilogramsAreFlaggedAgainstTheCategoryMedian() {
        for (int i = 0; i < 5; i++) {
            feed.listing(merchant.id(), Feed.rice("大米 " + i));
        }
        Listing wrong = feed.listing(merchant.id(), new NewListing("大米 错", "粮油", 8_900, 8_900L, 5_000L,
                new BigDecimal("500"), WeightUnit.KG, 50.0));
        assertThat(wrong.anomalies()).containsExactly(ListingAnomaly.WEIGHT_UNIT);
        Issue issue = server.issueById(wrong.openIssueIds().get(0));
        assertThat(issue.category()).isEqualTo(IssueCategory.WEIGHT_UNIT);
        Listing right = feed.patch(wrong.id(), new ListingPatch(null, null, null, null, WeightUnit.G, null, null, null));
        assertThat(right.anomalies()).isEmpty();
        assertThat(server.issueById(issue.id()).status()).isEqualTo(IssueStatus.RESOLVED);
    }

    @Test
    void stackedCouponsPastCostAreCaughtWhenTheCouponIsActivated() {
        Listing listing = feed.listing(merchant.id(), Feed.rice("香米"));
        Coupon percent = feed.coupon(merchant.id(), new NewCoupon(List.of(), null, 30, true, 100_000_000, 0L, false));
        Coupon amount = feed.coupon(merchant.id(), new NewCoupon(List.of(listing.id()), 2_000L, null, true,
                100_000_000, 0L, true));
        assertThat(feed.get(listing.id()).anomalies()).as("one coupon alone stays above cost").isEmpty();

        feed.patchCoupon(percent.id(), new CouponPatch(true, null, null, null));
        Listing stacked = feed.get(listing.id());
        assertThat(stacked.anomalies()).containsExactly(ListingAnomaly.COUPON_STACK);
        Issue issue = server.issueById(stacked.openIssueIds().get(0));
        assertThat(issue.category()).isEqualTo(IssueCategory.COUPON_OVERSPEND);
        // 89.00 × 0.7 − 20.00 = 42.30 a unit, against the reference 89.00, 50 an hour for 4 hours
        assertThat(issue.moneyAtRiskCents()).isEqualTo((8_900 - 4_230) * 50L * 4);
        assertThat(Feed.ids(api.get("/listings/" + listing.id() + "/coupons", manager.token())))
                .containsExactlyInAnyOrder(percent.id(), amount.id());
        assertThat(Feed.ids(api.get("/merchants/" + merchant.id() + "/coupons", manager.token())))
                .containsExactlyInAnyOrder(percent.id(), amount.id());

        feed.patchCoupon(amount.id(), new CouponPatch(null, false, null, null));
        assertThat(feed.get(listing.id()).anomalies()).isEmpty();
        assertThat(server.issueById(issue.id()).status()).isEqualTo(IssueStatus.RESOLVED);
    }

    @Test
    void aCouponWhoseProjectedSpendPassesItsBudgetOpensOneIssue() {
        Listing listing = feed.listing(merchant.id(), Feed.rice("小米"));
        Coupon coupon = feed.coupon(merchant.id(), new NewCoupon(List.of(listing.id()), 1_000L, null, false, 10_000,
                0L, true));
        Listing flagged = feed.get(listing.id());
        assertThat(flagged.anomalies()).containsExactly(ListingAnomaly.COUPON_BUDGET);
        List<Issue> open = server.openIssuesOf(manager.login());
        assertThat(open).filteredOn(i -> i.title().contains("预算")).hasSize(1)
                .first().satisfies(i -> assertThat(i.moneyAtRiskCents()).isEqualTo(1_000 * 50L * 4 - 10_000));
        feed.price(listing.id(), 8_800);
        assertThat(server.openIssuesOf(manager.login())).filteredOn(i -> i.title().contains("预算")).hasSize(1);
        feed.patchCoupon(coupon.id(), new CouponPatch(null, null, null, 1_000_000L));
        assertThat(server.openIssuesOf(manager.login())).filteredOn(i -> i.title().contains("预算")).isEmpty();
    }

    @Test
    void cashShortOfThePendingDeductionOpensACashFlowIssue() {
        feed.cash(merchant.id(), 10_000, 50_000);
        MerchantCash cash = api.get("/merchants/" + merchant.id() + "/cash", manager.token()).as(MerchantCash.class);
        assertThat(cash.shortOfCash()).isTrue();
        assertThat(cash.version()).isEqualTo(1);
        List<Issue> open = server.openIssuesOf(manager.login());
        assertThat(open).filteredOn(i -> i.category() == IssueCategory.CASH_FLOW).hasSize(1)
                .first().satisfies(i -> assertThat(i.moneyAtRiskCents()).isEqualTo(40_000));
        feed.cash(merchant.id(), 9_000, 50_000);
        assertThat(server.openIssuesOf(manager.login())).filteredOn(i -> i.category() == IssueCategory.CASH_FLOW)
                .hasSize(1);
        feed.cash(merchant.id(), 60_000, 50_000);
        assertThat(server.openIssuesOf(manager.login())).filteredOn(i -> i.category() == IssueCategory.CASH_FLOW)
                .isEmpty();
        problem(api.get("/merchants/" + merchant.id() + "/cash", otherManager.token()), 404);
        problem(api.put("/merchants/" + merchant.id() + "/cash", manager.token(),
                new io.lineone.api.CashUpdate(1, 2)), 403);
    }

    @Test
    void theFeedsBadInputIsA400NamingTheField() {
        String path = "/merchants/" + merchant.id() + "/listings";
        String admin = server.adminToken();
        invalid(api.post(path, admin, new NewListing("x", null, -1, null, null, null, null, null)), "priceCents");
        invalid(api.post(path, admin, new NewListing("x", null, 0, null, null, null, null, null)), "priceCents");
        invalid(api.post(path, admin, new NewListing("x", null, 100, 0L, -5L, null, null, null)),
                "referencePriceCents", "costCents");
        invalid(api.post(path, admin, new NewListing("x", null, 2_000_000_000_000L, null, null, null, null, null)),
                "priceCents");
        invalid(api.post(path, admin, Map.of("title", "x", "priceCents", new BigDecimal("99999999999999999999"))),
                "priceCents");
        assertThat(invalid(api.post(path, admin, Map.of("title", "x", "priceCents", 100, "weightValue", 5,
                "weightUnit", "lb")), "weightUnit").get("errors").get(0).get("message").asText())
                .isEqualTo("must be one of g, kg, jin");
        invalid(api.post(path, admin, Map.of("title", "x", "priceCents", 100, "weightValue", 5, "weightUnit", 3)),
                "weightUnit");
        assertThat(api.post(path, admin, Map.of("title", "大米", "priceCents", 100, "weightValue", 5,
                "weightUnit", "KG")).status()).as("units are read in any case").isEqualTo(201);
        invalid(api.post(path, admin, new NewListing("x", null, 100, null, null, BigDecimal.ONE, null, null)),
                "weightUnit");
        invalid(api.post(path, admin, new NewListing("x", null, 100, null, null, BigDecimal.ZERO, WeightUnit.G, -1.0)),
                "weightValue", "unitsPerHour");
        invalid(api.post(path, admin, new NewListing("", null, 100, null, null, null, null, null)), "title");
        problem(api.post(path, manager.token(), Feed.rice("x")), 403);
        problem(api.post("/merchants/mer_unknown/listings", admin, Feed.rice("x")), 404);

        Listing listing = feed.listing(merchant.id(), Feed.rice("糯米"));
        invalid(api.send("PATCH", "/listings/" + listing.id(), admin, Map.of("priceCents", -3)), "priceCents");
        invalid(api.send("PATCH", "/listings/" + listing.id(), admin, Map.of("status", "GONE")), "status");
        problem(api.send("PATCH", "/listings/" + listing.id(), admin, Map.of("priceCents", 100),
                Map.of("If-Match", "\"7\"")), 412);
        assertThat(api.send("PATCH", "/listings/" + listing.id(), admin, Map.of("priceCents", 8_800),
                Map.of("If-Match", "\"1\"")).status()).isEqualTo(200);

        String coupons = "/merchants/" + merchant.id() + "/coupons";
        invalid(api.post(coupons, admin, new NewCoupon(List.of(), null, 101, true, 100, null, null)), "percentOff");
        invalid(api.post(coupons, admin, new NewCoupon(List.of(), null, -1, true, 100, null, null)), "percentOff");
        invalid(api.post(coupons, admin, new NewCoupon(List.of(), 100L, 10, true, 100, null, null)), "percentOff");
        invalid(api.post(coupons, admin, new NewCoupon(List.of(), -100L, null, true, 0, -1L, null)),
                "discountCents", "budgetCents", "spentCents");
        Merchant other = server.merchantOf(otherManager);
        Listing foreign = feed.listing(other.id(), Feed.rice("别家的米"));
        invalid(api.post(coupons, admin, new NewCoupon(List.of(foreign.id()), 100L, null, true, 100, null, null)),
                "listingIds[0]");
        invalid(api.put("/merchants/" + merchant.id() + "/cash", admin, new io.lineone.api.CashUpdate(-1, -2)),
                "balanceCents", "pendingDeductionCents");
        Coupon coupon = feed.coupon(merchant.id(), new NewCoupon(null, 100L, null, true, 100_000, null, null));
        invalid(api.send("PATCH", "/coupons/" + coupon.id(), admin, new CouponPatch(null, null, -1L, 0L)),
                "spentCents", "budgetCents");
        problem(api.get("/coupons/" + coupon.id(), otherManager.token()), 404);
        problem(api.send("PATCH", "/coupons/" + coupon.id(), manager.token(), new CouponPatch(false, null, null, null)),
                403);
    }

    @Test
    void aRetriedFeedWriteIsAppliedOnce() {
        String path = "/merchants/" + merchant.id() + "/listings";
        ApiClient.Response first = api.send("POST", path, server.adminToken(), Feed.rice("黑米"),
                Map.of("Idempotency-Key", "feed-1"));
        ApiClient.Response retry = api.send("POST", path, server.adminToken(), Feed.rice("黑米"),
                Map.of("Idempotency-Key", "feed-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.as(Listing.class).id()).isEqualTo(first.as(Listing.class).id());
        problem(api.send("POST", path, server.adminToken(), Feed.rice("紫米"), Map.of("Idempotency-Key", "feed-1")), 422);
        assertThat(Feed.ids(api.get(path, manager.token()))).hasSize(1);
    }
}
