package io.lineone.testing;

import io.lineone.api.MerchantMetrics;

/** Service metrics that land on a chosen lighthouse score under the default weights. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * Every metric the same share of the way from its worst to its best anchor, so the score is
     * {@code share × 100}: 0.9 is GREEN, 0.75 BLUE, 0.6 AMBER, 0.2 RED.
     */
    public static MerchantMetrics at(double share) {
        return new MerchantMetrics(
                72 - share * 60,
                120 - share * 110,
                300 - share * 281,
                4.0 + share * 0.9,
                0.02 - share * 0.019);
    }
}
