package io.lineone.server.merchants;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The value each service metric should reach on a merchant's scorecard: a merchant meets a target at or below it
 * (at or above for DSR). Configured beside the weights; the defaults are the program's marks, among them the 19 s
 * after-sale first response of the managed model.
 */
public record LighthouseTargets(double shippingHours, double preSaleResponseSeconds, double afterSaleResponseSeconds,
                                double dsr, double disputeRate) {

    public static final LighthouseTargets DEFAULT = new LighthouseTargets(24, 30, 19, 4.8, 0.005);

    public LighthouseTargets {
        for (double t : new double[] {shippingHours, preSaleResponseSeconds, afterSaleResponseSeconds, dsr, disputeRate}) {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("lighthouse targets must be finite and not negative");
            }
        }
        if (dsr < 1 || dsr > 5 || disputeRate > 1) {
            throw new IllegalArgumentException("the DSR target must be 1 to 5 and the dispute-rate target 0 to 1");
        }
    }

    /**
     * Parses {@code shipping=24,preSale=30,afterSale=19,dsr=4.8,dispute=0.005}; names left out keep their default.
     */
    public static LighthouseTargets parse(String text) {
        Map<String, Double> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.put("shipping", DEFAULT.shippingHours);
        values.put("preSale", DEFAULT.preSaleResponseSeconds);
        values.put("afterSale", DEFAULT.afterSaleResponseSeconds);
        values.put("dsr", DEFAULT.dsr);
        values.put("dispute", DEFAULT.disputeRate);
        for (String pair : text.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2 || !values.containsKey(kv[0].strip())) {
                throw new IllegalArgumentException("expected name=target with a name among "
                        + String.join(", ", values.keySet()) + ", got '" + pair.strip() + "'");
            }
            try {
                values.put(kv[0].strip(), Double.parseDouble(kv[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + kv[1].strip() + "' is not a number", e);
            }
        }
        return new LighthouseTargets(values.get("shipping"), values.get("preSale"), values.get("afterSale"),
                values.get("dsr"), values.get("dispute"));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "shipping=%s,preSale=%s,afterSale=%s,dsr=%s,dispute=%s",
                shippingHours, preSaleResponseSeconds, afterSaleResponseSeconds, dsr, disputeRate);
    }
}
