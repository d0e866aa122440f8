package io.lineone.server.listings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.CashUpdate;
import io.lineone.api.Json;
import io.lineone.api.Listing;
import io.lineone.api.ListingPatch;
import io.lineone.api.ListingStatus;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantCash;
import io.lineone.api.NewListing;
import io.lineone.api.Page;
import io.lineone.api.PricePoint;
import io.lineone.api.Role;
import io.lineone.server.audit.Audit;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.core.Caller;
import io.lineone.server.core.Cursor;
import io.lineone.server.core.DomainException;
import io.lineone.server.core.IfMatch;
import io.lineone.server.core.Ids;
import io.lineone.server.core.Sha256;
import io.lineone.server.db.Tx;
import io.lineone.server.events.Committed;
import io.lineone.server.events.EventLog;
import io.lineone.server.merchants.MerchantService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Listings and merchant cash as the marketplace feed sends them (SERVICE, ADMIN), each change judged by the
 * detectors in its own transaction. Anyone who sees the merchant reads them; anyone else is told NOT_FOUND.
 */
public final class ListingService {

    static final String FEED_CHANGED = "数据源已更新该商品，检测不再发现此问题。";
    private static final String CASH_CHANGED = "数据源已更新余额，足以支付待扣款。";
    private static final ObjectMapper JSON = Json.mapper();

    private final io.lineone.server.db.Database db;
    private final ListingStore listings;
    private final CouponStore coupons;
    private final MerchantService merchants;
    private final DetectorRun detectors;
    private final FeedWrites writes;
    private final EventLog events;
    private final AuditLog audit;
    private final Clock clock;

    public ListingService(io.lineone.server.db.Database db, ListingStore listings, CouponStore coupons, MerchantService merchants, DetectorRun detectors,
                   FeedWrites writes, EventLog events, AuditLog audit, Clock clock) {
        this.db = db;
        this.listings = listings;
        this.coupons = coupons;
        this.merchants = merchants;
        this.detectors = detectors;
        this.writes = writes;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Listing create(Caller caller, String merchantId, String idempotencyKey, NewListing request) {
        caller.require(Role.SERVICE, Role.ADMIN);
        ListingRequests.validate(request);
        Merchant merchant = merchants.get(caller, merchantId);
        Instant now = now();
        String id = Ids.next("lst");
        return writes.write(caller, "listing.create", idempotencyKey, hash(merchantId, request), id, now,
                existing -> get(caller, existing), tx -> {
                    Merchant locked = merchants.lockIn(tx, merchant.id());
                    ListingStore.Row row = new ListingStore.Row(id, merchant.id(), request.title().strip(),
                            request.category() == null ? merchant.category() : request.category().strip(),
                            request.priceCents(), request.referencePriceCents(), request.costCents(),
                            request.weightValue(), request.weightUnit(),
                            request.unitsPerHour() == null ? 1.0 : request.unitsPerHour(), ListingStatus.LIVE, null,
                            EnumSet.noneOf(io.lineone.api.ListingAnomaly.class), now, 1);
                    DetectorRun.Outcome outcome = detectors.listings(tx, caller, locked,
                            List.of(new DetectorRun.Change(null, row, caller.id())), false, FEED_CHANGED, now);
                    Listing listing = outcome.listing(id);
                    audit.append(tx, Audit.entry(caller, "listing.create", "listing", id, null, listing, now));
                    return new Committed<>(listing, events.append(tx, outcome.events));
                });
    }

    public Listing patch(Caller caller, String id, String idempotencyKey, IfMatch ifMatch, ListingPatch patch) {
        caller.require(Role.SERVICE, Role.ADMIN);
        ListingRequests.validate(patch);
        ListingStore.Row current = visible(caller, id);
        Instant now = now();
        return writes.write(caller, "listing.patch", idempotencyKey, hash(id, patch), id, now,
                existing -> get(caller, existing), tx -> {
                    Merchant merchant = merchants.lockIn(tx, current.merchantId());
                    ListingStore.Row before = listings.find(tx, id).orElseThrow();
                    if (ifMatch != null && !ifMatch.matches(before.version())) {
                        throw DomainException.of(DomainException.Kind.PRECONDITION_FAILED, "listing.stale",
                                before.version());
                    }
                    ListingStore.Row after = patched(before, patch);
                    DetectorRun.Outcome outcome = detectors.listings(tx, caller, merchant,
                            List.of(new DetectorRun.Change(before, after, caller.id())), false, FEED_CHANGED, now);
                    Listing listing = outcome.listing(id);
                    if (listing == null) {
                        return new Committed<>(view(before, listings.openIssues(tx, List.of(id))
                                .getOrDefault(id, List.of())), events.append(tx, outcome.events));
                    }
                    audit.append(tx, Audit.entry(caller, "listing.update", "listing", id,
                            view(before, List.of()), listing, now));
                    return new Committed<>(listing, events.append(tx, outcome.events));
                });
    }

    public Listing get(Caller caller, String id) {
        ListingStore.Row row = visible(caller, id);
        return view(row, listings.openIssues(List.of(id)).getOrDefault(id, List.of()));
    }

    public Page<Listing> list(Caller caller, String merchantId, Cursor cursor, int limit) {
        merchants.get(caller, merchantId);
        List<ListingStore.Row> rows = listings.page(merchantId, cursor.afterId(), limit + 1);
        Map<String, List<String>> open = listings.openIssues(rows.stream().map(ListingStore.Row::id).toList());
        return Cursor.page(rows.stream().map(r -> view(r, open.getOrDefault(r.id(), List.of()))).toList(), limit,
                Listing::id);
    }

    /** A listing's prices, newest first. */
    public Page<PricePoint> prices(Caller caller, String id, String cursor, int limit) {
        visible(caller, id);
        Long before = null;
        if (cursor != null && !cursor.isEmpty()) {
            String decoded = Cursor.parse(cursor).afterId();
            try {
                before = Long.parseLong(decoded.substring(decoded.indexOf('_') + 1));
            } catch (NumberFormatException e) {
                throw DomainException.invalid("cursor", "is not a cursor this server issued");
            }
        }
        List<Map.Entry<Long, PricePoint>> rows = listings.prices(id, before, limit + 1);
        List<PricePoint> items = rows.stream().limit(limit).map(Map.Entry::getValue).toList();
        String next = rows.size() > limit ? Cursor.encode("p_" + rows.get(limit - 1).getKey()) : null;
        return new Page<>(items, next);
    }

    public MerchantCash cash(Caller caller, String merchantId) {
        Merchant merchant = merchants.get(caller, merchantId);
        return coupons.cash(merchantId, merchant.autoDeductionPaused()).orElse(new MerchantCash(merchantId, 0, 0,
                merchant.autoDeductionPaused(), false, null, 0));
    }

    public MerchantCash putCash(Caller caller, String merchantId, String idempotencyKey, CashUpdate update) {
        caller.require(Role.SERVICE, Role.ADMIN);
        ListingRequests.validate(update);
        merchants.get(caller, merchantId);
        Instant now = now();
        return writes.write(caller, "cash", idempotencyKey, hash(merchantId, update), merchantId, now,
                existing -> cash(caller, existing), tx -> {
                    Merchant merchant = merchants.lockIn(tx, merchantId);
                    MerchantCash before = coupons.cash(tx, merchantId, merchant.autoDeductionPaused()).orElse(null);
                    boolean paused = merchant.autoDeductionPaused();
                    MerchantCash after = new MerchantCash(merchantId, update.balanceCents(),
                            update.pendingDeductionCents(), paused,
                            !paused && update.balanceCents() < update.pendingDeductionCents(), now,
                            before == null ? 1 : before.version() + 1);
                    coupons.putCash(tx, after);
                    DetectorRun.Outcome outcome = new DetectorRun.Outcome();
                    detectors.cash(tx, caller, merchant, after.balanceCents(), after.pendingDeductionCents(), paused,
                            CASH_CHANGED, now, outcome);
                    audit.append(tx, Audit.entry(caller, "merchant.cash", "merchant", merchantId, before, after, now));
                    return new Committed<>(after, events.append(tx, outcome.events));
                });
    }

    /**
     * For the demo seed: many listings at good prices in one transaction, without the detectors (nothing to
     * find) — a fast first launch. {@code listings} by merchant id.
     */
    public void seedUnchecked(Caller feed, Map<String, List<NewListing>> listings, Instant at) {
        List<ListingStore.Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<NewListing>> entry : listings.entrySet()) {
            for (NewListing l : entry.getValue()) {
                rows.add(new ListingStore.Row(Ids.next("lst"), entry.getKey(), l.title(), l.category(), l.priceCents(),
                        l.referencePriceCents(), l.costCents(), l.weightValue(), l.weightUnit(),
                        l.unitsPerHour() == null ? 1.0 : l.unitsPerHour(), ListingStatus.LIVE, l.priceCents(),
                        EnumSet.noneOf(io.lineone.api.ListingAnomaly.class), at, 1));
            }
        }
        db.inTransaction(tx -> {
            this.listings.insertAll(tx, rows, feed == null ? null : feed.id());
            return null;
        });
    }

