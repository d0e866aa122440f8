package io.lineone.api;

/**
 * Body of {@code POST /issues/{id}/priority} (with {@code If-Match}): a new priority; both SLA due times are
 * counted again from the creation with the new priority's targets.
 *
 * @param reason why, for the history (required)
 */
public record PriorityChange(Priority priority, String reason) {
}
