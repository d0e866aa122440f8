package io.lineone.api;

/**
 * Body of {@code POST /issues}. {@code source} defaults to MERCHANT, {@code description} to empty and
 * {@code moneyAtRiskCents} to 0.
 */
public record NewIssue(
        String merchantId,
        IssueCategory category,
        IssueSource source,
        Priority priority,
        String title,
        String description,
        String listingId,
        String releaseId,
        Long moneyAtRiskCents) {
}
