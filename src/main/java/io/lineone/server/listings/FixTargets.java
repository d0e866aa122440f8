package io.lineone.server.listings;

import io.lineone.api.Coupon;
import io.lineone.api.FixKind;
import io.lineone.api.FixOption;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.Listing;
import io.lineone.api.ListingAnomaly;
import io.lineone.api.ListingStatus;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantCash;
import io.lineone.api.WeightUnit;
import io.lineone.server.audit.Audit;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.core.Caller;
import io.lineone.server.core.DomainException;
import io.lineone.server.db.Database;
import io.lineone.server.db.Tx;
import io.lineone.server.events.EventLog;
import io.lineone.server.merchants.MerchantService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the one-click fixes change, for the fixes feature: the target of each kind (a listing, a coupon or a
 * merchant), what it is before and would be after, the money at risk that goes away, and the change itself —
 * made in the fix's transaction and judged again by the detectors, which resolve the issues whose cause is gone.
 */
public final class FixTargets {

    /** A target as a fix sees it: its merchant, its title, its version, and the fields the fix changes. */
    public record Target(FixKind kind, String targetId, String merchantId, String title, long version,
                         Map<String, Object> before, Map<String, Object> after, long lossAvertedCents) {
    }

    /** A change made: the target's version after it, the events to append last, the issues it resolved. */
    public record Change(long versionAfter, List<EventLog.NewEvent> events, List<Issue> resolved) {
    }

    private final Database db;
    private final ListingStore listings;
    private final CouponStore coupons;
    private final MerchantService merchants;
    private final DetectorRun detectors;
    private final AuditLog audit;

    public FixTargets(Database db, ListingStore listings, CouponStore coupons, MerchantService merchants,
                      DetectorRun detectors, AuditLog audit) {
        this.db = db;
        this.listings = listings;
        this.coupons = coupons;
        this.merchants = merchants;
        this.detectors = detectors;
        this.audit = audit;
    }

    /** The merchant a target belongs to; NOT_FOUND for an unknown target (or one that is not of this kind). */
    public String merchantOf(FixKind kind, String targetId) {
        return switch (kind) {
            case DELIST_LISTING, RESTORE_PRICE, CORRECT_WEIGHT_UNIT -> listings.find(targetId)
                    .orElseThrow(() -> DomainException.notFound("listing", targetId)).merchantId();
            case DISABLE_COUPON_STACKING -> coupons.find(targetId)
                    .orElseThrow(() -> DomainException.notFound("coupon", targetId)).merchantId();
            case PAUSE_AUTO_DEDUCTION -> merchants.find(targetId)
                    .orElseThrow(() -> DomainException.notFound("merchant", targetId)).id();
        };
    }

    /** What a fix would do now; CONFLICT when it does not apply to the target as it is. */
    public Target preview(FixKind kind, String targetId) {
        return db.inTransaction(tx -> previewIn(tx, kind, targetId));
    }

    /** {@link #preview} inside a transaction (the apply's, with the merchant locked). */
    public Target previewIn(Tx tx, FixKind kind, String targetId) {
        return switch (kind) {
            case DELIST_LISTING, RESTORE_PRICE, CORRECT_WEIGHT_UNIT -> listingTarget(tx, kind, targetId);
            case DISABLE_COUPON_STACKING -> couponTarget(tx, targetId);
            case PAUSE_AUTO_DEDUCTION -> merchantTarget(tx, targetId);
        };
    }

    /**
     * Applies a fix whose preview is {@code target}, inside the caller's transaction (the merchant locked); the
     * detectors judge the target again and resolve, with {@code why}, the issues whose cause is gone.
     */
    public Change apply(Tx tx, Caller caller, Target target, String why, Instant now) {
        Merchant merchant = merchants.lockIn(tx, target.merchantId());
        return switch (target.kind()) {
            case DELIST_LISTING -> changeListing(tx, caller, merchant, target.targetId(), target.version(),
                    row -> withListing(row, row.priceCents(), ListingStatus.DELISTED, row.weightUnit()), why, now);
            case RESTORE_PRICE -> changeListing(tx, caller, merchant, target.targetId(), target.version(),
                    row -> withListing(row, ((Number) target.after().get("priceCents")).longValue(), row.status(),
                            row.weightUnit()), why, now);
            case CORRECT_WEIGHT_UNIT -> changeListing(tx, caller, merchant, target.targetId(), target.version(),
                    row -> withListing(row, row.priceCents(), row.status(),
                            WeightUnit.fromWire((String) target.after().get("weightUnit"))), why, now);
            case DISABLE_COUPON_STACKING -> changeCoupon(tx, caller, merchant, target.targetId(), target.version(),
                    false, why, now);
            case PAUSE_AUTO_DEDUCTION -> changeMerchant(tx, caller, merchant, target.version(), true, why, now);
        };
    }

