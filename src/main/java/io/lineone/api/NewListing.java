package io.lineone.api;

import java.math.BigDecimal;

/** Body of {@code POST /merchants/{id}/listings}: the feed's new listing (category defaults to the merchant's). */
public record NewListing(
        String title,
        String category,
        long priceCents,
        Long referencePriceCents,
        Long costCents,
        BigDecimal weightValue,
        WeightUnit weightUnit,
        Double unitsPerHour) {
}
