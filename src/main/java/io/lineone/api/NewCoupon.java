package io.lineone.api;

import java.util.List;

/** Body of {@code POST /merchants/{id}/coupons}; exactly one of {@code discountCents} and {@code percentOff}. */
public record NewCoupon(
        List<String> listingIds,
        Long discountCents,
        Integer percentOff,
        boolean stackable,
        long budgetCents,
        Long spentCents,
        Boolean active) {
}
