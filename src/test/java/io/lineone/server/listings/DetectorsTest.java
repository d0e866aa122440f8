package io.lineone.server.listings;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.ListingAnomaly;
import io.lineone.api.ListingStatus;
import io.lineone.api.Priority;
import io.lineone.api.WeightUnit;
import io.lineone.server.listings.Detectors.CouponFacts;
import io.lineone.server.listings.Detectors.Finding;
import io.lineone.server.listings.Detectors.ListingFacts;
import io.lineone.server.listings.Detectors.Reason;
import io.lineone.server.listings.Detectors.Verdict;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every detector rule on its own, as the pure functions the detector run calls. */
class DetectorsTest {

    private static ListingFacts priced(long price, Long reference, Long cost, Long lastGood) {
        return new ListingFacts(price, reference, cost, null, null, 10, ListingStatus.LIVE, lastGood);
    }

    private static Verdict judge(ListingFacts facts) {
        return Detectors.listing(facts, List.of(), null);
    }

    @Test
    void aPriceAnEighthOfTheReferenceOrEightTimesItIsADecimalSlip() {
        assertThat(judge(priced(1_000, 8_000L, null, null)).anomalies()).contains(ListingAnomaly.DECIMAL_SLIP);
        assertThat(judge(priced(1_001, 8_000L, null, null)).anomalies()).doesNotContain(ListingAnomaly.DECIMAL_SLIP);
        assertThat(judge(priced(64_000, 8_000L, null, null)).anomalies()).containsExactly(ListingAnomaly.DECIMAL_SLIP);
        assertThat(judge(priced(63_999, 8_000L, null, null)).anomalies()).isEmpty();
        assertThat(judge(priced(8, 8_000L, null, null)).anomalies()).contains(ListingAnomaly.DECIMAL_SLIP);
    }

    @Test
    void aPriceNearAPowerOfTenOfTheLastGoodOneIsASlipWithoutAReference() {
        for (long price : new long[] {1_000, 100, 100_000, 1_000_000, 1_080, 920}) {
            assertThat(judge(priced(price, null, null, 10_000L)).anomalies()).as("%d", price)
                    .containsExactly(ListingAnomaly.DECIMAL_SLIP);
        }
        for (long price : new long[] {5_000, 20_000, 3_000, 10_000}) {
            assertThat(judge(priced(price, null, null, 10_000L)).anomalies()).as("%d", price).isEmpty();
        }
    }

    @Test
    void belowHalfTheReferenceOrBelowCostIsFlaggedAndOneMistakeIsOneFinding() {
        Verdict half = judge(priced(4_000, 9_000L, null, null));
        assertThat(half.anomalies()).containsExactly(ListingAnomaly.BELOW_HALF_REFERENCE);
        assertThat(half.findings()).extracting(Finding::reason).containsExactly(Reason.BELOW_HALF_REFERENCE);
        assertThat(half.findings().get(0).moneyAtRiskCents()).isEqualTo((9_000 - 4_000) * 10L * 4);

        Verdict cost = judge(priced(4_900, 6_000L, 5_000L, null));
        assertThat(cost.anomalies()).containsExactly(ListingAnomaly.BELOW_COST);
        assertThat(cost.findings()).extracting(Finding::reason).containsExactly(Reason.BELOW_COST);

        Verdict slip = judge(priced(890, 8_900L, 5_000L, 8_900L));
        assertThat(slip.anomalies()).containsExactlyInAnyOrder(ListingAnomaly.DECIMAL_SLIP, ListingAnomaly.BELOW_COST,
                ListingAnomaly.BELOW_HALF_REFERENCE);
        assertThat(slip.findings()).as("the strongest reason only").extracting(Finding::reason)
                .containsExactly(Reason.DECIMAL_SLIP);
        assertThat(slip.pricingFlagged()).isTrue();
    }

    @Test
    void aDelistedListingRisksNothing() {
        ListingFacts delisted = new ListingFacts(890, 8_900L, 5_000L, null, null, 10, ListingStatus.DELISTED, 8_900L);
        assertThat(judge(delisted).anomalies()).isEmpty();
        assertThat(judge(delisted).moneyAtRiskCents()).isZero();
    }

