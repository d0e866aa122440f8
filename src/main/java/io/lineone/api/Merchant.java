package io.lineone.api;

/** A merchant in the program, with its lighthouse score already computed by the server. */
public record Merchant(
        String id,
        String name,
        String shopName,
        Tier tier,
        String category,
        String region,
        String assignedManagerId,
        MerchantMetrics metrics,
        int lighthouseScore,
        Band band,
        boolean autoDeductionPaused,
        long version) {
}
