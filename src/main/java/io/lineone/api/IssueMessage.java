package io.lineone.api;

import java.time.Instant;

/**
 * One message of an issue's conversation with its merchant. Items of {@code GET /issues/{id}/messages} (oldest
 * first) and of {@code GET /outbox}, and the data of {@code issue.message} events — sent again when a reply's
 * delivery state changes, so a client replaces the message it holds with the same id.
 *
 * @param authorName     for an inbound message the merchant's name, else the replying user's display name
 * @param templateId     the saved reply the text started from, if any
 * @param deliveryStatus for a reply: PENDING until the marketplace connector acknowledges it; null for INBOUND
 * @param deliveredAt    when the connector acknowledged it; null until then and for INBOUND
 */
public record IssueMessage(
        String id,
        String issueId,
        String merchantId,
        MessageDirection direction,
        String authorId,
        String authorName,
        String text,
        String templateId,
        Instant at,
        DeliveryStatus deliveryStatus,
        Instant deliveredAt) {
}
