package io.lineone.api;

/** Body of {@code PUT /merchants/{id}/assignee}. */
public record AssigneeChange(String managerId) {
}