    /**
     * Puts back what a fix changed, if the target is still as the fix left it ({@code versionAfter});
     * CONFLICT otherwise.
     */
    public Change undo(Tx tx, Caller caller, FixKind kind, String targetId, String merchantId,
                       Map<String, Object> before, long versionAfter, String why, Instant now) {
        Merchant merchant = merchants.lockIn(tx, merchantId);
        return switch (kind) {
            case DELIST_LISTING -> changeListing(tx, caller, merchant, targetId, versionAfter,
                    row -> withListing(row, row.priceCents(), ListingStatus.valueOf((String) before.get("status")),
                            row.weightUnit()), why, now);
            case RESTORE_PRICE -> changeListing(tx, caller, merchant, targetId, versionAfter,
                    row -> withListing(row, ((Number) before.get("priceCents")).longValue(), row.status(),
                            row.weightUnit()), why, now);
            case CORRECT_WEIGHT_UNIT -> changeListing(tx, caller, merchant, targetId, versionAfter,
                    row -> withListing(row, row.priceCents(), row.status(),
                            WeightUnit.fromWire((String) before.get("weightUnit"))), why, now);
            case DISABLE_COUPON_STACKING -> changeCoupon(tx, caller, merchant, targetId, versionAfter,
                    (Boolean) before.get("stackable"), why, now);
            case PAUSE_AUTO_DEDUCTION -> changeMerchant(tx, caller, merchant, versionAfter,
                    (Boolean) before.get("autoDeductionPaused"), why, now);
        };
    }

    /** The target's version now, to tell whether it moved on since a fix. */
    public long versionOf(Tx tx, FixKind kind, String targetId) {
        return switch (kind) {
            case DELIST_LISTING, RESTORE_PRICE, CORRECT_WEIGHT_UNIT -> listings.find(tx, targetId).orElseThrow().version();
            case DISABLE_COUPON_STACKING -> coupons.find(tx, targetId).orElseThrow().version();
            case PAUSE_AUTO_DEDUCTION -> merchants.lockIn(tx, targetId).version();
        };
    }

    /** The fixes that apply to a listing now, the likeliest first for an issue of {@code category}. */
    public List<FixOption> forListing(String listingId, IssueCategory category) {
        ListingStore.Row row = listings.find(listingId).orElseThrow(() -> DomainException.notFound("listing", listingId));
        List<FixOption> options = new ArrayList<>();
        if (row.status() != ListingStatus.LIVE) {
            return options;
        }
        FixOption delist = new FixOption(FixKind.DELIST_LISTING, row.id(), row.title());
        options.add(delist);
        if (row.lastGoodPriceCents() != null && row.lastGoodPriceCents() != row.priceCents()) {
            options.add(new FixOption(FixKind.RESTORE_PRICE, row.id(), row.title()));
        }
        if (row.anomalies().contains(ListingAnomaly.COUPON_STACK)) {
            List<Coupon> stackable = db.inTransaction(tx -> coupons.active(tx, row.merchantId())).stream()
                    .filter(c -> c.stackable() && DetectorRun.appliesTo(c, row.id())).toList();
            int at = category == IssueCategory.COUPON_OVERSPEND ? 0 : options.size();
            for (Coupon c : stackable) {
                options.add(at++, new FixOption(FixKind.DISABLE_COUPON_STACKING, c.id(), DetectorRun.couponTitle(c)));
            }
        }
        if (row.anomalies().contains(ListingAnomaly.WEIGHT_UNIT)) {
            options.add(category == IssueCategory.WEIGHT_UNIT ? 0 : options.size(),
                    new FixOption(FixKind.CORRECT_WEIGHT_UNIT, row.id(), row.title()));
        }
        return options;
    }

