package io.lineone.client.net;

import static io.lineone.client.net.HttpJson.etag;
import static io.lineone.client.net.HttpJson.paged;
import static io.lineone.client.net.HttpJson.query;

import io.lineone.api.DuplicateLink;
import io.lineone.api.Issue;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueReopen;
import io.lineone.api.IssueTransfer;
import io.lineone.api.ManagerLoad;
import io.lineone.api.NewIssue;
import io.lineone.api.Page;
import io.lineone.api.PriorityChange;
import io.lineone.api.User;
import java.util.List;
import okhttp3.Request;

/** {@link IssuesApi} over HTTP. */
final class IssuesClient implements IssuesApi {

    private final HttpJson http;

    IssuesClient(HttpJson http) {
        this.http = http;
    }

    @Override
    public Page<Issue> issues(IssueQuery query, String cursor, Integer limit) throws BackendException {
        return http.page(paged(query(http.path("issues"), "status", query.status()), cursor, limit), Issue.class);
    }

    @Override
    public Issue issue(String id) throws BackendException {
        return http.get(http.path("issues", id), Issue.class);
    }

    @Override
    public List<IssueHistoryEntry> issueHistory(String id) throws BackendException {
        return http.items(http.path("issues", id, "history"), IssueHistoryEntry.class);
    }

    @Override
    public Issue claimIssue(String id, long version) throws BackendException {
        return http.send(new Request.Builder().url(http.path("issues", id, "claim").build())
                .header("If-Match", etag(version))
                .post(HttpJson.empty()), Issue.class);
    }

    @Override
    public Issue updateIssue(String id, IssuePatch patch, long version) throws BackendException {
        return http.send(new Request.Builder().url(http.path("issues", id).build())
                .header("If-Match", etag(version))
                .patch(http.jsonBody(patch)), Issue.class);
    }

    @Override
    public Issue createIssue(NewIssue issue) throws BackendException {
        return http.post(http.path("issues"), issue, Issue.class);
    }

    @Override
    public Issue transferIssue(String id, IssueTransfer transfer, long version) throws BackendException {
        return step(id, "transfer", transfer, version);
    }

    @Override
    public Issue changeIssuePriority(String id, PriorityChange change, long version) throws BackendException {
        return step(id, "priority", change, version);
    }

    @Override
    public Issue reopenIssue(String id, IssueReopen reopen, long version) throws BackendException {
        return step(id, "reopen", reopen, version);
    }

    @Override
    public Issue markDuplicate(String id, DuplicateLink link, long version) throws BackendException {
        return step(id, "duplicate", link, version);
    }

    private Issue step(String id, String step, Object body, long version) throws BackendException {
        return http.send(new Request.Builder().url(http.path("issues", id, step).build())
                .header("If-Match", etag(version))
                .post(http.jsonBody(body)), Issue.class);
    }

    @Override
    public List<User> managers() throws BackendException {
        return http.items(http.path("team", "managers"), User.class);
    }

    @Override
    public List<ManagerLoad> teamLoad() throws BackendException {
        return http.items(http.path("team", "load"), ManagerLoad.class);
    }
}
