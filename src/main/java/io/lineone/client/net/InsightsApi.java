package io.lineone.client.net;

import io.lineone.api.CategoryInsights;
import io.lineone.api.FirstResponseInsights;
import io.lineone.api.IssueCluster;
import io.lineone.api.Page;
import io.lineone.api.SuggestedBell;
import java.time.Instant;
import java.util.Locale;

/**
 * What the insights routes tell a signed-in user: over a manager's own book, or over everyone's for a supervisor
 * or an admin (the server decides). A window is at most 92 days.
 */
public interface InsightsApi {

    /** How issues are counted over time. */
    enum Bucket {
        DAY, HOUR;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Issues by category in every bucket of the window (zeros kept), and the top root causes. */
    CategoryInsights categories(Instant from, Instant to, Bucket bucket) throws BackendException;

    /** How long issues waited for their first response, against the 19 s mark. */
    FirstResponseInsights firstResponse(Instant from, Instant to) throws BackendException;

    /** Issues of at least three merchants sharing a root cause or a release, most merchants and money first. */
    Page<IssueCluster> clusters(Instant from, Instant to, Integer limit) throws BackendException;

    /** Releases after whose rollout their product area's issues rose well above the baseline, with no open bell. */
    Page<SuggestedBell> suggestedBells() throws BackendException;
}