    /** Whether any listing exists, so the demo seeds them once. */
    public boolean hasListings() {
        return listings.count() > 0;
    }

    /** The live listings of a merchant, whoever asks: for the demo feed. */
    public List<Listing> liveUnchecked(String merchantId) {
        return listings.live(merchantId).stream().map(r -> view(r, List.of())).toList();
    }

    private ListingStore.Row visible(Caller caller, String id) {
        ListingStore.Row row = listings.find(id).orElseThrow(() -> DomainException.notFound("listing", id));
        try {
            merchants.get(caller, row.merchantId());
        } catch (DomainException e) {
            throw DomainException.notFound("listing", id);
        }
        return row;
    }

    static ListingStore.Row patched(ListingStore.Row b, ListingPatch p) {
        return new ListingStore.Row(b.id(), b.merchantId(), p.title() == null ? b.title() : p.title().strip(),
                b.category(), p.priceCents() == null ? b.priceCents() : p.priceCents(),
                p.referencePriceCents() == null ? b.referencePriceCents() : p.referencePriceCents(),
                p.costCents() == null ? b.costCents() : p.costCents(),
                p.weightValue() == null ? b.weightValue() : p.weightValue(),
                p.weightUnit() == null ? b.weightUnit() : p.weightUnit(),
                p.unitsPerHour() == null ? b.unitsPerHour() : p.unitsPerHour(),
                p.status() == null ? b.status() : p.status(), b.lastGoodPriceCents(), b.anomalies(), b.updatedAt(),
                b.version());
    }

    static Listing view(ListingStore.Row r, List<String> openIssueIds) {
        BigDecimal weight = r.weightValue() == null ? null : r.weightValue().stripTrailingZeros();
        if (weight != null && weight.scale() < 0) {
            weight = weight.setScale(0);
        }
        return new Listing(r.id(), r.merchantId(), r.title(), r.category(), r.priceCents(), r.referencePriceCents(),
                r.costCents(), weight, r.weightUnit(), r.unitsPerHour(), r.status(), r.lastGoodPriceCents(),
                new ArrayList<>(r.anomalies()), List.copyOf(openIssueIds), r.updatedAt(), r.version());
    }

    static String hash(String id, Object body) {
        try {
            return Sha256.hex(id + "\n" + JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot hash a request", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
