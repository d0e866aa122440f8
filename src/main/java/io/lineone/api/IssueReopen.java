package io.lineone.api;

/**
 * Body of {@code POST /issues/{id}/reopen} (with {@code If-Match}): a resolved issue back IN_PROGRESS.
 *
 * @param reason why, for the history (required)
 */
public record IssueReopen(String reason) {
}
