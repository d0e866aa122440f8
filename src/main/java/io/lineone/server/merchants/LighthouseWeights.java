package io.lineone.server.merchants;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much each service metric counts towards a merchant's lighthouse score. Weights need not sum to one:
 * they are normalised.
 */
public record LighthouseWeights(double shipping, double preSale, double afterSale, double dsr, double dispute) {

    public static final LighthouseWeights DEFAULT = new LighthouseWeights(0.20, 0.15, 0.25, 0.25, 0.15);

    public LighthouseWeights {
        double[] all = {shipping, preSale, afterSale, dsr, dispute};
        double sum = 0;
        for (double w : all) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("lighthouse weights must be finite and not negative");
            }
            sum += w;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("at least one lighthouse weight must be above zero");
        }
    }

    /**
     * Parses {@code shipping=0.2,preSale=0.15,afterSale=0.25,dsr=0.25,dispute=0.15}; names left out keep
     * their default.
     */
    public static LighthouseWeights parse(String text) {
        Map<String, Double> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.put("shipping", DEFAULT.shipping);
        values.put("preSale", DEFAULT.preSale);
        values.put("afterSale", DEFAULT.afterSale);
        values.put("dsr", DEFAULT.dsr);
        values.put("dispute", DEFAULT.dispute);
        for (String pair : text.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2 || !values.containsKey(kv[0].strip())) {
                throw new IllegalArgumentException("expected name=weight with a name among "
                        + String.join(", ", values.keySet()) + ", got '" + pair.strip() + "'");
            }
            try {
                values.put(kv[0].strip(), Double.parseDouble(kv[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + kv[1].strip() + "' is not a number", e);
            }
        }
        return new LighthouseWeights(values.get("shipping"), values.get("preSale"), values.get("afterSale"),
                values.get("dsr"), values.get("dispute"));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "shipping=%s,preSale=%s,afterSale=%s,dsr=%s,dispute=%s",
                shipping, preSale, afterSale, dsr, dispute);
    }
}
