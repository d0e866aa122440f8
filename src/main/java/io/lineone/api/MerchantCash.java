package io.lineone.api;

import java.time.Instant;

/**
 * A merchant's cash as the feed last sent it.
 *
 * @param pendingDeductionCents what the platform will deduct automatically next
 * @param shortOfCash           the balance is below the pending deduction (and the deduction is not paused)
 */
public record MerchantCash(
        String merchantId,
        long balanceCents,
        long pendingDeductionCents,
        boolean autoDeductionPaused,
        boolean shortOfCash,
        Instant updatedAt,
        long version) {
}
