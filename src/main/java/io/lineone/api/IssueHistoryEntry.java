package io.lineone.api;

import java.time.Instant;

/**
 * One step in an issue's history: who did what, when. Items of {@code GET /issues/{id}/history}, oldest first.
 *
 * @param actorId    the user who did it; null for the system
 * @param actorName  their display name, for display
 * @param action     {@code created}, {@code claimed}, {@code status}, {@code note} or {@code rootCause}
 * @param fromStatus for {@code status}: the status before
 * @param toStatus   for {@code status} and {@code created}: the status after
 * @param note       the note given with the change, if any
 * @param rootCause  the root-cause tag set by this change, if any
 */
public record IssueHistoryEntry(
        Instant at,
        String actorId,
        String actorName,
        String action,
        IssueStatus fromStatus,
        IssueStatus toStatus,
        String note,
        String rootCause) {
}
