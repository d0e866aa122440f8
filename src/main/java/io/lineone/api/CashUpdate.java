package io.lineone.api;

/** Body of {@code PUT /merchants/{id}/cash}: the merchant's balance and pending auto-deduction. */
public record CashUpdate(long balanceCents, long pendingDeductionCents) {
}
