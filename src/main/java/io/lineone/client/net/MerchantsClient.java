package io.lineone.client.net;

import static io.lineone.client.net.HttpJson.paged;
import static io.lineone.client.net.HttpJson.query;

import io.lineone.api.Merchant;
import io.lineone.api.Page;
import io.lineone.api.Tier;

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
}
