package io.lineone.client.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Bell;
import io.lineone.api.BellMetrics;
import io.lineone.api.BellStatus;
import io.lineone.api.BellStep;
import io.lineone.api.DuplicateLink;
import io.lineone.api.EvidenceAddition;
import io.lineone.api.Coupon;
import io.lineone.api.Fix;
import io.lineone.api.FixOption;
import io.lineone.api.FixPreview;
import io.lineone.api.FixRequest;
import io.lineone.api.Ledger;
import io.lineone.api.Listing;
import io.lineone.api.MerchantCash;
import io.lineone.api.NewFix;
import io.lineone.api.PricePoint;
import io.lineone.api.Health;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueReopen;
import io.lineone.api.IssueTransfer;
import io.lineone.api.Json;
import io.lineone.api.ManagerLoad;
import io.lineone.api.Merchant;
import io.lineone.api.NewBell;
import io.lineone.api.NewComment;
import io.lineone.api.NewIssue;
import io.lineone.api.NewMessage;
import io.lineone.api.NewNote;
import io.lineone.api.Page;
import io.lineone.api.PriorityChange;
import io.lineone.api.Problem;
import io.lineone.api.Release;
import io.lineone.api.ReleaseAdvance;
import io.lineone.api.ReleaseStage;
import io.lineone.api.ReplyTemplate;
import io.lineone.api.Session;
import io.lineone.api.SessionRequest;
import io.lineone.api.Tier;
import io.lineone.api.User;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The OkHttp implementation of {@link Backend}. Calls are synchronous; the console runs them
 * off the FX thread. One instance follows one signed-in session at a time.
 */
public final class BackendClient implements Backend {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final ObjectMapper mapper = Json.mapper();
    // Written by sign-in on a worker thread, read by any later call on another.
    private volatile String serverUrl;
    private volatile String token;

    public BackendClient(OkHttpClient http) {
        this.http = http;
    }

    /** A client with timeouts short enough that an unreachable server is reported quickly, in English. */
    public static BackendClient withDefaults() {
        return withDefaults(Locale.ENGLISH);
    }

