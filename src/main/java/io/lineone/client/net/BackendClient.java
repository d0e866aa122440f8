package io.lineone.client.net;

import io.lineone.api.Health;
import io.lineone.api.Session;
import io.lineone.api.SessionRequest;
import io.lineone.api.User;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The OkHttp implementation of {@link Backend}. Calls are synchronous; the console runs them off the FX thread.
 * One instance follows one signed-in session at a time, which every feature's client shares.
 */
public final class BackendClient implements Backend {

    private final HttpJson http;
    private final MerchantsApi merchants;
    private final IssuesApi issues;
    private final ConversationApi conversation;
    private final BellsApi bells;
    private final ListingsApi listings;
    private final FixesApi fixes;
    private final InsightsApi insights;

    // Read by every request on any thread; changed when the user picks another language.
    private volatile String acceptLanguage;

    public BackendClient(OkHttpClient client) {
        this.http = new HttpJson(client.newBuilder().addInterceptor(chain -> {
            String language = acceptLanguage;
            return chain.proceed(language == null ? chain.request()
                    : chain.request().newBuilder().header("Accept-Language", language).build());
        }).build());
        this.merchants = new MerchantsClient(http);
        this.issues = new IssuesClient(http);
        this.conversation = new ConversationClient(http);
        this.bells = new BellsClient(http);
        this.listings = new ListingsClient(http);
        this.fixes = new FixesClient(http);
        this.insights = new InsightsClient(http);
    }

    /** A client with timeouts short enough that an unreachable server is reported quickly, in English. */
    public static BackendClient withDefaults() {
        return withDefaults(Locale.ENGLISH);
    }

    /** The same, asking the server to give its reasons in {@code language} where it can. */
    public static BackendClient withDefaults(Locale language) {
        BackendClient client = new BackendClient(new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60))
                .build());
        client.speak(language);
        return client;
    }

    @Override
    public void speak(Locale language) {
        acceptLanguage = language.toLanguageTag() + (language.getLanguage().equals("en") ? "" : ", en;q=0.5");
    }

    /** The server the client talks to, in canonical form; empty before the first sign-in. */
    public Optional<String> serverUrl() {
        return Optional.ofNullable(http.serverUrl());
    }

    @Override
    public Health health() throws BackendException {
        return http.get(http.path("health"), Health.class);
    }

    @Override
    public Health health(String typedUrl) throws BackendException {
        String normalized = ServerUrl.normalize(typedUrl);
        Request request = new Request.Builder()
                .url(ServerUrl.apiRoot(normalized).newBuilder().addPathSegment("health").build())
                .get()
                .build();
        return http.execute(request, normalized, http.typeOf(Health.class));
    }

    @Override
    public Session signIn(String typedUrl, String login, String password) throws BackendException {
        String normalized = ServerUrl.normalize(typedUrl);
        Request request = new Request.Builder()
                .url(ServerUrl.apiRoot(normalized).newBuilder().addPathSegment("session").build())
                .post(http.jsonBody(new SessionRequest(login, password)))
                .build();
        Session session = http.execute(request, normalized, http.typeOf(Session.class));
        http.signedIn(normalized, session.token());
        return session;
    }

    @Override
    public void signOut() throws BackendException {
        String revoked = http.token();
        if (revoked == null) {
            return;
        }
        http.forgetToken();
        Request request = new Request.Builder().url(http.path("session").build())
                .header("Authorization", "Bearer " + revoked)
                .delete()
                .build();
        http.execute(request, http.serverUrl(), null);
    }

    @Override
    public void signOutEverywhere() throws BackendException {
        String token = http.token();
        if (token == null) {
            return;
        }
        Request request = new Request.Builder().url(http.path("sessions").build())
                .header("Authorization", "Bearer " + token)
                .delete()
                .build();
        http.execute(request, http.serverUrl(), null);
        http.forgetToken();
    }

    @Override
    public User me() throws BackendException {
        return http.get(http.path("me"), User.class);
    }

    /** The event stream of the signed-in session, with the standard backoff. */
    @Override
    public EventStream subscribe(Long lastEventId, EventStream.Listener listener) {
        return subscribe(lastEventId, Backoff.standard(), listener);
    }

    public EventStream subscribe(Long lastEventId, Backoff backoff, EventStream.Listener listener) {
        return SseEventStream.open(http.http(), this::eventsRequest, backoff, lastEventId, listener);
    }

    /** One connection attempt's request: the current token, and where to resume. */
    private Request eventsRequest(Long lastEventId) throws BackendException {
        Request.Builder request = new Request.Builder().url(http.path("events").build())
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        return http.authorized(request.get());
    }

    @Override
    public MerchantsApi merchants() {
        return merchants;
    }

    @Override
    public IssuesApi issues() {
        return issues;
    }

    @Override
    public ConversationApi conversation() {
        return conversation;
    }

    @Override
    public BellsApi bells() {
        return bells;
    }

    @Override
    public ListingsApi listings() {
        return listings;
    }

    @Override
    public FixesApi fixes() {
        return fixes;
    }

    @Override
    public InsightsApi insights() {
        return insights;
    }
}
