package io.lineone.api;

import java.time.Instant;

/**
 * One step in an issue's history: who did what, when. Items of {@code GET /issues/{id}/history}, oldest first.
 *
 * @param actorId    the user who did it; null for the system
 * @param actorName  their display name, for display
 * @param action     {@code created}, {@code claimed}, {@code status}, {@code note}, {@code rootCause},
 *                   {@code transferred}, {@code priority}, {@code reopened}, {@code duplicate} (this issue resolved
 *                   as a duplicate) or {@code duplicated} (another issue linked to this one as its duplicate)
 * @param fromStatus for {@code status}: the status before
 * @param toStatus   for {@code status} and {@code created}: the status after
 * @param note       the note given with the change, if any
 * @param rootCause  the root-cause tag set by this change, if any
 * @param detail     what a management step changed: for {@code transferred} the new manager's display name, for
 *                   {@code priority} the priorities as {@code P3→P1}, for {@code duplicate} and {@code duplicated} the
 *                   other issue's id; null otherwise
 */
public record IssueHistoryEntry(
        Instant at,
        String actorId,
        String actorName,
        String action,
        IssueStatus fromStatus,
        IssueStatus toStatus,
        String note,
        String rootCause,
        String detail) {

    /** A step that names nothing beyond its status, note and root cause. */
    public IssueHistoryEntry(Instant at, String actorId, String actorName, String action, IssueStatus fromStatus,
                             IssueStatus toStatus, String note, String rootCause) {
        this(at, actorId, actorName, action, fromStatus, toStatus, note, rootCause, null);
    }
}