    /** The merchant-level fix, when the merchant's cash is short and its auto-deduction still runs. */
    public Optional<FixOption> forMerchant(String merchantId) {
        Merchant merchant = merchants.find(merchantId).orElseThrow(() -> DomainException.notFound("merchant", merchantId));
        if (merchant.autoDeductionPaused()) {
            return Optional.empty();
        }
        return Optional.of(new FixOption(FixKind.PAUSE_AUTO_DEDUCTION, merchant.id(), merchant.name()));
    }

    private Target listingTarget(Tx tx, FixKind kind, String id) {
        ListingStore.Row row = listings.find(tx, id).orElseThrow(() -> DomainException.notFound("listing", id));
        if (row.status() != ListingStatus.LIVE) {
            throw notApplicable(kind, "the listing is not live.");
        }
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        ListingStore.Row changed;
        switch (kind) {
            case DELIST_LISTING -> {
                before.put("status", row.status().name());
                after.put("status", ListingStatus.DELISTED.name());
                changed = withListing(row, row.priceCents(), ListingStatus.DELISTED, row.weightUnit());
            }
            case RESTORE_PRICE -> {
                if (row.lastGoodPriceCents() == null || row.lastGoodPriceCents() == row.priceCents()) {
                    throw notApplicable(kind, "the listing has no other good price to go back to.");
                }
                before.put("priceCents", row.priceCents());
                after.put("priceCents", row.lastGoodPriceCents());
                changed = withListing(row, row.lastGoodPriceCents(), row.status(), row.weightUnit());
            }
            default -> {
                Double median = row.weightValue() == null ? null : detectors.median(tx, row.category());
                WeightUnit likely = median == null ? row.weightUnit()
                        : Detectors.likelyUnit(row.priceCents(), row.weightValue(), row.weightUnit(), median);
                if (likely == row.weightUnit()) {
                    throw notApplicable(kind, "its weight unit is the likeliest one already.");
                }
                before.put("weightUnit", row.weightUnit().wire());
                before.put("weightValue", ListingService.view(row, List.of()).weightValue());
                after.put("weightUnit", likely.wire());
                after.put("weightValue", ListingService.view(row, List.of()).weightValue());
                changed = withListing(row, row.priceCents(), row.status(), likely);
            }
        }
        List<Coupon> active = coupons.active(tx, row.merchantId());
        long averted = detectors.riskOf(tx, List.of(row), active, false)
                - detectors.riskOf(tx, List.of(changed), active, false);
        return new Target(kind, id, row.merchantId(), row.title(), row.version(), before, after, Math.max(0, averted));
    }

    private Target couponTarget(Tx tx, String id) {
        Coupon coupon = coupons.find(tx, id).orElseThrow(() -> DomainException.notFound("coupon", id));
        if (!coupon.stackable()) {
            throw notApplicable(FixKind.DISABLE_COUPON_STACKING, "the coupon does not stack already.");
        }
        List<Coupon> active = coupons.active(tx, coupon.merchantId());
        List<Coupon> unstacked = active.stream().map(c -> c.id().equals(id) ? unstack(c, false) : c).toList();
        List<ListingStore.Row> all = listings.ofMerchant(tx, coupon.merchantId());
        long averted = detectors.riskOf(tx, all, active, true) - detectors.riskOf(tx, all, unstacked, true);
        return new Target(FixKind.DISABLE_COUPON_STACKING, id, coupon.merchantId(), DetectorRun.couponTitle(coupon),
                coupon.version(), Map.of("stackable", true), Map.of("stackable", false), Math.max(0, averted));
    }

    private Target merchantTarget(Tx tx, String id) {
        Merchant merchant = merchants.find(id).orElseThrow(() -> DomainException.notFound("merchant", id));
        if (merchant.autoDeductionPaused()) {
            throw notApplicable(FixKind.PAUSE_AUTO_DEDUCTION, "the automatic deduction is paused already.");
        }
        MerchantCash cash = coupons.cash(tx, id, false).orElse(null);
        long averted = cash == null ? 0 : Math.max(0, cash.pendingDeductionCents() - cash.balanceCents());
        return new Target(FixKind.PAUSE_AUTO_DEDUCTION, id, id, merchant.name(), merchant.version(),
                Map.of("autoDeductionPaused", false), Map.of("autoDeductionPaused", true), averted);
    }

