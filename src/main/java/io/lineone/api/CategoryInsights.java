package io.lineone.api;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /insights/categories}: issues opened in [from, to) by category per bucket ({@code day} or {@code hour}),
 * every bucket of the window present, and the top 20 root causes of those issues.
 */
public record CategoryInsights(Instant from, Instant to, String bucket, List<CategoryBucket> buckets,
                               List<RootCauseCount> rootCauses) {
}
