package io.lineone.api;

import java.math.BigDecimal;

/** Body of {@code PATCH /listings/{id}}: the fields the feed changes; a null field stays as it is. */
public record ListingPatch(
        Long priceCents,
        Long referencePriceCents,
        Long costCents,
        BigDecimal weightValue,
        WeightUnit weightUnit,
        Double unitsPerHour,
        ListingStatus status,
        String title) {
}
