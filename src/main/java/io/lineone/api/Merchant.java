package io.lineone.api;

import java.time.Instant;

/**
 * A merchant in the program, with its lighthouse score already computed by the server.
 *
 * @param assignedManagerName the assigned manager's display name; null with no manager
 * @param metrics             null while the merchant has no service history yet (it just joined the program)
 * @param lighthouseScore     0–100; null while not scored yet (no metrics)
 * @param band                the score's colour band; null with the score
 * @param openIssues          its issues not resolved yet
 * @param moneyAtRiskCents    the money at risk summed over its open issues
 * @param lastContactAt       the last message either way, or issue step by the team; null: never
 */
public record Merchant(
        String id,
        String name,
        String shopName,
        Tier tier,
        String category,
        String region,
        String assignedManagerId,
        String assignedManagerName,
        MerchantMetrics metrics,
        Integer lighthouseScore,
        Band band,
        int openIssues,
        long moneyAtRiskCents,
        Instant lastContactAt,
        boolean autoDeductionPaused,
        long version) {

    /** Whether the merchant has a score yet. */
    public boolean scored() {
        return lighthouseScore != null;
    }
}
