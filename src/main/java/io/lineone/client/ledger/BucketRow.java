package io.lineone.client.ledger;

import io.lineone.api.IssueCategory;
import java.time.Instant;
import java.util.Map;

/** One bucket of the categories table: when it starts, how it reads, its count per category and in all. */
public record BucketRow(Instant start, String label, Map<IssueCategory, Integer> counts, int total) {

    public int count(IssueCategory category) {
        return counts.getOrDefault(category, 0);
    }
}
