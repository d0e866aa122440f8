package io.lineone.server.listings;

import io.lineone.api.Coupon;
import io.lineone.api.EventTypes;
import io.lineone.api.Issue;
import io.lineone.api.IssueSource;
import io.lineone.api.Listing;
import io.lineone.api.ListingAnomaly;
import io.lineone.api.ListingStatus;
import io.lineone.api.Merchant;
import io.lineone.api.NewIssue;
import io.lineone.server.core.Caller;
import io.lineone.server.db.Tx;
import io.lineone.server.events.EventLog;
import io.lineone.server.issues.IssueService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the detectors inside the transaction of the change that can trip them (the merchant's row locked first):
 * judges listings, writes them with what was found, opens one DETECTOR issue per subject and reason — never a
 * second while one is open — and resolves, with a note saying why, the issues whose cause is gone.
 */
public final class DetectorRun {

    /** A listing to write: its state before (null when new) and after the change, before the detectors judged it. */
    record Change(ListingStore.Row before, ListingStore.Row after, String actorId) {
    }

    /** What a run changed: the events to append last, the listings written, and the money at risk after. */
    static final class Outcome {
        final List<EventLog.NewEvent> events = new ArrayList<>();
        final Map<String, Listing> listings = new LinkedHashMap<>();
        final List<Issue> opened = new ArrayList<>();
        final List<Issue> resolved = new ArrayList<>();
        long riskAfterCents;

        Listing listing(String id) {
            return listings.get(id);
        }
    }

    private final ListingStore listings;
    private final CouponStore coupons;
    private final IssueService issues;

    public DetectorRun(ListingStore listings, CouponStore coupons, IssueService issues) {
        this.listings = listings;
        this.coupons = coupons;
        this.issues = issues;
    }

    /**
     * Judges and writes the changed listings of one merchant. {@code allOfMerchant} says that {@code changes}
     * hold every listing of the merchant (a coupon's run), so a coupon's projected spend is summed from them
     * rather than asked of the database. A listing whose state and verdict stay as they were is not written.
     */
    Outcome listings(Tx tx, Caller caller, Merchant merchant, List<Change> changes, boolean allOfMerchant,
                     String whyGone, Instant now) {
        Outcome outcome = new Outcome();
        List<Coupon> active = coupons.active(tx, merchant.id());
        Map<String, Long> projected = allOfMerchant ? projectedFrom(active, changes) : new HashMap<>();
        Map<String, Double> medians = new HashMap<>();
        Map<String, ListingStore.Finding> findings;
        if (allOfMerchant) {
            findings = listings.findings(tx, merchant.id());
        } else {
            List<String> subjects = new ArrayList<>();
            changes.forEach(c -> subjects.add(c.after().id()));
            active.stream().filter(c -> changes.stream().anyMatch(ch -> appliesTo(c, ch.after().id())))
                    .forEach(c -> subjects.add(c.id()));
            findings = listings.findings(tx, merchant.id(), subjects);
        }
        List<ListingStore.Row> written = new ArrayList<>();
        for (Change change : changes) {
            ListingStore.Row after = change.after();
            List<Coupon> applicable = active.stream().filter(c -> appliesTo(c, after.id())).toList();
            List<Detectors.CouponFacts> facts = new ArrayList<>();
            for (Coupon c : applicable) {
                long spend = allOfMerchant ? projected.get(c.id()) : projected.computeIfAbsent(c.id(),
                        id -> projectedWith(tx, c, after));
                facts.add(new Detectors.CouponFacts(c.id(), c.discountCents(), c.percentOff(), c.stackable(),
                        c.budgetCents(), spend));
            }
            Double median = after.weightValue() == null ? null
                    : medians.computeIfAbsent(after.category(), category -> median(tx, category));
            Detectors.Verdict verdict = Detectors.listing(after.facts(), facts, median);
            Long lastGood = after.status() == ListingStatus.LIVE && !verdict.pricingFlagged()
                    ? Long.valueOf(after.priceCents()) : after.lastGoodPriceCents();
            ListingStore.Row judged = new ListingStore.Row(after.id(), after.merchantId(), after.title(),
                    after.category(), after.priceCents(), after.referencePriceCents(), after.costCents(),
                    after.weightValue(), after.weightUnit(), after.unitsPerHour(), after.status(), lastGood,
                    verdict.anomalies(), after.updatedAt(), after.version());
            ListingStore.Row before = change.before();
            boolean priceChanged = before == null || before.priceCents() != judged.priceCents();
            if (before == null) {
                listings.insert(tx, judged);
            } else if (!sameState(before, judged)) {
                ListingStore.Row bumped = withVersion(judged, before.version() + 1, now);
                listings.update(tx, bumped, before.version());
                judged = bumped;
            } else {
                judged = before;
            }
            if (priceChanged) {
                listings.appendPrice(tx, judged.id(), judged.priceCents(), now, change.actorId(),
                        verdict.pricingFlagged());
            }
            if (before == null || judged != before) {
                written.add(judged);
            }
            outcome.riskAfterCents = Detectors.addCapped(outcome.riskAfterCents, verdict.moneyAtRiskCents());
            reconcile(tx, caller, merchant, judged.id(), judged.title(), judged.id(), verdict.findings(),
                    LISTING_REASONS, findings, whyGone, now, outcome);
        }
        for (Coupon c : active) {
            Long spend = projected.get(c.id());
            if (spend != null) {
                reconcile(tx, caller, merchant, c.id(), couponTitle(c), null,
                        Detectors.couponBudget(c.budgetCents(), spend).map(List::of).orElse(List.of()),
                        Set.of(Detectors.Reason.COUPON_BUDGET), findings, whyGone, now, outcome);
            }
        }
        Map<String, List<String>> open = listings.openIssues(tx, written.stream().map(ListingStore.Row::id).toList());
        for (ListingStore.Row row : written) {
            Listing listing = ListingService.view(row, open.getOrDefault(row.id(), List.of()));
            outcome.listings.put(row.id(), listing);
            outcome.events.add(EventLog.NewEvent.of(EventTypes.LISTING_UPDATED, merchant.id(),
                    merchant.assignedManagerId(), listing, now));
        }
        return outcome;
    }

    /**
     * The money at risk in {@code rows} as the detectors would judge them with {@code active} coupons, writing
     * nothing: what a fix's preview compares before and after. {@code allOfMerchant} as for {@link #listings}.
     */
    long riskOf(Tx tx, List<ListingStore.Row> rows, List<Coupon> active, boolean allOfMerchant) {
        List<Change> changes = rows.stream().map(r -> new Change(r, r, null)).toList();
        Map<String, Long> projected = allOfMerchant ? projectedFrom(active, changes) : new HashMap<>();
        Map<String, Double> medians = new HashMap<>();
        long risk = 0;
        for (ListingStore.Row row : rows) {
            List<Detectors.CouponFacts> facts = new ArrayList<>();
            for (Coupon c : active) {
                if (appliesTo(c, row.id())) {
                    long spend = allOfMerchant ? projected.get(c.id())
                            : projected.computeIfAbsent(c.id(), id -> projectedWith(tx, c, row));
                    facts.add(new Detectors.CouponFacts(c.id(), c.discountCents(), c.percentOff(), c.stackable(),
                            c.budgetCents(), spend));
                }
            }
            Double median = row.weightValue() == null ? null
                    : medians.computeIfAbsent(row.category(), category -> median(tx, category));
            risk = Detectors.addCapped(risk, Detectors.listing(row.facts(), facts, median).moneyAtRiskCents());
        }
        return risk;
    }

    /**
     * The category's median price per gram, as the detectors use it. A median moves slowly and costs a pass over
     * the category, so one is reused for {@link #MEDIAN_TTL_NANOS}; too small a sample is asked again each time.
     */
    Double median(Tx tx, String category) {
        long now = System.nanoTime();
        CachedMedian cached = medianCache.get(category);
        if (cached != null && now - cached.at() < MEDIAN_TTL_NANOS) {
            return cached.value();
        }
        Double median = listings.medianCentsPerGram(tx, category);
        if (median != null) {
            medianCache.put(category, new CachedMedian(median, now));
        }
        return median;
    }

    private record CachedMedian(double value, long at) {
    }

    private static final long MEDIAN_TTL_NANOS = 30_000_000_000L;
    private final java.util.concurrent.ConcurrentHashMap<String, CachedMedian> medianCache =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The merchant-level detector: cash short of the pending deduction. */
    void cash(Tx tx, Caller caller, Merchant merchant, long balanceCents, long pendingCents, boolean paused,
              String whyGone, Instant now, Outcome outcome) {
        Map<String, ListingStore.Finding> findings = listings.findings(tx, merchant.id(), List.of(merchant.id()));
        List<Detectors.Finding> found = Detectors.cash(balanceCents, pendingCents, paused).map(List::of)
                .orElse(List.of());
        found.forEach(f -> outcome.riskAfterCents = Detectors.addCapped(outcome.riskAfterCents, f.moneyAtRiskCents()));
        reconcile(tx, caller, merchant, merchant.id(), merchant.name(), null, found,
                Set.of(Detectors.Reason.CASH_SHORT), findings, whyGone, now, outcome);
    }

    private static final Set<Detectors.Reason> LISTING_REASONS = Set.of(Detectors.Reason.DECIMAL_SLIP,
            Detectors.Reason.BELOW_COST, Detectors.Reason.BELOW_HALF_REFERENCE, Detectors.Reason.COUPON_STACK,
            Detectors.Reason.WEIGHT_UNIT);

    /** Opens an issue for each new finding and resolves the open ones of {@code reasons} no longer found. */
    private void reconcile(Tx tx, Caller caller, Merchant merchant, String subjectId, String subjectTitle,
                           String listingId, List<Detectors.Finding> found, Set<Detectors.Reason> reasons,
                           Map<String, ListingStore.Finding> findings, String whyGone, Instant now, Outcome outcome) {
        for (Detectors.Finding finding : found) {
            String key = ListingStore.key(subjectId, finding.reason());
            ListingStore.Finding existing = findings.get(key);
            if (existing != null && existing.open()) {
                continue;
            }
            IssueService.InTransaction opened = issues.openIn(tx, caller, new NewIssue(merchant.id(),
                    finding.reason().category(), IssueSource.DETECTOR, finding.priority(),
                    title(finding.reason(), subjectTitle), finding.detail(), listingId, null,
                    finding.moneyAtRiskCents()), merchant, now);
            listings.putFinding(tx, subjectId, finding.reason(), merchant.id(), opened.issue().id(), now);
            findings.put(key, new ListingStore.Finding(subjectId, finding.reason(), opened.issue().id(), true));
            outcome.opened.add(opened.issue());
            outcome.events.add(opened.event());
        }
        for (Detectors.Reason reason : reasons) {
            if (found.stream().anyMatch(f -> f.reason() == reason)) {
                continue;
            }
            ListingStore.Finding existing = findings.remove(ListingStore.key(subjectId, reason));
            if (existing == null) {
                continue;
            }
            listings.removeFinding(tx, subjectId, reason);
            if (existing.open()) {
                Optional<IssueService.InTransaction> resolved = issues.resolveIn(tx, caller, existing.issueId(),
                        "detector:" + reason.name(), whyGone, now);
                resolved.ifPresent(r -> {
                    outcome.resolved.add(r.issue());
                    outcome.events.add(r.event());
                });
            }
        }
    }

    /** A coupon's spend {@link Detectors#HOURS_TO_ACT} hours from now, summed over every listing given. */
    private static Map<String, Long> projectedFrom(List<Coupon> active, List<Change> all) {
        Map<String, Long> projected = new HashMap<>();
        for (Coupon c : active) {
            double perHour = 0;
            for (Change change : all) {
                ListingStore.Row l = change.after();
                if (l.status() == ListingStatus.LIVE && appliesTo(c, l.id())) {
                    perHour += Detectors.discountPerUnit(l.priceCents(), c.discountCents(), c.percentOff())
                            * l.unitsPerHour();
                }
            }
            projected.put(c.id(), spend(c.spentCents(), perHour));
        }
        return projected;
    }

    private long projectedWith(Tx tx, Coupon c, ListingStore.Row changed) {
        double perHour = coupons.spendPerHourOfOthers(tx, c, changed.id());
        if (changed.status() == ListingStatus.LIVE) {
            perHour += Detectors.discountPerUnit(changed.priceCents(), c.discountCents(), c.percentOff())
                    * changed.unitsPerHour();
        }
        return spend(c.spentCents(), perHour);
    }

    private static long spend(long spentCents, double perHour) {
        double total = spentCents + perHour * Detectors.HOURS_TO_ACT;
        return total >= IssueService.MAX_MONEY_CENTS ? IssueService.MAX_MONEY_CENTS : Math.round(total);
    }

    static boolean appliesTo(Coupon c, String listingId) {
        return c.listingIds().isEmpty() || c.listingIds().contains(listingId);
    }

    private static boolean sameState(ListingStore.Row a, ListingStore.Row b) {
        return a.title().equals(b.title()) && a.category().equals(b.category()) && a.priceCents() == b.priceCents()
                && java.util.Objects.equals(a.referencePriceCents(), b.referencePriceCents())
                && java.util.Objects.equals(a.costCents(), b.costCents())
                && sameWeight(a, b) && a.unitsPerHour() == b.unitsPerHour() && a.status() == b.status()
                && java.util.Objects.equals(a.lastGoodPriceCents(), b.lastGoodPriceCents())
                && a.anomalies().equals(b.anomalies());
    }

    private static boolean sameWeight(ListingStore.Row a, ListingStore.Row b) {
        return a.weightUnit() == b.weightUnit() && (a.weightValue() == null ? b.weightValue() == null
                : b.weightValue() != null && a.weightValue().compareTo(b.weightValue()) == 0);
    }

    private static ListingStore.Row withVersion(ListingStore.Row r, long version, Instant now) {
        return new ListingStore.Row(r.id(), r.merchantId(), r.title(), r.category(), r.priceCents(),
                r.referencePriceCents(), r.costCents(), r.weightValue(), r.weightUnit(), r.unitsPerHour(), r.status(),
                r.lastGoodPriceCents(), r.anomalies(), now, version);
    }

    static String couponTitle(Coupon c) {
        return c.discountCents() != null ? "立减 " + Detectors.yuan(c.discountCents()) : "优惠 " + c.percentOff() + "%";
    }

    private static String title(Detectors.Reason reason, String subject) {
        String what = switch (reason) {
            case DECIMAL_SLIP -> "小数点错位";
            case BELOW_COST -> "售价低于成本";
            case BELOW_HALF_REFERENCE -> "售价不到参考价一半";
            case COUPON_STACK -> "优惠券叠加后低于成本";
            case COUPON_BUDGET -> "优惠券将超出预算";
            case WEIGHT_UNIT -> "重量单位疑似填错";
            case CASH_SHORT -> "余额不足以支付待扣款";
        };
        String name = subject.length() > 150 ? subject.substring(0, 150) + "…" : subject;
        return what + "：" + name;
    }

    static boolean flagged(Set<ListingAnomaly> anomalies) {
        return !anomalies.isEmpty();
    }
}
