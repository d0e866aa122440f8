package io.lineone.api;

import java.time.Instant;
import java.util.Map;

/** Issues opened in one bucket (a day or an hour from {@code start}) by category; every category present, zeros kept. */
public record CategoryBucket(Instant start, Map<IssueCategory, Integer> counts) {
}