    /** The same, asking the server to give its reasons in {@code language} where it can. */
    public static BackendClient withDefaults(Locale language) {
        String acceptLanguage = language.toLanguageTag() + (language.getLanguage().equals("en") ? "" : ", en;q=0.5");
        return new BackendClient(new OkHttpClient.Builder()
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Accept-Language", acceptLanguage).build()))
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60))
                .build());
    }

    /** The server the client talks to, in canonical form; empty before the first sign-in. */
    public Optional<String> serverUrl() {
        return Optional.ofNullable(serverUrl);
    }

    @Override
    public Health health() throws BackendException {
        return send(get(api().addPathSegment("health")), Health.class);
    }

    @Override
    public Session signIn(String typedUrl, String login, String password) throws BackendException {
        String normalized = ServerUrl.normalize(typedUrl);
        HttpUrl url = ServerUrl.apiRoot(normalized).newBuilder().addPathSegment("session").build();
        Request request = new Request.Builder().url(url)
                .post(jsonBody(new SessionRequest(login, password)))
                .build();
        Session session = execute(request, normalized, mapper.constructType(Session.class));
        this.serverUrl = normalized;
        this.token = session.token();
        return session;
    }

    @Override
    public void signOut() throws BackendException {
        String revoked = token;
        if (revoked == null) {
            return;
        }
        token = null;
        Request request = new Request.Builder().url(api().addPathSegment("session").build())
                .header("Authorization", "Bearer " + revoked)
                .delete()
                .build();
        execute(request, serverUrl, null);
    }

    @Override
    public User me() throws BackendException {
        return send(get(api().addPathSegment("me")), User.class);
    }

    @Override
    public Page<Merchant> merchants(String assigned, String q, Tier tier, String cursor, Integer limit)
            throws BackendException {
        HttpUrl.Builder url = api().addPathSegment("merchants");
        addIfPresent(url, "assigned", assigned);
        addIfPresent(url, "q", q);
        addIfPresent(url, "tier", tier == null ? null : tier.name());
        addIfPresent(url, "cursor", cursor);
        addIfPresent(url, "limit", limit == null ? null : limit.toString());
        JavaType type = mapper.getTypeFactory().constructParametricType(Page.class, Merchant.class);
        return execute(get(url), serverUrl, type);
    }

    @Override
    public Merchant merchant(String id) throws BackendException {
        return send(get(api().addPathSegment("merchants").addPathSegment(id)), Merchant.class);
    }

    @Override
    public Page<Issue> issues(IssueQuery query, String cursor, Integer limit) throws BackendException {
        HttpUrl.Builder url = api().addPathSegment("issues");
        addIfPresent(url, "status", query.status());
        addIfPresent(url, "cursor", cursor);
        addIfPresent(url, "limit", limit == null ? null : limit.toString());
        JavaType type = mapper.getTypeFactory().constructParametricType(Page.class, Issue.class);
        return execute(get(url), serverUrl, type);
    }

    @Override
    public Issue issue(String id) throws BackendException {
        return send(get(issueUrl(id)), Issue.class);
    }

    @Override
    public List<IssueHistoryEntry> issueHistory(String id) throws BackendException {
        JavaType type = mapper.getTypeFactory().constructParametricType(Page.class, IssueHistoryEntry.class);
        Page<IssueHistoryEntry> page = execute(get(issueUrl(id).addPathSegment("history")), serverUrl, type);
        return page.items();
    }

    @Override
    public Issue claimIssue(String id, long version) throws BackendException {
        Request request = authorized(new Request.Builder().url(issueUrl(id).addPathSegment("claim").build())
                .header("If-Match", etag(version))
                .post(RequestBody.create(new byte[0], JSON)));
        return send(request, Issue.class);
    }

    @Override
    public Issue updateIssue(String id, IssuePatch patch, long version) throws BackendException {
        Request request = authorized(new Request.Builder().url(issueUrl(id).build())
                .header("If-Match", etag(version))
                .patch(jsonBody(patch)));
        return send(request, Issue.class);
    }

    @Override
    public Issue createIssue(NewIssue issue) throws BackendException {
        return send(authorized(new Request.Builder().url(api().addPathSegment("issues").build())
                .post(jsonBody(issue))), Issue.class);
    }

    @Override
    public Issue transferIssue(String id, IssueTransfer transfer, long version) throws BackendException {
        return issueStep(id, "transfer", transfer, version);
    }

    @Override
    public Issue changeIssuePriority(String id, PriorityChange change, long version) throws BackendException {
        return issueStep(id, "priority", change, version);
    }

    @Override
    public Issue reopenIssue(String id, IssueReopen reopen, long version) throws BackendException {
        return issueStep(id, "reopen", reopen, version);
    }

    @Override
    public Issue markDuplicate(String id, DuplicateLink link, long version) throws BackendException {
        return issueStep(id, "duplicate", link, version);
    }

    private Issue issueStep(String id, String step, Object body, long version) throws BackendException {
        return send(authorized(new Request.Builder().url(issueUrl(id).addPathSegment(step).build())
                .header("If-Match", etag(version)).post(jsonBody(body))), Issue.class);
    }

    @Override
    public List<User> managers() throws BackendException {
        Page<User> page = execute(get(api().addPathSegment("team").addPathSegment("managers")), serverUrl,
                pageOf(User.class));
        return page.items();
    }

    @Override
    public List<ManagerLoad> teamLoad() throws BackendException {
        Page<ManagerLoad> page = execute(get(api().addPathSegment("team").addPathSegment("load")), serverUrl,
                pageOf(ManagerLoad.class));
        return page.items();
    }

    @Override
    public Page<Release> releases(ReleaseStage stage, boolean mine, String cursor, Integer limit)
            throws BackendException {
        HttpUrl.Builder url = api().addPathSegment("releases");
        addIfPresent(url, "stage", stage == null ? null : stage.name());
        addIfPresent(url, "owner", mine ? ASSIGNED_ME : null);
        addIfPresent(url, "cursor", cursor);
        addIfPresent(url, "limit", limit == null ? null : limit.toString());
        return execute(get(url), serverUrl, pageOf(Release.class));
    }

    @Override
    public BellMetrics bellMetrics() throws BackendException {
        return send(get(api().addPathSegment("bells").addPathSegment("metrics")), BellMetrics.class);
    }

    @Override
    public Release release(String id) throws BackendException {
        return send(get(api().addPathSegment("releases").addPathSegment(id)), Release.class);
    }

    @Override
    public Release advanceRelease(String id, ReleaseAdvance advance) throws BackendException {
        HttpUrl.Builder url = api().addPathSegment("releases").addPathSegment(id).addPathSegment("advance");
        return send(authorized(new Request.Builder().url(url.build()).post(jsonBody(advance))), Release.class);
    }

    @Override
    public Page<Bell> bells(BellStatus status, String releaseId, boolean overdueOnly, String cursor, Integer limit)
            throws BackendException {
        HttpUrl.Builder url = api().addPathSegment("bells");
        addIfPresent(url, "status", status == null ? null : status.name());
        addIfPresent(url, "releaseId", releaseId);
        addIfPresent(url, "overdue", overdueOnly ? "true" : null);
        addIfPresent(url, "cursor", cursor);
        addIfPresent(url, "limit", limit == null ? null : limit.toString());
        return execute(get(url), serverUrl, pageOf(Bell.class));
    }

    @Override
    public Bell bell(String id) throws BackendException {
        return send(get(bellUrl(id)), Bell.class);
    }

    @Override
    public Bell pullBell(String releaseId, NewBell bell, String idempotencyKey) throws BackendException {
        HttpUrl.Builder url = api().addPathSegment("releases").addPathSegment(releaseId).addPathSegment("bells");
        return send(authorized(new Request.Builder().url(url.build())
                .header("Idempotency-Key", idempotencyKey)
                .post(jsonBody(bell))), Bell.class);
    }

    @Override
    public Bell stepBell(String id, BellAction action, String text) throws BackendException {
        BellStep body = action == BellAction.OVERRULE ? new BellStep(null, text) : new BellStep(text, null);
        return postToBell(id, action.path(), body);
    }

    @Override
    public Bell commentOnBell(String id, String text) throws BackendException {
        return postToBell(id, "comments", new NewComment(text));
    }

    @Override
    public Bell addBellEvidence(String id, List<String> issueIds) throws BackendException {
        return postToBell(id, "evidence", new EvidenceAddition(issueIds));
    }

    @Override
    public Page<IssueMessage> messages(String issueId, String cursor, Integer limit) throws BackendException {
        return execute(get(paged(issueUrl(issueId).addPathSegment("messages"), cursor, limit)), serverUrl,
                pageOf(IssueMessage.class));
    }

    @Override
    public IssueMessage sendMessage(String issueId, String text, String templateId) throws BackendException {
        HttpUrl url = issueUrl(issueId).addPathSegment("messages").build();
        return send(authorized(new Request.Builder().url(url).post(jsonBody(new NewMessage(text, templateId)))),
                IssueMessage.class);
    }

    @Override
    public Page<IssueNote> notes(String issueId, String cursor, Integer limit) throws BackendException {
        return execute(get(paged(issueUrl(issueId).addPathSegment("notes"), cursor, limit)), serverUrl,
                pageOf(IssueNote.class));
    }

    @Override
    public IssueNote addNote(String issueId, String text) throws BackendException {
        HttpUrl url = issueUrl(issueId).addPathSegment("notes").build();
        return send(authorized(new Request.Builder().url(url).post(jsonBody(new NewNote(text)))), IssueNote.class);
    }

    @Override
    public List<ReplyTemplate> replyTemplates(IssueCategory category) throws BackendException {
        HttpUrl.Builder url = api().addPathSegment("reply-templates");
        addIfPresent(url, "category", category == null ? null : category.name());
        Page<ReplyTemplate> page = execute(get(url), serverUrl, pageOf(ReplyTemplate.class));
        return page.items();
    }

    private static HttpUrl.Builder paged(HttpUrl.Builder url, String cursor, Integer limit) {
        addIfPresent(url, "cursor", cursor);
        addIfPresent(url, "limit", limit == null ? null : limit.toString());
        return url;
    }

    private Bell postToBell(String id, String segment, Object body) throws BackendException {
        HttpUrl url = bellUrl(id).addPathSegment(segment).build();
        return send(authorized(new Request.Builder().url(url).post(jsonBody(body))), Bell.class);
    }

    private HttpUrl.Builder bellUrl(String id) throws BackendException {
        return api().addPathSegment("bells").addPathSegment(id);
    }

    @Override
    public Page<Listing> listings(String merchantId, String cursor, Integer limit) throws BackendException {
        HttpUrl.Builder url = api().addPathSegment("merchants").addPathSegment(merchantId).addPathSegment("listings");
        return execute(get(paged(url, cursor, limit)), serverUrl, pageOf(Listing.class));
    }

    @Override
    public Listing listing(String id) throws BackendException {
        return send(get(api().addPathSegment("listings").addPathSegment(id)), Listing.class);
    }

    @Override
    public Page<PricePoint> listingPrices(String listingId, String cursor, Integer limit) throws BackendException {
        HttpUrl.Builder url = api().addPathSegment("listings").addPathSegment(listingId).addPathSegment("prices");
        return execute(get(paged(url, cursor, limit)), serverUrl, pageOf(PricePoint.class));
    }

    @Override
    public Page<Coupon> merchantCoupons(String merchantId, String cursor, Integer limit) throws BackendException {
        HttpUrl.Builder url = api().addPathSegment("merchants").addPathSegment(merchantId).addPathSegment("coupons");
        return execute(get(paged(url, cursor, limit)), serverUrl, pageOf(Coupon.class));
    }

    @Override
    public MerchantCash merchantCash(String merchantId) throws BackendException {
        return send(get(api().addPathSegment("merchants").addPathSegment(merchantId).addPathSegment("cash")),
                MerchantCash.class);
    }

    @Override
    public List<FixOption> fixOptions(String issueId, String listingId) throws BackendException {
        HttpUrl.Builder url = api().addPathSegment("fixes").addPathSegment("options");
        addIfPresent(url, "issueId", issueId);
        addIfPresent(url, "listingId", listingId);
        Page<FixOption> page = execute(get(url), serverUrl, pageOf(FixOption.class));
        return page.items();
    }

    @Override
    public FixPreview previewFix(FixRequest request) throws BackendException {
        HttpUrl url = api().addPathSegment("fixes").addPathSegment("preview").build();
        return send(authorized(new Request.Builder().url(url).post(jsonBody(request))), FixPreview.class);
    }

    @Override
    public Fix applyFix(NewFix fix, String idempotencyKey) throws BackendException {
        HttpUrl url = api().addPathSegment("fixes").build();
        return send(authorized(new Request.Builder().url(url)
                .header("Idempotency-Key", idempotencyKey)
                .post(jsonBody(fix))), Fix.class);
    }

    @Override
    public Fix undoFix(String id) throws BackendException {
        HttpUrl url = api().addPathSegment("fixes").addPathSegment(id).addPathSegment("undo").build();
        return send(authorized(new Request.Builder().url(url).post(RequestBody.create(new byte[0], JSON))), Fix.class);
    }

    @Override
    public Page<Fix> fixes(String merchantId, String issueId, String cursor, Integer limit) throws BackendException {
        HttpUrl.Builder url = api().addPathSegment("fixes");
        addIfPresent(url, "merchantId", merchantId);
        addIfPresent(url, "issueId", issueId);
        return execute(get(paged(url, cursor, limit)), serverUrl, pageOf(Fix.class));
    }

    @Override
    public Fix fix(String id) throws BackendException {
        return send(get(api().addPathSegment("fixes").addPathSegment(id)), Fix.class);
    }

    @Override
    public Ledger ledger(Instant from, Instant to, LedgerGroup groupBy) throws BackendException {
        HttpUrl.Builder url = api().addPathSegment("ledger");
        addIfPresent(url, "from", from == null ? null : from.toString());
        addIfPresent(url, "to", to == null ? null : to.toString());
        addIfPresent(url, "groupBy", groupBy == null ? null : groupBy.wire());
        return send(get(url), Ledger.class);
    }

    private JavaType pageOf(Class<?> item) {
        return mapper.getTypeFactory().constructParametricType(Page.class, item);
    }

    /** The event stream of the signed-in session, with the standard backoff. */
    @Override
    public EventStream subscribe(Long lastEventId, EventStream.Listener listener) {
        return subscribe(lastEventId, Backoff.standard(), listener);
    }

    public EventStream subscribe(Long lastEventId, Backoff backoff, EventStream.Listener listener) {
        return SseEventStream.open(http, this::eventsRequest, backoff, lastEventId, listener);
    }

    /** One connection attempt's request: the current token, and where to resume. */
    private Request eventsRequest(Long lastEventId) throws BackendException {
        Request.Builder request = new Request.Builder().url(api().addPathSegment("events").build())
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        return authorized(request.get());
    }

    private HttpUrl.Builder issueUrl(String id) throws BackendException {
        return api().addPathSegment("issues").addPathSegment(id);
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    private Request authorized(Request.Builder request) {
        String current = token;
        if (current != null) {
            request.header("Authorization", "Bearer " + current);
        }
        return request.build();
    }

    private HttpUrl.Builder api() throws BackendException {
        String current = serverUrl;
        if (current == null) {
            throw BackendException.invalidUrl("");
        }
        return ServerUrl.apiRoot(current).newBuilder();
    }

    private Request get(HttpUrl.Builder url) {
        return authorized(new Request.Builder().url(url.build()).get());
    }

    private <T> T send(Request request, Class<T> type) throws BackendException {
        return execute(request, serverUrl, mapper.constructType(type));
    }

    private <T> T execute(Request request, String server, JavaType type) throws BackendException {
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body.string();
            if (!response.isSuccessful()) {
                throw BackendException.problem(server, problemOf(response, text));
            }
            if (type == null) {
                return null;
            }
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw BackendException.unexpected(server, e);
        } catch (IOException e) {
            throw BackendException.unreachable(server, e);
        }
    }

    private Problem problemOf(Response response, String text) {
        String contentType = response.header("Content-Type", "");
        if (contentType.contains("json") && !text.isBlank()) {
            try {
                Problem problem = mapper.readValue(text, Problem.class);
                if (problem.status() == response.code()) {
                    return problem;
                }
            } catch (JsonProcessingException e) {
                // Not a problem document after all (a proxy's error page, say): describe it by status.
                return byStatus(response);
            }
        }
        return byStatus(response);
    }

    private static Problem byStatus(Response response) {
        return new Problem(null, "HTTP " + response.code(), response.code(), null, List.of());
    }

    private RequestBody jsonBody(Object value) throws BackendException {
        try {
            return RequestBody.create(mapper.writeValueAsBytes(value), JSON);
        } catch (JsonProcessingException e) {
            throw BackendException.unexpected(serverUrl, e);
        }
    }

    private static void addIfPresent(HttpUrl.Builder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.addQueryParameter(name, value);
        }
    }
}
