package io.lineone.server.listings;

import io.lineone.api.IssueCategory;
import io.lineone.api.ListingAnomaly;
import io.lineone.api.ListingStatus;
import io.lineone.api.Priority;
import io.lineone.api.WeightUnit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The mispricing detectors as pure functions of a listing, the coupons that can apply to it and its category's
 * median price per gram. A merchant loses money on prices too low, so that is what they look for; a price far
 * above the reference is flagged too (a slipped decimal point either way) but puts no money at risk.
 *
 * <p>Money at risk is (baseline − effective price) × units per hour × {@link #HOURS_TO_ACT}, where the baseline
 * is the reference price, else the last good price, else the listing's own price (for coupons) or its cost.
 */
public final class Detectors {

    /** How long a manager is assumed to need to act, for the money-at-risk estimate. */
    public static final int HOURS_TO_ACT = 4;
    /** A price this many times off its reference is a slipped decimal point (÷8 … ×8 and beyond). */
    static final int SLIP_FACTOR = 8;
    /** A price per gram this many times off its category's median is a weight typed in the wrong unit. */
    static final int WEIGHT_FACTOR = 500;
    /** A category needs this many weighed live listings before its median means anything. */
    static final int MIN_MEDIAN_SAMPLE = 5;
    /** How close to a power of ten of the last good price a new price must be to count as a slip. */
    private static final double SLIP_TOLERANCE = 0.15;
    private static final long MAX_MONEY_CENTS = 1_000_000_000_000_000L;

    /** Why a detector trips: the listing anomalies, plus the merchant-level cash shortfall. */
    public enum Reason {
        DECIMAL_SLIP(IssueCategory.PRICING_ERROR),
        BELOW_COST(IssueCategory.PRICING_ERROR),
        BELOW_HALF_REFERENCE(IssueCategory.PRICING_ERROR),
        COUPON_STACK(IssueCategory.COUPON_OVERSPEND),
        COUPON_BUDGET(IssueCategory.COUPON_OVERSPEND),
        WEIGHT_UNIT(IssueCategory.WEIGHT_UNIT),
        CASH_SHORT(IssueCategory.CASH_FLOW);

        private final IssueCategory category;

        Reason(IssueCategory category) {
            this.category = category;
        }

        public IssueCategory category() {
            return category;
        }

        boolean pricing() {
            return category == IssueCategory.PRICING_ERROR;
        }
    }

    /** What a listing is, for the detectors. */
    public record ListingFacts(long priceCents, Long referencePriceCents, Long costCents, BigDecimal weightValue,
                               WeightUnit weightUnit, double unitsPerHour, ListingStatus status,
                               Long lastGoodPriceCents) {
    }

    /**
     * An active coupon that applies to the listing. {@code projectedSpendCents} is what it will have spent
     * {@link #HOURS_TO_ACT} hours from now over its whole scope.
     */
    public record CouponFacts(String id, Long discountCents, Integer percentOff, boolean stackable, long budgetCents,
                              long projectedSpendCents) {
    }

    /** One tripped detector, with the money it puts at risk and a sentence for the issue. */
    public record Finding(Reason reason, long moneyAtRiskCents, String detail) {

        public Priority priority() {
            return Detectors.priority(reason, moneyAtRiskCents);
        }
    }

    /** What the detectors see in one listing: every anomaly, and the findings worth an issue. */
    public record Verdict(Set<ListingAnomaly> anomalies, List<Finding> findings) {

        public boolean pricingFlagged() {
            return anomalies.contains(ListingAnomaly.DECIMAL_SLIP) || anomalies.contains(ListingAnomaly.BELOW_COST)
                    || anomalies.contains(ListingAnomaly.BELOW_HALF_REFERENCE);
        }

        public long moneyAtRiskCents() {
            return findings.stream().mapToLong(Finding::moneyAtRiskCents).reduce(0, Detectors::addCapped);
        }
    }

    private Detectors() {
    }

    /**
     * Judges a listing. A delisted listing sells nothing, so it risks nothing. Of the pricing reasons only the
     * strongest becomes an issue (a slipped decimal point is usually below cost and below half the reference
     * too, and one mistake deserves one issue); all of them are flagged.
     *
     * @param medianCentsPerGram the category's median price per gram; null when too few listings to tell
     */
    public static Verdict listing(ListingFacts l, List<CouponFacts> coupons, Double medianCentsPerGram) {
        Set<ListingAnomaly> anomalies = EnumSet.noneOf(ListingAnomaly.class);
        List<Finding> findings = new ArrayList<>();
        if (l.status() == ListingStatus.DELISTED) {
            return new Verdict(anomalies, findings);
        }
        long price = l.priceCents();
        Long ref = l.referencePriceCents();
        long baseline = ref != null ? ref : l.lastGoodPriceCents() != null ? l.lastGoodPriceCents()
                : l.costCents() != null ? l.costCents() : price;
        long priceRisk = risk(baseline - price, l.unitsPerHour());
        boolean slipVsReference = ref != null && ref > 0
                && (BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(SLIP_FACTOR)).compareTo(BigDecimal.valueOf(ref)) <= 0
                || BigDecimal.valueOf(price).compareTo(BigDecimal.valueOf(ref).multiply(BigDecimal.valueOf(SLIP_FACTOR))) >= 0);
        boolean slipVsLastGood = l.lastGoodPriceCents() != null && l.lastGoodPriceCents() > 0
                && powerOfTenApart(price, l.lastGoodPriceCents());
        if (slipVsReference || slipVsLastGood) {
            anomalies.add(ListingAnomaly.DECIMAL_SLIP);
            findings.add(new Finding(Reason.DECIMAL_SLIP, priceRisk, slipVsReference
                    ? "售价 " + yuan(price) + " 与参考价 " + yuan(ref) + " 相差一个小数点。"
                    : "售价 " + yuan(price) + " 与上次正常售价 " + yuan(l.lastGoodPriceCents()) + " 相差一个小数点。"));
        }
        if (l.costCents() != null && price < l.costCents()) {
            anomalies.add(ListingAnomaly.BELOW_COST);
            if (findings.isEmpty()) {
                findings.add(new Finding(Reason.BELOW_COST, risk(Math.max(baseline, l.costCents()) - price,
                        l.unitsPerHour()), "售价 " + yuan(price) + " 低于成本 " + yuan(l.costCents()) + "。"));
            }
        }
        if (ref != null && price * 2 < ref) {
            anomalies.add(ListingAnomaly.BELOW_HALF_REFERENCE);
            if (findings.isEmpty()) {
                findings.add(new Finding(Reason.BELOW_HALF_REFERENCE, priceRisk, "售价 " + yuan(price)
                        + " 低于参考价 " + yuan(ref) + " 的一半。"));
            }
        }
        couponStack(l, coupons, baseline, anomalies, findings);
        for (CouponFacts coupon : coupons) {
            if (coupon.projectedSpendCents() > coupon.budgetCents()) {
                anomalies.add(ListingAnomaly.COUPON_BUDGET);
            }
        }
        Optional<Finding> weight = weight(l, medianCentsPerGram);
        weight.ifPresent(f -> {
            anomalies.add(ListingAnomaly.WEIGHT_UNIT);
            findings.add(f);
        });
        return new Verdict(anomalies, findings);
    }

    /**
     * The worst case of the coupons: every stackable coupon applied together, or any single non-stackable one,
     * whichever leaves the least. Percentages come off the price first, then amounts; never below zero.
     */
    public static long worstCaseCents(long priceCents, List<CouponFacts> coupons) {
        long worst = priceCents;
        List<CouponFacts> stack = coupons.stream().filter(CouponFacts::stackable).toList();
        if (!stack.isEmpty()) {
            worst = Math.min(worst, apply(priceCents, stack));
        }
        for (CouponFacts alone : coupons) {
            if (!alone.stackable()) {
                worst = Math.min(worst, apply(priceCents, List.of(alone)));
            }
        }
        return worst;
    }

    /** What one unit of a listing priced {@code priceCents} costs the coupon. */
    public static long discountPerUnit(long priceCents, Long discountCents, Integer percentOff) {
        if (discountCents != null) {
            return Math.min(priceCents, discountCents);
        }
        return percentOff == null ? 0 : priceCents * percentOff / 100;
    }

    /** A coupon's own finding: its spend projected {@link #HOURS_TO_ACT} hours ahead passes its budget. */
    public static Optional<Finding> couponBudget(long budgetCents, long projectedSpendCents) {
        if (projectedSpendCents <= budgetCents) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Reason.COUPON_BUDGET, Math.min(MAX_MONEY_CENTS, projectedSpendCents - budgetCents),
                "按当前销量，该优惠券 " + HOURS_TO_ACT + " 小时内将花费 " + yuan(projectedSpendCents) + "，超过预算 "
                        + yuan(budgetCents) + "。"));
    }

    /** The merchant-level finding: the cash balance cannot cover the pending automatic deduction. */
    public static Optional<Finding> cash(long balanceCents, long pendingDeductionCents, boolean autoDeductionPaused) {
        if (autoDeductionPaused || balanceCents >= pendingDeductionCents) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Reason.CASH_SHORT, pendingDeductionCents - balanceCents,
                "余额 " + yuan(balanceCents) + " 不足以支付待自动扣款 " + yuan(pendingDeductionCents) + "。"));
    }

    /** Grams per gram-equivalent of a weight; null when the listing has no weight. */
    public static Double centsPerGram(long priceCents, BigDecimal weightValue, WeightUnit unit) {
        if (weightValue == null || unit == null || weightValue.signum() <= 0) {
            return null;
        }
        return priceCents / weightValue.multiply(unit.grams()).doubleValue();
    }

    /** The unit that brings a listing's price per gram closest to its category's median. */
    public static WeightUnit likelyUnit(long priceCents, BigDecimal weightValue, WeightUnit typed, double median) {
        WeightUnit best = typed;
        double bestDistance = Double.MAX_VALUE;
        for (WeightUnit unit : WeightUnit.values()) {
            Double perGram = centsPerGram(priceCents, weightValue, unit);
            if (perGram == null || perGram <= 0) {
                continue;
            }
            double distance = Math.abs(Math.log(perGram / median));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = unit;
            }
        }
        return best;
    }

    static Priority priority(Reason reason, long moneyAtRiskCents) {
        Priority byMoney = moneyAtRiskCents >= 1_000_000 ? Priority.P1
                : moneyAtRiskCents >= 100_000 ? Priority.P2
                : moneyAtRiskCents >= 10_000 ? Priority.P3 : Priority.P4;
        // A slipped decimal point is an emergency even before it sells much.
        if (reason == Reason.DECIMAL_SLIP && byMoney.compareTo(Priority.P2) > 0) {
            return Priority.P2;
        }
        return byMoney;
    }

    private static void couponStack(ListingFacts l, List<CouponFacts> coupons, long baseline,
                                    Set<ListingAnomaly> anomalies, List<Finding> findings) {
        if (coupons.isEmpty()) {
            return;
        }
        long price = l.priceCents();
        long effective = worstCaseCents(price, coupons);
        long floor = Math.max(l.costCents() == null ? 0 : l.costCents(),
                l.referencePriceCents() == null ? 0 : ceilPercent(l.referencePriceCents(), 30));
        // Only when the coupons are what take the price under the floor: a price already under it is flagged above.
        if (effective < floor && price >= floor) {
            anomalies.add(ListingAnomaly.COUPON_STACK);
            findings.add(new Finding(Reason.COUPON_STACK, risk(Math.max(baseline, price) - effective, l.unitsPerHour()),
                    "所有可叠加的优惠券同时使用时，售价 " + yuan(price) + " 实收 " + yuan(effective)
                            + (l.costCents() != null && effective < l.costCents()
                                    ? "，低于成本 " + yuan(l.costCents()) + "。"
                                    : "，低于参考价 " + yuan(l.referencePriceCents()) + " 的 30%。")));
        }
    }

    private static Optional<Finding> weight(ListingFacts l, Double median) {
        Double perGram = centsPerGram(l.priceCents(), l.weightValue(), l.weightUnit());
        if (perGram == null || median == null || median <= 0 || perGram <= 0) {
            return Optional.empty();
        }
        double ratio = perGram / median;
        if (ratio < WEIGHT_FACTOR && ratio > 1.0 / WEIGHT_FACTOR) {
            return Optional.empty();
        }
        WeightUnit likely = likelyUnit(l.priceCents(), l.weightValue(), l.weightUnit(), median);
        return Optional.of(new Finding(Reason.WEIGHT_UNIT, risk(l.priceCents(), l.unitsPerHour()),
                (ratio >= 1 ? "每克单价是类目中位数的 " + Math.round(ratio) + " 倍："
                        : "每克单价只有类目中位数的 1/" + Math.round(1 / ratio) + "：")
                        + l.weightValue().stripTrailingZeros().toPlainString() + " " + l.weightUnit().wire()
                        + " 看起来应为 " + likely.wire() + "。"));
    }

    private static long apply(long priceCents, List<CouponFacts> coupons) {
        BigDecimal left = BigDecimal.valueOf(priceCents);
        for (CouponFacts c : coupons) {
            if (c.percentOff() != null) {
                left = left.multiply(BigDecimal.valueOf(100 - c.percentOff())).divide(BigDecimal.valueOf(100),
                        MathContext.DECIMAL64);
            }
        }
        for (CouponFacts c : coupons) {
            if (c.discountCents() != null) {
                left = left.subtract(BigDecimal.valueOf(c.discountCents()));
            }
        }
        return Math.max(0, left.setScale(0, java.math.RoundingMode.FLOOR).longValue());
    }

    private static boolean powerOfTenApart(long price, long lastGood) {
        double ratio = (double) price / lastGood;
        for (double factor : new double[] {0.001, 0.01, 0.1, 10, 100, 1000}) {
            if (Math.abs(ratio / factor - 1) <= SLIP_TOLERANCE) {
                return true;
            }
        }
        return false;
    }

    private static long ceilPercent(long cents, int percent) {
        return (cents * percent + 99) / 100;
    }

    /** (lost per unit) × units per hour × hours to act, never negative and never past the money cap. */
    static long risk(long perUnitCents, double unitsPerHour) {
        if (perUnitCents <= 0 || unitsPerHour <= 0) {
            return 0;
        }
        double money = (double) perUnitCents * unitsPerHour * HOURS_TO_ACT;
        return money >= MAX_MONEY_CENTS ? MAX_MONEY_CENTS : Math.round(money);
    }

    static long addCapped(long a, long b) {
        long sum = a + b;
        return sum < 0 || sum > MAX_MONEY_CENTS ? MAX_MONEY_CENTS : sum;
    }

    static String yuan(long cents) {
        return String.format(java.util.Locale.ROOT, "¥%,d.%02d", cents / 100, Math.abs(cents % 100));
    }
}
