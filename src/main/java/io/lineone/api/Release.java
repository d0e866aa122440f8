package io.lineone.api;

import java.time.Instant;
import java.util.List;

/**
 * A product release bells can stop.
 *
 * @param version      the product's version string, such as {@code 3.2.0}
 * @param ownerName    the owner's display name, for display
 * @param gate         BLOCKED while any bell of the release still blocks
 * @param blockingBells how many of its bells block now
 * @param startedAt    when the rollout began; null while PLANNED
 * @param bells        its bells, newest first — only in {@code GET /releases/{id}}, null in lists
 * @param linkedIssues the issues that name this release and the caller may see, newest first — only in
 *                     {@code GET /releases/{id}}, null in lists
 */
public record Release(
        String id,
        String productArea,
        String name,
        String version,
        String ownerId,
        String ownerName,
        ReleaseStage stage,
        int exposurePercent,
        Gate gate,
        int blockingBells,
        Instant startedAt,
        Instant createdAt,
        Instant updatedAt,
        List<Bell> bells,
        List<Issue> linkedIssues) {
}
