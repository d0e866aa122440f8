package io.lineone.api;

/**
 * Body of {@code POST /issues/{id}/transfer} (with {@code If-Match}): hands the issue to another manager's queue,
 * as its assignee.
 *
 * @param managerId the manager who takes it over (a MANAGER)
 * @param note      why, for the history and the new manager (required)
 */
public record IssueTransfer(String managerId, String note) {
}
