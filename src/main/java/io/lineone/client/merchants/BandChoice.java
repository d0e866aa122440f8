package io.lineone.client.merchants;

import io.lineone.api.Band;
import io.lineone.api.Merchant;
import java.util.Locale;

/** The band filter's choices: every merchant, one colour band, or those not scored yet. */
public enum BandChoice {
    ALL,
    GREEN,
    BLUE,
    AMBER,
    RED,
    NOT_SCORED;

    boolean accepts(Merchant merchant) {
        return switch (this) {
            case ALL -> true;
            case NOT_SCORED -> merchant.lighthouseScore() == null;
            default -> merchant.lighthouseScore() != null && bandOf(merchant) == Band.valueOf(name());
        };
    }

    /** The merchant's band; null while it is not scored. */
    static Band bandOf(Merchant merchant) {
        if (merchant.lighthouseScore() == null) {
            return null;
        }
        return merchant.band() != null ? merchant.band() : Band.of(merchant.lighthouseScore());
    }

    public String labelKey() {
        return "merchants.band." + name().toLowerCase(Locale.ROOT);
    }
}
