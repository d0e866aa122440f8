package io.lineone.api;

/** Body of {@code PATCH /coupons/{id}}: activate, deactivate, change stacking, spend or budget; null = unchanged. */
public record CouponPatch(Boolean active, Boolean stackable, Long spentCents, Long budgetCents) {
}
