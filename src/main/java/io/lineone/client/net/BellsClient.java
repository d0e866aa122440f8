package io.lineone.client.net;

import static io.lineone.client.net.HttpJson.paged;
import static io.lineone.client.net.HttpJson.query;

import io.lineone.api.Bell;
import io.lineone.api.BellMetrics;
import io.lineone.api.BellStatus;
import io.lineone.api.BellStep;
import io.lineone.api.EvidenceAddition;
import io.lineone.api.NewBell;
import io.lineone.api.NewComment;
import io.lineone.api.Page;
import io.lineone.api.Release;
import io.lineone.api.ReleaseAdvance;
import io.lineone.api.ReleaseStage;
import java.util.List;
import okhttp3.Request;

/** {@link BellsApi} over HTTP. */
final class BellsClient implements BellsApi {

    private final HttpJson http;

    BellsClient(HttpJson http) {
        this.http = http;
    }

    @Override
    public Page<Release> releases(ReleaseStage stage, boolean mine, String cursor, Integer limit)
            throws BackendException {
        var url = query(http.path("releases"), "stage", stage);
        query(url, "owner", mine ? MerchantsApi.ASSIGNED_ME : null);
        return http.page(paged(url, cursor, limit), Release.class);
    }

    @Override
    public Release release(String id) throws BackendException {
        return http.get(http.path("releases", id), Release.class);
    }

    @Override
    public Release advanceRelease(String id, ReleaseAdvance advance) throws BackendException {
        return http.post(http.path("releases", id, "advance"), advance, Release.class);
    }

    @Override
    public Page<Bell> bells(BellStatus status, String releaseId, boolean overdueOnly, String cursor, Integer limit)
            throws BackendException {
        var url = query(http.path("bells"), "status", status);
        query(url, "releaseId", releaseId);
        query(url, "overdue", overdueOnly ? "true" : null);
        return http.page(paged(url, cursor, limit), Bell.class);
    }

    @Override
    public Bell bell(String id) throws BackendException {
        return http.get(http.path("bells", id), Bell.class);
    }

    @Override
    public BellMetrics bellMetrics() throws BackendException {
        return http.get(http.path("bells", "metrics"), BellMetrics.class);
    }

    @Override
    public Bell pullBell(String releaseId, NewBell bell, String idempotencyKey) throws BackendException {
        return http.send(new Request.Builder().url(http.path("releases", releaseId, "bells").build())
                .header("Idempotency-Key", idempotencyKey)
                .post(http.jsonBody(bell)), Bell.class);
    }

    @Override
    public Bell stepBell(String id, BellAction action, String text) throws BackendException {
        BellStep body = action == BellAction.OVERRULE ? new BellStep(null, text) : new BellStep(text, null);
        return http.post(http.path("bells", id, action.path()), body, Bell.class);
    }

    @Override
    public Bell commentOnBell(String id, String text) throws BackendException {
        return http.post(http.path("bells", id, "comments"), new NewComment(text), Bell.class);
    }

    @Override
    public Bell addBellEvidence(String id, List<String> issueIds) throws BackendException {
        return http.post(http.path("bells", id, "evidence"), new EvidenceAddition(issueIds), Bell.class);
    }
}
