package io.lineone.api;

import java.util.List;

/**
 * A merchant's coupon: either {@code discountCents} off or {@code percentOff} percent off.
 *
 * @param listingIds the listings it applies to; empty means every listing of the shop
 * @param stackable  whether it combines with other coupons on the same listing
 */
public record Coupon(
        String id,
        String merchantId,
        List<String> listingIds,
        Long discountCents,
        Integer percentOff,
        boolean stackable,
        long budgetCents,
        long spentCents,
        boolean active,
        long version) {
}
