package io.lineone.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Locale;

/** The unit a listing's weight is typed in; JSON {@code "g"}, {@code "kg"} or {@code "jin"} (斤, 500 g). */
public enum WeightUnit {
    G("g", new BigDecimal("1")),
    KG("kg", new BigDecimal("1000")),
    JIN("jin", new BigDecimal("500"));

    private final String wire;
    private final BigDecimal grams;

    WeightUnit(String wire, BigDecimal grams) {
        this.wire = wire;
        this.grams = grams;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** Grams in one of this unit. */
    public BigDecimal grams() {
        return grams;
    }

    /** Reads {@code g}, {@code kg} or {@code jin} in any case; anything else is an error naming the field. */
    @JsonCreator
    public static WeightUnit fromWire(String text) {
        if (text != null) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (WeightUnit unit : values()) {
                if (unit.wire.equals(lower)) {
                    return unit;
                }
            }
        }
        throw new IllegalArgumentException("must be one of g, kg, jin");
    }
}
