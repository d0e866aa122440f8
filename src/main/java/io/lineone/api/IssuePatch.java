package io.lineone.api;

/**
 * Body of {@code PATCH /issues/{id}} (sent with {@code If-Match}): any of a status move, a note for the
 * history and a root-cause tag. Moving to RESOLVED needs a root cause, here or already on the issue.
 */
public record IssuePatch(IssueStatus status, String note, String rootCause) {
}
