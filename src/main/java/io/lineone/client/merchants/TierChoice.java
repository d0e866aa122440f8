package io.lineone.client.merchants;

import io.lineone.api.Tier;
import java.util.Locale;

/** The tier filter's choices: every tier, or one. */
public enum TierChoice {
    ALL(null),
    KA(Tier.KA),
    SME(Tier.SME);

    private final Tier tier;

    TierChoice(Tier tier) {
        this.tier = tier;
    }

    /** The tier to keep, or null for all. */
    public Tier tier() {
        return tier;
    }

    public String labelKey() {
        return "merchants.tier." + name().toLowerCase(Locale.ROOT);
    }
}
