package io.lineone.server.listings;

import io.lineone.api.Coupon;
import io.lineone.api.CouponPatch;
import io.lineone.api.Merchant;
import io.lineone.api.NewCoupon;
import io.lineone.api.Page;
import io.lineone.api.Role;
import io.lineone.server.audit.Audit;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.core.Caller;
import io.lineone.server.core.Cursor;
import io.lineone.server.core.DomainException;
import io.lineone.server.core.Ids;
import io.lineone.server.db.Tx;
import io.lineone.server.events.Committed;
import io.lineone.server.events.EventLog;
import io.lineone.server.merchants.MerchantService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Coupons as the feed sends them (SERVICE, ADMIN). Creating, activating or changing a coupon re-judges every
 * listing of the merchant in the same transaction, since a coupon can stack on any of them.
 */
public final class CouponService {

    private static final String COUPON_CHANGED = "The coupons changed: the detector no longer finds this.";

    private final CouponStore coupons;
    private final ListingStore listings;
    private final MerchantService merchants;
    private final DetectorRun detectors;
    private final FeedWrites writes;
    private final EventLog events;
    private final AuditLog audit;
    private final Clock clock;

    public CouponService(CouponStore coupons, ListingStore listings, MerchantService merchants, DetectorRun detectors,
                         FeedWrites writes, EventLog events, AuditLog audit, Clock clock) {
        this.coupons = coupons;
        this.listings = listings;
        this.merchants = merchants;
        this.detectors = detectors;
        this.writes = writes;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Coupon create(Caller caller, String merchantId, String idempotencyKey, NewCoupon request) {
        caller.require(Role.SERVICE, Role.ADMIN);
        ListingRequests.validate(request);
        merchants.get(caller, merchantId);
        List<String> scope = request.listingIds() == null ? List.of()
                : request.listingIds().stream().map(String::strip).sorted().toList();
        Instant now = now();
        String id = Ids.next("cpn");
        return writes.write(caller, "coupon.create", idempotencyKey, ListingService.hash(merchantId, request), id, now,
                existing -> get(caller, existing), tx -> {
                    Merchant merchant = merchants.lockIn(tx, merchantId);
                    List<ListingStore.Row> named = listings.ofMerchant(tx, merchantId, scope);
                    List<String> known = named.stream().map(ListingStore.Row::id).toList();
                    List<String> original = request.listingIds() == null ? List.of() : request.listingIds();
                    for (int i = 0; i < original.size(); i++) {
                        if (!known.contains(original.get(i).strip())) {
                            throw DomainException.invalid("listingIds[" + i + "]",
                                    "names no listing of this merchant");
                        }
                    }
                    Coupon coupon = new Coupon(id, merchantId, scope, request.discountCents(), request.percentOff(),
                            request.stackable(), request.budgetCents(),
                            request.spentCents() == null ? 0 : request.spentCents(),
                            request.active() == null || request.active(), 1);
                    coupons.insert(tx, coupon, now);
                    audit.append(tx, Audit.entry(caller, "coupon.create", "coupon", id, null, coupon, now));
                    return new Committed<>(coupon, rejudge(tx, caller, merchant, now));
                });
    }

    public Coupon patch(Caller caller, String id, String idempotencyKey, CouponPatch patch) {
        caller.require(Role.SERVICE, Role.ADMIN);
        ListingRequests.validate(patch);
        Coupon current = get(caller, id);
        Instant now = now();
        return writes.write(caller, "coupon.patch", idempotencyKey, ListingService.hash(id, patch), id, now,
                existing -> get(caller, existing), tx -> {
                    Merchant merchant = merchants.lockIn(tx, current.merchantId());
                    Coupon before = coupons.find(tx, id).orElseThrow();
                    Coupon after = new Coupon(id, before.merchantId(), before.listingIds(), before.discountCents(),
                            before.percentOff(), patch.stackable() == null ? before.stackable() : patch.stackable(),
                            patch.budgetCents() == null ? before.budgetCents() : patch.budgetCents(),
                            patch.spentCents() == null ? before.spentCents() : patch.spentCents(),
                            patch.active() == null ? before.active() : patch.active(), before.version() + 1);
                    if (after.equals(new Coupon(id, before.merchantId(), before.listingIds(), before.discountCents(),
                            before.percentOff(), before.stackable(), before.budgetCents(), before.spentCents(),
                            before.active(), before.version() + 1))) {
                        return new Committed<>(before, List.of());
                    }
                    coupons.update(tx, after, before.version(), now);
                    audit.append(tx, Audit.entry(caller, "coupon.update", "coupon", id, before, after, now));
                    return new Committed<>(after, rejudge(tx, caller, merchant, now));
                });
    }

    public Coupon get(Caller caller, String id) {
        Coupon coupon = coupons.find(id).orElseThrow(() -> DomainException.notFound("coupon", id));
        try {
            merchants.get(caller, coupon.merchantId());
        } catch (DomainException e) {
            throw DomainException.notFound("coupon", id);
        }
        return coupon;
    }

    public Page<Coupon> ofMerchant(Caller caller, String merchantId, Cursor cursor, int limit) {
        merchants.get(caller, merchantId);
        return Cursor.page(coupons.ofMerchant(merchantId, cursor.afterId(), limit + 1), limit, Coupon::id);
    }

    public Page<Coupon> ofListing(Caller caller, String listingId, Cursor cursor, int limit) {
        ListingStore.Row listing = listings.find(listingId)
                .orElseThrow(() -> DomainException.notFound("listing", listingId));
        try {
            merchants.get(caller, listing.merchantId());
        } catch (DomainException e) {
            throw DomainException.notFound("listing", listingId);
        }
        return Cursor.page(coupons.ofListing(listing.merchantId(), listingId, cursor.afterId(), limit + 1), limit,
                Coupon::id);
    }

    /** Every listing of the merchant judged again with the coupons as they are now; the events to append. */
    private List<EventLog.StoredEvent> rejudge(Tx tx, Caller caller, Merchant merchant, Instant now) {
        DetectorRun.Outcome outcome = rejudgeAll(tx, caller, merchant, detectors, listings, COUPON_CHANGED, now);
        return events.append(tx, outcome.events);
    }

    static DetectorRun.Outcome rejudgeAll(Tx tx, Caller caller, Merchant merchant, DetectorRun detectors,
                                          ListingStore listings, String whyGone, Instant now) {
        List<DetectorRun.Change> changes = new ArrayList<>();
        for (ListingStore.Row row : listings.ofMerchant(tx, merchant.id())) {
            changes.add(new DetectorRun.Change(row, row, caller == null ? null : caller.id()));
        }
        return detectors.listings(tx, caller, merchant, changes, true, whyGone, now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
