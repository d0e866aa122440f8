package io.lineone.server.merchants;

import io.lineone.api.MerchantMetrics;

/**
 * The lighthouse score: each metric mapped to 0–100 between a "best" and a "worst" value, then weighted.
 * The anchors follow the program's own marks, e.g. the 19 s after-sale first response of the managed model.
 */
public final class Lighthouse {

    private final LighthouseWeights weights;

    public Lighthouse(LighthouseWeights weights) {
        this.weights = weights;
    }

    public int score(MerchantMetrics m) {
        double total = weights.shipping() + weights.preSale() + weights.afterSale() + weights.dsr() + weights.dispute();
        double weighted = weights.shipping() * lowerIsBetter(m.shippingHours(), 12, 72)
                + weights.preSale() * lowerIsBetter(m.preSaleResponseSeconds(), 10, 120)
                + weights.afterSale() * lowerIsBetter(m.afterSaleResponseSeconds(), 19, 300)
                + weights.dsr() * higherIsBetter(m.dsr(), 4.9, 4.0)
                + weights.dispute() * lowerIsBetter(m.disputeRate(), 0.001, 0.02);
        return (int) Math.round(weighted / total);
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
