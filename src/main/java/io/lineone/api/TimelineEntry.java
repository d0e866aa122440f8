package io.lineone.api;

import java.time.Instant;

/**
 * One entry of a merchant's timeline ({@code GET /merchants/{id}/timeline}), newest first.
 *
 * @param actorName who did it; null for the system or the marketplace feed
 * @param refId     the issue, fix or bell it is about; null for a reassignment or a score change
 */
public record TimelineEntry(String id, TimelineKind kind, Instant at, String title, String actorName, String refId) {
}