    @Test
    void theWorstCaseStackTakesEveryStackableCouponOrTheStrongestLoneOne() {
        CouponFacts thirty = new CouponFacts("a", null, 30, true, Long.MAX_VALUE, 0);
        CouponFacts twenty = new CouponFacts("b", 2_000L, null, true, Long.MAX_VALUE, 0);
        CouponFacts alone = new CouponFacts("c", null, 50, false, Long.MAX_VALUE, 0);
        assertThat(Detectors.worstCaseCents(8_900, List.of(thirty, twenty))).isEqualTo(4_230);
        assertThat(Detectors.worstCaseCents(8_900, List.of(thirty, twenty, alone))).isEqualTo(4_230);
        assertThat(Detectors.worstCaseCents(8_900, List.of(alone))).isEqualTo(4_450);
        assertThat(Detectors.worstCaseCents(1_000, List.of(twenty))).isZero();

        Verdict belowCost = Detectors.listing(priced(8_900, 8_900L, 5_000L, null), List.of(thirty, twenty), null);
        assertThat(belowCost.anomalies()).containsExactly(ListingAnomaly.COUPON_STACK);
        assertThat(belowCost.findings().get(0).moneyAtRiskCents()).isEqualTo((8_900 - 4_230) * 10L * 4);
        Verdict belowThirtyPercent = Detectors.listing(priced(8_900, 20_000L, null, null),
                List.of(new CouponFacts("d", null, 80, true, Long.MAX_VALUE, 0)), null);
        assertThat(belowThirtyPercent.anomalies()).contains(ListingAnomaly.COUPON_STACK);
        assertThat(Detectors.listing(priced(8_900, 8_900L, 5_000L, null), List.of(thirty), null).anomalies())
                .isEmpty();
    }

    @Test
    void aCouponPastItsBudgetIsFlaggedOnItsListingsAndFoundOnItself() {
        CouponFacts over = new CouponFacts("a", 100L, null, true, 10_000, 12_000);
        assertThat(Detectors.listing(priced(8_900, null, null, null), List.of(over), null).anomalies())
                .containsExactly(ListingAnomaly.COUPON_BUDGET);
        assertThat(Detectors.couponBudget(10_000, 12_000)).get().extracting(Finding::moneyAtRiskCents).isEqualTo(2_000L);
        assertThat(Detectors.couponBudget(10_000, 10_000)).isEmpty();
    }

    @Test
    void aWeightFiveHundredTimesOffTheCategoryMedianIsTheWrongUnit() {
        double median = 8_900 / 500.0;
        ListingFacts kilograms = new ListingFacts(8_900, null, null, new BigDecimal("500"), WeightUnit.KG, 10,
                ListingStatus.LIVE, null);
        assertThat(Detectors.listing(kilograms, List.of(), median).anomalies()).containsExactly(ListingAnomaly.WEIGHT_UNIT);
        assertThat(Detectors.likelyUnit(8_900, new BigDecimal("500"), WeightUnit.KG, median)).isEqualTo(WeightUnit.G);
        ListingFacts jin = new ListingFacts(8_900, null, null, new BigDecimal("1"), WeightUnit.G, 10,
                ListingStatus.LIVE, null);
        assertThat(Detectors.listing(jin, List.of(), median).anomalies()).containsExactly(ListingAnomaly.WEIGHT_UNIT);
        assertThat(Detectors.likelyUnit(8_900, BigDecimal.ONE, WeightUnit.G, median)).isEqualTo(WeightUnit.JIN);
        ListingFacts twice = new ListingFacts(8_900, null, null, new BigDecimal("1"), WeightUnit.KG, 10,
                ListingStatus.LIVE, null);
        assertThat(Detectors.listing(twice, List.of(), median).anomalies()).isEmpty();
        assertThat(Detectors.listing(kilograms, List.of(), null).anomalies()).as("no median, no verdict").isEmpty();
    }

    @Test
    void cashBelowThePendingDeductionIsFoundUnlessTheDeductionIsPaused() {
        assertThat(Detectors.cash(100, 500, false)).get().extracting(Finding::moneyAtRiskCents).isEqualTo(400L);
        assertThat(Detectors.cash(100, 500, true)).isEmpty();
        assertThat(Detectors.cash(500, 500, false)).isEmpty();
    }

    @Test
    void priorityFollowsTheMoneyAndASlipIsNeverBelowP2() {
        assertThat(Detectors.priority(Reason.BELOW_COST, 1_000_000)).isEqualTo(Priority.P1);
        assertThat(Detectors.priority(Reason.BELOW_COST, 999_999)).isEqualTo(Priority.P2);
        assertThat(Detectors.priority(Reason.BELOW_COST, 10_000)).isEqualTo(Priority.P3);
        assertThat(Detectors.priority(Reason.BELOW_COST, 9_999)).isEqualTo(Priority.P4);
        assertThat(Detectors.priority(Reason.DECIMAL_SLIP, 0)).isEqualTo(Priority.P2);
    }

    @Test
    void moneyAtRiskNeverOverflows() {
        assertThat(Detectors.risk(Long.MAX_VALUE / 2, 1_000_000)).isEqualTo(1_000_000_000_000_000L);
        assertThat(Detectors.addCapped(Long.MAX_VALUE, 5)).isEqualTo(1_000_000_000_000_000L);
        assertThat(Detectors.risk(-5, 10)).isZero();
    }
}
