package io.lineone.api;

/**
 * Body of {@code PATCH /issues/{id}} (sent with {@code If-Match}): any of a status move, a note for the
 * history, a root-cause tag and the release the issue is about. Moving to RESOLVED needs a root cause, here or
 * already on the issue.
 *
 * @param releaseId the release that caused it; an empty string unlinks it, null leaves it as it is
 */
public record IssuePatch(IssueStatus status, String note, String rootCause, String releaseId) {

    /** A status move, a note and/or a root cause, leaving the issue's release as it is. */
    public IssuePatch(IssueStatus status, String note, String rootCause) {
        this(status, note, rootCause, null);
    }
}
