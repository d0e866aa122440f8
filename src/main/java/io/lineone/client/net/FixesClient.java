package io.lineone.client.net;

import static io.lineone.client.net.HttpJson.paged;
import static io.lineone.client.net.HttpJson.query;

import io.lineone.api.Fix;
import io.lineone.api.FixOption;
import io.lineone.api.FixPreview;
import io.lineone.api.FixRequest;
import io.lineone.api.Ledger;
import io.lineone.api.NewFix;
import io.lineone.api.Page;
import java.time.Instant;
import java.util.List;
import okhttp3.Request;

/** {@link FixesApi} over HTTP. */
final class FixesClient implements FixesApi {

    private final HttpJson http;

    FixesClient(HttpJson http) {
        this.http = http;
    }

    @Override
    public List<FixOption> fixOptions(String issueId, String listingId) throws BackendException {
        var url = query(http.path("fixes", "options"), "issueId", issueId);
        return http.items(query(url, "listingId", listingId), FixOption.class);
    }

    @Override
    public FixPreview previewFix(FixRequest request) throws BackendException {
        return http.post(http.path("fixes", "preview"), request, FixPreview.class);
    }

    @Override
    public Fix applyFix(NewFix fix, String idempotencyKey) throws BackendException {
        return http.send(new Request.Builder().url(http.path("fixes").build())
                .header("Idempotency-Key", idempotencyKey)
                .post(http.jsonBody(fix)), Fix.class);
    }

    @Override
    public Fix undoFix(String id) throws BackendException {
        return http.send(new Request.Builder().url(http.path("fixes", id, "undo").build()).post(HttpJson.empty()),
                Fix.class);
    }

    @Override
    public Page<Fix> fixes(String merchantId, String issueId, String cursor, Integer limit) throws BackendException {
        var url = query(http.path("fixes"), "merchantId", merchantId);
        return http.page(paged(query(url, "issueId", issueId), cursor, limit), Fix.class);
    }

    @Override
    public Fix fix(String id) throws BackendException {
        return http.get(http.path("fixes", id), Fix.class);
    }

    @Override
    public Ledger ledger(Instant from, Instant to, LedgerGroup groupBy) throws BackendException {
        var url = query(http.path("ledger"), "from", from);
        query(url, "to", to);
        return http.get(query(url, "groupBy", groupBy == null ? null : groupBy.wire()), Ledger.class);
    }
}
