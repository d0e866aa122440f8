package io.lineone.api;

import java.time.Instant;
import java.util.List;

/**
 * Issues of several merchants (at least three) sharing a root cause or a release within a window.
 *
 * @param key       stable for the same cluster: {@code rootCause:<tag>} or {@code release:<id>}
 * @param category  the commonest category among its issues
 * @param issueIds  up to 50 of its issues, newest first
 */
public record IssueCluster(String key, ClusterKind kind, String rootCause, String releaseId, String releaseName,
                           IssueCategory category, int merchants, int issues, long moneyAtRiskCents, Instant firstAt,
                           Instant lastAt, List<String> issueIds) {
}
