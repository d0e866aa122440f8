package io.lineone.api;

import java.time.Instant;

/**
 * An issue of a merchant, as the API shows it (list, detail and the payload of {@code issue.*} events).
 *
 * @param merchantName      the merchant's name, for display
 * @param assigneeName      the assignee's display name, for display; null when unassigned
 * @param firstResponseAt   when the issue first left NEW; null until then
 * @param firstResponseDueAt SLA: the first response is due by then (created + the priority's target)
 * @param resolutionDueAt   SLA: resolution is due by then — created + the priority's target, moved later by
 *                          every second spent in WAITING_MERCHANT (including a pause still running)
 * @param pauseCount        how many times the issue went to WAITING_MERCHANT
 * @param pausedSeconds     total seconds spent in WAITING_MERCHANT, including a pause still running
 * @param pausedSince       when the running pause began; null unless WAITING_MERCHANT
 * @param version           increases with every change; the {@code ETag} and {@code If-Match} value
 * @param managerId         the manager whose queue holds it: the one it was transferred to, else the merchant's
 *                          manager (null for a merchant nobody manages)
 * @param duplicateOf       the issue this one was resolved as a duplicate of; null otherwise
 */
public record Issue(
        String id,
        String merchantId,
        String merchantName,
        IssueCategory category,
        IssueSource source,
        Priority priority,
        IssueStatus status,
        String title,
        String description,
        String listingId,
        String releaseId,
        String rootCause,
        long moneyAtRiskCents,
        String assigneeId,
        String assigneeName,
        Instant createdAt,
        Instant updatedAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant firstResponseDueAt,
        Instant resolutionDueAt,
        int pauseCount,
        long pausedSeconds,
        Instant pausedSince,
        long version,
        String managerId,
        String duplicateOf) {
}
