package io.lineone.api;

/** How many issues of a window were tagged with one root cause (within one category). */
public record RootCauseCount(String rootCause, IssueCategory category, int count) {
}
