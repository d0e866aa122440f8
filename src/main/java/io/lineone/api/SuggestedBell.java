package io.lineone.api;

import java.time.Instant;
import java.util.List;

/**
 * A release whose rollout was followed by a rise of its product area's issues among the merchants it reached: a
 * bell worth pulling ({@code POST /releases/{id}/bells} with the evidence).
 *
 * @param baselinePerHour  the area's issues per hour among those merchants before {@code rolloutStartedAt}
 * @param afterPerHour     the same since then
 * @param evidenceIssueIds up to 20 of the issues after the start, the costliest first
 */
public record SuggestedBell(String releaseId, String releaseName, String productArea, Instant rolloutStartedAt,
                            int issuesAfter, double baselinePerHour, double afterPerHour, double ratio, int merchants,
                            long moneyAtRiskCents, List<String> evidenceIssueIds) {
}
