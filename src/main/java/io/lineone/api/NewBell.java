package io.lineone.api;

import java.util.List;

/** Body of {@code POST /releases/{id}/bells}: why (at least 20 characters), how hard, and the issues that show it. */
public record NewBell(String reason, BellSeverity severity, List<String> evidenceIssueIds) {
}
