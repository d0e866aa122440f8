package io.lineone.api;

import java.util.List;

/**
 * A merchant's lighthouse scorecard: each metric against its target, and the score's history (oldest first, at
 * most 90 points). {@code score}, {@code band} null and {@code metrics} empty while not scored yet.
 */
public record Scorecard(String merchantId, Integer score, Band band, List<ScorecardMetric> metrics,
                        List<ScorePoint> history) {
}
