package io.lineone.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A merchant's listing as the marketplace feed last sent it, with what the detectors see in it now.
 *
 * @param referencePriceCents the market's reference price (e.g. the 30-day median); null when unknown
 * @param costCents           the merchant's cost; null when unknown
 * @param unitsPerHour        sales velocity, for the money-at-risk estimate
 * @param lastGoodPriceCents  the last price no detector flagged; null when no price was ever good
 * @param anomalies           what the detectors flag now; empty when none
 * @param openIssueIds        the open issues about this listing
 * @param version             increases with every change; the {@code ETag} and {@code If-Match} value
 */
public record Listing(
        String id,
        String merchantId,
        String title,
        String category,
        long priceCents,
        Long referencePriceCents,
        Long costCents,
        BigDecimal weightValue,
        WeightUnit weightUnit,
        double unitsPerHour,
        ListingStatus status,
        Long lastGoodPriceCents,
        List<ListingAnomaly> anomalies,
        List<String> openIssueIds,
        Instant updatedAt,
        long version) {
}
