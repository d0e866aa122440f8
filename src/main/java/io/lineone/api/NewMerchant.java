package io.lineone.api;

/** Body of {@code POST /merchants}; {@code metrics} is null for a merchant joining the program with no history yet. */
public record NewMerchant(
        String name,
        String shopName,
        Tier tier,
        String category,
        String region,
        String assignedManagerId,
        MerchantMetrics metrics) {
}
