package io.lineone.api;

/**
 * One metric of a scorecard.
 *
 * @param key    shippingHours, preSaleResponseSeconds, afterSaleResponseSeconds, dsr or disputeRate
 * @param weight the metric's share of the score, normalised so the weights sum to one
 * @param points the metric's own score, 0–100, before weighting
 */
public record ScorecardMetric(String key, double value, double target, boolean lowerIsBetter, boolean meetsTarget,
                              double weight, int points) {
}
