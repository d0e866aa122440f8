package io.lineone.testing;

import io.lineone.api.Band;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantMetrics;
import io.lineone.api.Tier;

/** Merchants for tests. */
public final class Merchants {

    private Merchants() {
    }

    public static Merchant merchant(String id, String name, String shop, Tier tier, String region, int score) {
        return new Merchant(id, name, shop, tier, "食品", region, "u-1", null,
                new MerchantMetrics(18.5, 19, 95, 4.82, 0.0035), score, Band.of(score), 0, 0, null, false, 1);
    }
}
