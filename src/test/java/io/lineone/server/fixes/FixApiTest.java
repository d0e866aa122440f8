package io.lineone.server.fixes;

import static io.lineone.testing.ProblemAssert.invalid;
import static io.lineone.testing.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lineone.api.Coupon;
import io.lineone.api.CouponPatch;
import io.lineone.api.EventTypes;
import io.lineone.api.Fix;
import io.lineone.api.FixKind;
import io.lineone.api.FixOption;
import io.lineone.api.FixPreview;
import io.lineone.api.FixStatus;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueStatus;
import io.lineone.api.Ledger;
import io.lineone.api.LedgerRow;
import io.lineone.api.Listing;
import io.lineone.api.ListingAnomaly;
import io.lineone.api.ListingPatch;
import io.lineone.api.ListingStatus;
import io.lineone.api.Merchant;
import io.lineone.api.NewCoupon;
import io.lineone.api.NewFix;
import io.lineone.api.NewListing;
import io.lineone.api.Page;
import io.lineone.api.Role;
import io.lineone.api.WeightUnit;
import io.lineone.server.audit.AuditLog;
import io.lineone.testing.ApiClient;
import io.lineone.testing.Feed;
import io.lineone.testing.SseReader;
import io.lineone.testing.TestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One-click fixes over HTTP: the preview, applying once per key at the previewed version, the issue resolved
 * with it, undo within 24 hours by the author or a supervisor, who may do what, and the ledger's totals.
 */
class FixApiTest {

    @RegisterExtension
    final TestServer server = TestServer.onH2().build();

    private final ApiClient api = server.api();
    private Feed feed;
    private TestServer.Account manager;
    private TestServer.Account otherManager;
    private TestServer.Account supervisor;
    private Merchant merchant;
    private Listing slipped;
    private String issueId;

    @BeforeEach
    void aSlippedListing() {
        feed = new Feed(server);
        manager = server.account(Role.MANAGER, "wang.fang", "王芳");
        otherManager = server.account(Role.MANAGER);
        supervisor = server.account(Role.SUPERVISOR);
        merchant = server.merchantOf(manager);
        Listing listing = feed.listing(merchant.id(), Feed.rice("五常大米 5kg"));
        slipped = feed.price(listing.id(), 890);
        issueId = slipped.openIssueIds().get(0);
    }

