package io.lineone.client.queue;

import io.lineone.client.common.Messages;
import java.util.Arrays;

/**
 * The root-cause tags the resolve dialog offers. The tag is what the server stores and the insights group by, so
 * it stays one word in every language; the user sees and picks its label. Any other text is accepted as a tag too.
 */
public enum RootCause {
    DECIMAL_POINT_PRICE("decimal-point-price"),
    COUPON_STACKING("coupon-stacking"),
    WEIGHT_UNIT("weight-unit"),
    RELEASE_REGRESSION("release-regression"),
    INVENTORY_SYNC("inventory-sync"),
    CASH_FLOW("cash-flow"),
    LOGISTICS_DELAY("logistics-delay"),
    RULES_MISUNDERSTOOD("rules-misunderstood"),
    MERCHANT_ERROR("merchant-error"),
    DUPLICATE("duplicate");

    private final String tag;

    RootCause(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public String labelKey() {
        return "rootCause." + name();
    }

    /** How a stored tag reads: a known one by its label, any other as it was typed. */
    public static String label(String tag, Messages messages) {
        return Arrays.stream(values()).filter(cause -> cause.tag.equals(tag)).findFirst()
                .map(cause -> messages.get(cause.labelKey())).orElse(tag);
    }

    /** The tag to store for what the user typed or picked: a known label's tag, or the text itself. */
    public static String tagFor(String shown, Messages messages) {
        return Arrays.stream(values()).filter(cause -> messages.get(cause.labelKey()).equals(shown))
                .map(RootCause::tag).findFirst().orElse(shown);
    }
}
