package io.lineone.client.net;

import static io.lineone.client.net.HttpJson.paged;
import static io.lineone.client.net.HttpJson.query;

import io.lineone.api.AssigneeChange;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantFacets;
import io.lineone.api.Page;
import io.lineone.api.Scorecard;
import io.lineone.api.Tier;
import io.lineone.api.TimelineEntry;
import okhttp3.Request;

/** {@link MerchantsApi} over HTTP. */
final class MerchantsClient implements MerchantsApi {

    private final HttpJson http;

    MerchantsClient(HttpJson http) {
        this.http = http;
    }

    @Override
    public Page<Merchant> merchants(String assigned, String q, Tier tier, String cursor, Integer limit)
            throws BackendException {
        var url = http.path("merchants");
        query(url, "assigned", assigned);
        query(url, "q", q);
        query(url, "tier", tier);
        return http.page(paged(url, cursor, limit), Merchant.class);
    }

    @Override
    public Merchant merchant(String id) throws BackendException {
        return http.get(http.path("merchants", id), Merchant.class);
    }

    @Override
    public MerchantFacets facets(String assigned) throws BackendException {
        return http.get(query(http.path("merchants", "facets"), "assigned", assigned), MerchantFacets.class);
    }

    @Override
    public Scorecard scorecard(String merchantId) throws BackendException {
        return http.get(http.path("merchants", merchantId, "scorecard"), Scorecard.class);
    }

    @Override
    public Page<TimelineEntry> timeline(String merchantId, String cursor, Integer limit) throws BackendException {
        return http.page(paged(http.path("merchants", merchantId, "timeline"), cursor, limit), TimelineEntry.class);
    }

    @Override
    public Merchant reassign(String merchantId, String managerId) throws BackendException {
        return http.send(new Request.Builder().url(http.path("merchants", merchantId, "assignee").build())
                .put(http.jsonBody(new AssigneeChange(managerId))), Merchant.class);
    }
}
