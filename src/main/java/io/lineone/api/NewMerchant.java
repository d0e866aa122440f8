package io.lineone.api;

/** Body of {@code POST /merchants}. */
public record NewMerchant(
        String name,
        String shopName,
        Tier tier,
        String category,
        String region,
        String assignedManagerId,
        MerchantMetrics metrics) {
}
