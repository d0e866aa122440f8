package io.lineone.client.net;

import static io.lineone.client.net.HttpJson.query;

import io.lineone.api.CategoryInsights;
import io.lineone.api.FirstResponseInsights;
import io.lineone.api.IssueCluster;
import io.lineone.api.Page;
import io.lineone.api.SuggestedBell;
import java.time.Instant;

/** {@link InsightsApi} over HTTP. */
final class InsightsClient implements InsightsApi {

    private final HttpJson http;

    InsightsClient(HttpJson http) {
        this.http = http;
    }

    @Override
    public CategoryInsights categories(Instant from, Instant to, Bucket bucket) throws BackendException {
        var url = query(query(http.path("insights", "categories"), "from", from), "to", to);
        return http.get(query(url, "bucket", bucket == null ? null : bucket.wire()), CategoryInsights.class);
    }

    @Override
    public FirstResponseInsights firstResponse(Instant from, Instant to) throws BackendException {
        var url = query(query(http.path("insights", "first-response"), "from", from), "to", to);
        return http.get(url, FirstResponseInsights.class);
    }

    @Override
    public Page<IssueCluster> clusters(Instant from, Instant to, Integer limit) throws BackendException {
        var url = query(query(http.path("insights", "clusters"), "from", from), "to", to);
        return http.page(query(url, "limit", limit), IssueCluster.class);
    }

    @Override
    public Page<SuggestedBell> suggestedBells() throws BackendException {
        return http.page(http.path("insights", "suggested-bells"), SuggestedBell.class);
    }
}