    private Change changeListing(Tx tx, Caller caller, Merchant merchant, String id, long expectedVersion,
                                 java.util.function.UnaryOperator<ListingStore.Row> change, String why, Instant now) {
        ListingStore.Row before = listings.find(tx, id).orElseThrow(() -> DomainException.notFound("listing", id));
        if (before.version() != expectedVersion) {
            throw new VersionMismatch(before.version());
        }
        DetectorRun.Outcome outcome = detectors.listings(tx, caller, merchant,
                List.of(new DetectorRun.Change(before, change.apply(before), caller.id())), false, why, now);
        Listing after = outcome.listing(id);
        long versionAfter = after == null ? before.version() : after.version();
        audit.append(tx, Audit.entry(caller, "listing.fix", "listing", id, ListingService.view(before, List.of()),
                after, now));
        return new Change(versionAfter, outcome.events, outcome.resolved);
    }

    private Change changeCoupon(Tx tx, Caller caller, Merchant merchant, String id, long expectedVersion,
                                boolean stackable, String why, Instant now) {
        Coupon before = coupons.find(tx, id).orElseThrow(() -> DomainException.notFound("coupon", id));
        if (before.version() != expectedVersion) {
            throw new VersionMismatch(before.version());
        }
        Coupon after = unstack(before, stackable);
        coupons.update(tx, after, before.version(), now);
        audit.append(tx, Audit.entry(caller, "coupon.fix", "coupon", id, before, after, now));
        DetectorRun.Outcome outcome = CouponService.rejudgeAll(tx, caller, merchant, detectors, listings, why, now);
        return new Change(after.version(), outcome.events, outcome.resolved);
    }

    private Change changeMerchant(Tx tx, Caller caller, Merchant merchant, long expectedVersion, boolean paused,
                                  String why, Instant now) {
        if (merchant.version() != expectedVersion) {
            throw new VersionMismatch(merchant.version());
        }
        MerchantService.Committable changed = merchants.setAutoDeductionPausedIn(tx, caller, merchant.id(), paused,
                expectedVersion, now).orElseThrow(() -> new VersionMismatch(-1));
        DetectorRun.Outcome outcome = new DetectorRun.Outcome();
        MerchantCash cash = coupons.cash(tx, merchant.id(), paused).orElse(null);
        detectors.cash(tx, caller, changed.merchant(), cash == null ? 0 : cash.balanceCents(),
                cash == null ? 0 : cash.pendingDeductionCents(), paused, why, now, outcome);
        List<EventLog.NewEvent> events = new ArrayList<>();
        events.add(changed.event());
        events.addAll(outcome.events);
        return new Change(changed.merchant().version(), events, outcome.resolved);
    }

    /** The target is not at the version the caller expected; {@code current} is its version now (-1 unknown). */
    public static final class VersionMismatch extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final long current;

        VersionMismatch(long current) {
            super("the target is at version " + current, null, false, false);
            this.current = current;
        }

        public long current() {
            return current;
        }
    }

    private static Coupon unstack(Coupon c, boolean stackable) {
        return new Coupon(c.id(), c.merchantId(), c.listingIds(), c.discountCents(), c.percentOff(), stackable,
                c.budgetCents(), c.spentCents(), c.active(), c.version() + 1);
    }

    private static ListingStore.Row withListing(ListingStore.Row r, long price, ListingStatus status, WeightUnit unit) {
        return new ListingStore.Row(r.id(), r.merchantId(), r.title(), r.category(), price, r.referencePriceCents(),
                r.costCents(), r.weightValue(), unit, r.unitsPerHour(), status, r.lastGoodPriceCents(), r.anomalies(),
                r.updatedAt(), r.version());
    }

    private static DomainException notApplicable(FixKind kind, String why) {
        return DomainException.of(DomainException.Kind.CONFLICT, "fix.notApplicable", kind, why);
    }
}