    @Test
    void delistingASlippedListingResolvesItsIssueInOneTransactionAndUndoBringsItBack() throws Exception {
        FixPreview preview = feed.previewOk(manager.token(), FixKind.DELIST_LISTING, slipped.id(), issueId);
        assertThat(preview.before()).isEqualTo(Map.of("status", "LIVE"));
        assertThat(preview.after()).isEqualTo(Map.of("status", "DELISTED"));
        assertThat(preview.lossAvertedCents()).isEqualTo((8_900 - 890) * 50L * 4);
        assertThat(preview.targetVersion()).isEqualTo(slipped.version());
        assertThat(preview.merchantId()).isEqualTo(merchant.id());

        long lastEvent;
        try (SseReader events = server.events(manager.token(), null, null)) {
            lastEvent = 0;
            ApiClient.Response applied = feed.apply(manager.token(), "fix-1",
                    new NewFix(FixKind.DELIST_LISTING, slipped.id(), issueId, preview.targetVersion()));
            assertThat(applied.status()).as("%s", applied).isEqualTo(201);
            Fix fix = applied.as(Fix.class);
            assertThat(fix.status()).isEqualTo(FixStatus.APPLIED);
            assertThat(fix.requestedByName()).isEqualTo("王芳");
            assertThat(fix.merchantName()).isEqualTo(merchant.name());
            assertThat(fix.targetTitle()).isEqualTo("五常大米 5kg");
            assertThat(fix.lossAvertedCents()).isEqualTo(preview.lossAvertedCents());
            assertThat(fix.undoableUntil()).isEqualTo(fix.appliedAt().plus(Duration.ofHours(24)));
            assertThat(feed.get(slipped.id()).status()).isEqualTo(ListingStatus.DELISTED);
            assertThat(server.issueById(issueId).status()).isEqualTo(IssueStatus.RESOLVED);

            List<String> types = new ArrayList<>();
            while (types.size() < 3) {
                SseReader.Event event = events.next(Duration.ofSeconds(5));
                assertThat(event).as("events so far: %s", types).isNotNull();
                types.add(event.type());
                lastEvent = event.id();
            }
            assertThat(types.subList(0, 2)).containsExactlyInAnyOrder(EventTypes.LISTING_UPDATED,
                    EventTypes.ISSUE_UPDATED);
            assertThat(types.get(2)).isEqualTo(EventTypes.FIX_APPLIED);
            assertThat(server.audit("fix", fix.id())).extracting(AuditLog.Entry::action).containsExactly("fix.apply");

            ApiClient.Response replay = feed.apply(manager.token(), "fix-1",
                    new NewFix(FixKind.DELIST_LISTING, slipped.id(), issueId, preview.targetVersion()));
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.as(Fix.class)).isEqualTo(fix);
            problem(feed.apply(manager.token(), "fix-1", new NewFix(FixKind.RESTORE_PRICE, slipped.id(), issueId,
                    preview.targetVersion())), 422);
            assertThat(Feed.ids(api.get("/fixes?merchantId=" + merchant.id(), manager.token())))
                    .containsExactly(fix.id());
            assertThat(Feed.ids(api.get("/fixes?issueId=" + issueId, supervisor.token()))).containsExactly(fix.id());
            assertThat(api.get("/fixes/" + fix.id(), manager.token()).as(Fix.class)).isEqualTo(fix);

            ApiClient.Response undone = feed.undo(manager.token(), fix.id());
            assertThat(undone.status()).as("%s", undone).isEqualTo(200);
            assertThat(undone.as(Fix.class).status()).isEqualTo(FixStatus.UNDONE);
            assertThat(undone.as(Fix.class).undoneAt()).isNotNull();
            Listing back = feed.get(slipped.id());
            assertThat(back.status()).isEqualTo(ListingStatus.LIVE);
            assertThat(back.priceCents()).isEqualTo(890);
            assertThat(back.anomalies()).contains(ListingAnomaly.DECIMAL_SLIP);
            assertThat(back.openIssueIds()).as("the detector finds the slip again").hasSize(1)
                    .doesNotContain(issueId);
            problem(feed.undo(manager.token(), fix.id()), 409);
        }
        assertThat(lastEvent).isPositive();
    }

    @Test
    void aStaleTargetVersionIsRefusedAndNothingIsApplied() {
        FixPreview preview = feed.previewOk(manager.token(), FixKind.DELIST_LISTING, slipped.id(), issueId);
        feed.patch(slipped.id(), new ListingPatch(null, null, null, null, null, 60.0, null, null));
        ApiClient.Response stale = feed.apply(manager.token(), "stale-1",
                new NewFix(FixKind.DELIST_LISTING, slipped.id(), issueId, preview.targetVersion()));
        problem(stale, 412);
        assertThat(feed.get(slipped.id()).status()).isEqualTo(ListingStatus.LIVE);
        FixPreview fresh = feed.previewOk(manager.token(), FixKind.DELIST_LISTING, slipped.id(), issueId);
        assertThat(fresh.targetVersion()).isGreaterThan(preview.targetVersion());
        assertThat(feed.apply(manager.token(), "stale-1",
                new NewFix(FixKind.DELIST_LISTING, slipped.id(), issueId, fresh.targetVersion())).status())
                .as("a refused request does not use up its key").isEqualTo(201);
    }

    @Test
    void onlyTheMerchantsManagerOrASupervisorMayFix() {
        NewFix delist = new NewFix(FixKind.DELIST_LISTING, slipped.id(), null, slipped.version());
        problem(feed.preview(otherManager.token(), FixKind.DELIST_LISTING, slipped.id(), null), 404);
        problem(feed.apply(otherManager.token(), "k1", delist), 404);
        problem(feed.preview(server.adminToken(), FixKind.DELIST_LISTING, slipped.id(), null), 403);
        problem(feed.preview(server.account(Role.PRODUCT_OWNER).token(), FixKind.DELIST_LISTING, slipped.id(), null),
                404);
        problem(feed.preview(manager.token(), FixKind.DELIST_LISTING, "lst_unknown", null), 404);
        problem(feed.preview(manager.token(), FixKind.DISABLE_COUPON_STACKING, slipped.id(), null), 404);
        invalid(feed.apply(manager.token(), null, delist), "Idempotency-Key");
        invalid(api.post("/fixes/preview", manager.token(), Map.of("kind", "BURN_IT", "targetId", "x")), "kind");
        invalid(api.post("/fixes/preview", manager.token(), Map.of("targetId", slipped.id())), "kind");
        Issue foreign = server.issue(server.merchantOf(manager).id(), io.lineone.api.Priority.P3);
        invalid(feed.preview(manager.token(), FixKind.DELIST_LISTING, slipped.id(), foreign.id()), "issueId");

        Fix fix = feed.fix(supervisor.token(), FixKind.DELIST_LISTING, slipped.id(), null);
        problem(api.get("/fixes/" + fix.id(), otherManager.token()), 404);
        problem(feed.undo(otherManager.token(), fix.id()), 404);
        problem(feed.undo(server.adminToken(), fix.id()), 403);
        problem(feed.undo(manager.token(), fix.id()), 403);
        assertThat(api.get("/fixes/" + fix.id(), server.adminToken()).status()).isEqualTo(200);
        assertThat(Feed.ids(api.get("/fixes", otherManager.token()))).isEmpty();
        assertThat(feed.undo(supervisor.token(), fix.id()).status()).isEqualTo(200);
        problem(feed.preview(manager.token(), FixKind.RESTORE_PRICE,
                feed.listing(merchant.id(), Feed.rice("新米")).id(), null), 409);
    }

    @Test
    void undoIsRefusedAfter24HoursOrOnceTheTargetChanged() {
        Fix late = feed.fix(manager.token(), FixKind.DELIST_LISTING, slipped.id(), issueId);
        server.clock().advance(Duration.ofHours(24));
        manager = again(manager);
        problem(feed.undo(manager.token(), late.id()), 409);

        Listing other = feed.price(feed.listing(merchant.id(), Feed.rice("糙米")).id(), 891);
        Fix changed = feed.fix(manager.token(), FixKind.RESTORE_PRICE, other.id(), other.openIssueIds().get(0));
        assertThat(feed.get(other.id()).priceCents()).isEqualTo(8_900);
        feed.patch(other.id(), new ListingPatch(null, null, null, null, null, 70.0, null, null));
        problem(feed.undo(manager.token(), changed.id()), 409);
        assertThat(feed.get(other.id()).priceCents()).isEqualTo(8_900);
    }

    @Test
    void everyKindOfFixRemovesItsCauseAndUndoRestoresTheExactState() {
        Fix restore = feed.fix(manager.token(), FixKind.RESTORE_PRICE, slipped.id(), issueId);
        assertThat(restore.before()).isEqualTo(Map.of("priceCents", 890));
        assertThat(restore.after()).isEqualTo(Map.of("priceCents", 8_900));
        assertThat(feed.get(slipped.id()).anomalies()).isEmpty();
        assertThat(feed.undo(manager.token(), restore.id()).status()).isEqualTo(200);
        assertThat(feed.get(slipped.id()).priceCents()).isEqualTo(890);

        for (int i = 0; i < 5; i++) {
            feed.listing(merchant.id(), Feed.rice("大米 " + i));
        }
        Listing grams = feed.listing(merchant.id(), new NewListing("大米 单位错", "粮油", 8_900, 8_900L, 5_000L,
                new BigDecimal("500"), WeightUnit.KG, 50.0));
        List<FixOption> options = options("?issueId=" + grams.openIssueIds().get(0));
        assertThat(options.get(0).kind()).isEqualTo(FixKind.CORRECT_WEIGHT_UNIT);
        Fix unit = feed.fix(manager.token(), FixKind.CORRECT_WEIGHT_UNIT, grams.id(), grams.openIssueIds().get(0));
        assertThat(unit.after()).containsEntry("weightUnit", "g");
        Listing corrected = feed.get(grams.id());
        assertThat(corrected.weightUnit()).isEqualTo(WeightUnit.G);
        assertThat(corrected.openIssueIds()).isEmpty();
        assertThat(feed.undo(manager.token(), unit.id()).status()).isEqualTo(200);
        assertThat(feed.get(grams.id()).weightUnit()).isEqualTo(WeightUnit.KG);

        Listing stacked = feed.listing(merchant.id(), Feed.rice("香米"));
        Coupon percent = feed.coupon(merchant.id(), new NewCoupon(List.of(stacked.id()), null, 30, true,
                100_000_000, 0L, true));
        feed.coupon(merchant.id(), new NewCoupon(List.of(stacked.id()), 2_000L, null, true, 100_000_000, 0L, true));
        String stackIssue = feed.get(stacked.id()).openIssueIds().get(0);
        List<FixOption> couponOptions = options("?issueId=" + stackIssue);
        assertThat(couponOptions.get(0).kind()).isEqualTo(FixKind.DISABLE_COUPON_STACKING);
        Fix unstack = feed.fix(manager.token(), FixKind.DISABLE_COUPON_STACKING, percent.id(), stackIssue);
        assertThat(unstack.lossAvertedCents()).isPositive();
        assertThat(server.issueById(stackIssue).status()).isEqualTo(IssueStatus.RESOLVED);
        assertThat(api.get("/coupons/" + percent.id(), manager.token()).as(Coupon.class).stackable()).isFalse();
        assertThat(feed.undo(manager.token(), unstack.id()).status()).isEqualTo(200);
        assertThat(api.get("/coupons/" + percent.id(), manager.token()).as(Coupon.class).stackable()).isTrue();

        feed.cash(merchant.id(), 10_000, 50_000);
        Issue cash = server.openIssuesOf(manager.login()).stream()
                .filter(i -> i.category() == IssueCategory.CASH_FLOW).findFirst().orElseThrow();
        assertThat(options("?issueId=" + cash.id())).extracting(FixOption::kind)
                .containsExactly(FixKind.PAUSE_AUTO_DEDUCTION);
        Fix pause = feed.fix(manager.token(), FixKind.PAUSE_AUTO_DEDUCTION, merchant.id(), cash.id());
        assertThat(pause.lossAvertedCents()).isEqualTo(40_000);
        assertThat(server.issueById(cash.id()).status()).isEqualTo(IssueStatus.RESOLVED);
        assertThat(api.get("/merchants/" + merchant.id(), manager.token()).as(Merchant.class).autoDeductionPaused())
                .isTrue();
        assertThat(feed.undo(manager.token(), pause.id()).status()).isEqualTo(200);
        assertThat(api.get("/merchants/" + merchant.id(), manager.token()).as(Merchant.class).autoDeductionPaused())
                .isFalse();
        feed.patchCoupon(percent.id(), new CouponPatch(false, null, null, null));
    }

    @Test
    void optionsNameTheFixesThatApply() {
        assertThat(options("?issueId=" + issueId)).extracting(FixOption::kind)
                .containsExactly(FixKind.DELIST_LISTING, FixKind.RESTORE_PRICE);
        assertThat(options("?listingId=" + slipped.id())).extracting(FixOption::targetId)
                .containsOnly(slipped.id());
        problem(api.get("/fixes/options?listingId=" + slipped.id(), otherManager.token()), 404);
        problem(api.get("/fixes/options?issueId=" + issueId, otherManager.token()), 404);
        invalid(api.get("/fixes/options", manager.token()), "issueId");
    }

    @Test
    void theLedgerAddsUpTheFixesThatStayApplied() {
        TestServer.Account second = server.account(Role.MANAGER, "li.lei", "李雷");
        Merchant secondMerchant = server.merchantOf(second);
        List<Fix> fixes = new ArrayList<>();
        fixes.add(feed.fix(manager.token(), FixKind.DELIST_LISTING, slipped.id(), issueId));
        for (int i = 0; i < 3; i++) {
            Listing l = feed.price(feed.listing(secondMerchant.id(), Feed.rice("米 " + i)).id(), 880 + i);
            fixes.add(feed.fix(second.token(), FixKind.RESTORE_PRICE, l.id(), null));
            server.clock().advance(Duration.ofDays(3));
            second = again(second);
            manager = again(manager);
            supervisor = again(supervisor);
        }
        Fix undone = feed.fix(second.token(), FixKind.DELIST_LISTING,
                feed.price(feed.listing(secondMerchant.id(), Feed.rice("米 x")).id(), 700).id(), null);
        feed.undo(second.token(), undone.id());

        String range = "from=2026-11-01T00:00:00Z&to=2026-12-31T00:00:00Z";
        long expected = fixes.stream().mapToLong(Fix::lossAvertedCents).sum();
        for (String groupBy : List.of("manager", "merchant", "week")) {
            Ledger ledger = api.get("/ledger?" + range + "&groupBy=" + groupBy, supervisor.token()).as(Ledger.class);
            assertThat(ledger.totalCents()).as(groupBy).isEqualTo(expected);
            assertThat(ledger.fixCount()).isEqualTo(fixes.size());
            assertThat(ledger.rows().stream().mapToLong(LedgerRow::lossAvertedCents).sum()).isEqualTo(expected);
            assertThat(ledger.rows().stream().mapToInt(LedgerRow::fixCount).sum()).isEqualTo(fixes.size());
        }
        Ledger byManager = api.get("/ledger?" + range + "&groupBy=manager", supervisor.token()).as(Ledger.class);
        assertThat(byManager.rows()).extracting(LedgerRow::label).containsExactlyInAnyOrder("王芳", "李雷");
        Ledger byWeek = api.get("/ledger?" + range + "&groupBy=week", supervisor.token()).as(Ledger.class);
        assertThat(byWeek.rows()).extracting(LedgerRow::key).isSorted()
                .allSatisfy(monday -> assertThat(java.time.LocalDate.parse(monday).getDayOfWeek())
                        .isEqualTo(java.time.DayOfWeek.MONDAY));
        Ledger mine = api.get("/ledger?" + range + "&groupBy=merchant", manager.token()).as(Ledger.class);
        assertThat(mine.totalCents()).isEqualTo(fixes.get(0).lossAvertedCents());
        assertThat(mine.rows()).extracting(LedgerRow::key).containsExactly(merchant.id());
        invalid(api.get("/ledger?groupBy=year", supervisor.token()), "groupBy");
        invalid(api.get("/ledger?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", supervisor.token()), "from");
        assertThat(api.get("/ledger", supervisor.token()).as(Ledger.class).groupBy()).isEqualTo("merchant");
        assertThat(Set.copyOf(Feed.ids(api.get("/fixes?limit=2", supervisor.token())))).hasSize(2);
    }

    /** The account signed in again, after the test clock moved past its token's 12 hours; the feed too. */
    private TestServer.Account again(TestServer.Account account) {
        feed.signInAgain();
        return new TestServer.Account(account.id(), account.login(), account.role(),
                server.signIn(account.login(), TestServer.PASSWORD));
    }

    private List<FixOption> options(String query) {
        ApiClient.Response answer = api.get("/fixes/options" + query, manager.token());
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.as(new TypeReference<Page<FixOption>>() { }).items();
    }
}
