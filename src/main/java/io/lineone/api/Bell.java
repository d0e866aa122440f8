package io.lineone.api;

import java.time.Instant;
import java.util.List;

/**
 * A bell (拉铃) pulled on a release.
 *
 * @param evidenceIssueIds   the issues offered as evidence, in the order they were added
 * @param impactedMerchants  distinct merchants of the evidence issues, counted when read
 * @param moneyAtRiskCents   the evidence issues' money at risk, summed when read
 * @param acknowledgeDueAt   the owner must acknowledge by then (pulled or reopened + the severity's target)
 * @param overdue            OPEN past {@code acknowledgeDueAt}: raised to every supervisor
 * @param justification      a supervisor's reason for overruling; null otherwise
 * @param version            increases with every change
 */
public record Bell(
        String id,
        String releaseId,
        String releaseName,
        String pulledBy,
        String pulledByName,
        String reason,
        BellSeverity severity,
        BellStatus status,
        List<String> evidenceIssueIds,
        int impactedMerchants,
        long moneyAtRiskCents,
        String justification,
        List<BellComment> comments,
        Instant createdAt,
        Instant updatedAt,
        Instant acknowledgeDueAt,
        Instant acknowledgedAt,
        Instant fixedAt,
        Instant closedAt,
        boolean overdue,
        long version) {
}
