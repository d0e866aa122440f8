package io.lineone.api;

import java.time.Instant;

/**
 * An internal note on an issue: for the team (the merchant's manager, supervisors), never sent to the merchant.
 * Items of {@code GET /issues/{id}/notes} (oldest first) and the data of {@code issue.note} events.
 */
public record IssueNote(String id, String issueId, String merchantId, String authorId, String authorName,
                        String text, Instant at) {
}
