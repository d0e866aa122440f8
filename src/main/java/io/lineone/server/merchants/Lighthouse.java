package io.lineone.server.merchants;

import io.lineone.api.MerchantMetrics;
import io.lineone.api.ScorecardMetric;
import java.util.List;

/**
 * The lighthouse score: each metric mapped to 0–100 between a "best" and a "worst" value, then weighted.
 * The anchors follow the program's own marks, e.g. the 19 s after-sale first response of the managed model.
 * The scorecard shows each metric's points beside its target ({@link LighthouseTargets}).
 */
public final class Lighthouse {

    private final LighthouseWeights weights;
    private final LighthouseTargets targets;

    public Lighthouse(LighthouseWeights weights) {
        this(weights, LighthouseTargets.DEFAULT);
    }

    public Lighthouse(LighthouseWeights weights, LighthouseTargets targets) {
        this.weights = weights;
        this.targets = targets;
    }

    public int score(MerchantMetrics m) {
        double total = total();
        double weighted = weights.shipping() * shipping(m) + weights.preSale() * preSale(m)
                + weights.afterSale() * afterSale(m) + weights.dsr() * dsr(m) + weights.dispute() * dispute(m);
        return (int) Math.round(weighted / total);
    }

    /** Each metric against its target, with its normalised weight and its own points, in the scorecard's order. */
    public List<ScorecardMetric> scorecard(MerchantMetrics m) {
        double total = total();
        return List.of(
                metric("shippingHours", m.shippingHours(), targets.shippingHours(), true, weights.shipping() / total,
                        shipping(m)),
                metric("preSaleResponseSeconds", m.preSaleResponseSeconds(), targets.preSaleResponseSeconds(), true,
                        weights.preSale() / total, preSale(m)),
                metric("afterSaleResponseSeconds", m.afterSaleResponseSeconds(), targets.afterSaleResponseSeconds(),
                        true, weights.afterSale() / total, afterSale(m)),
                metric("dsr", m.dsr(), targets.dsr(), false, weights.dsr() / total, dsr(m)),
                metric("disputeRate", m.disputeRate(), targets.disputeRate(), true, weights.dispute() / total,
                        dispute(m)));
    }

    private static ScorecardMetric metric(String key, double value, double target, boolean lowerIsBetter,
                                          double weight, double points) {
        boolean meets = lowerIsBetter ? value <= target : value >= target;
        return new ScorecardMetric(key, value, target, lowerIsBetter, meets, weight, (int) Math.round(points));
    }

    private double total() {
        return weights.shipping() + weights.preSale() + weights.afterSale() + weights.dsr() + weights.dispute();
    }

    private static double shipping(MerchantMetrics m) {
        return lowerIsBetter(m.shippingHours(), 12, 72);
    }

    private static double preSale(MerchantMetrics m) {
        return lowerIsBetter(m.preSaleResponseSeconds(), 10, 120);
    }

    private static double afterSale(MerchantMetrics m) {
        return lowerIsBetter(m.afterSaleResponseSeconds(), 19, 300);
    }

    private static double dsr(MerchantMetrics m) {
        return higherIsBetter(m.dsr(), 4.9, 4.0);
    }

    private static double dispute(MerchantMetrics m) {
        return lowerIsBetter(m.disputeRate(), 0.001, 0.02);
    }

    private static double lowerIsBetter(double value, double best, double worst) {
        return clamp((worst - value) / (worst - best));
    }

    private static double higherIsBetter(double value, double best, double worst) {
        return clamp((value - worst) / (best - worst));
    }

    private static double clamp(double share) {
        return 100 * Math.max(0, Math.min(1, share));
    }
}
