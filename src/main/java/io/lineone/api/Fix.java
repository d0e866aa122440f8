package io.lineone.api;

import java.time.Instant;
import java.util.Map;

/**
 * A one-click fix that was applied, and perhaps undone.
 *
 * @param targetTitle    the listing's title, or the merchant's name for a merchant-level fix
 * @param undoableUntil  the fix may be undone until then (24 h after it was applied)
 */
public record Fix(
        String id,
        FixKind kind,
        String targetId,
        String targetTitle,
        String merchantId,
        String merchantName,
        String issueId,
        String requestedBy,
        String requestedByName,
        Map<String, Object> before,
        Map<String, Object> after,
        long lossAvertedCents,
        FixStatus status,
        Instant appliedAt,
        Instant undoneAt,
        Instant undoableUntil,
        long version) {
}
