package io.lineone.loadgen;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssuePatch;
import io.lineone.api.Json;
import io.lineone.api.Listing;
import io.lineone.api.ListingPatch;
import io.lineone.api.Merchant;
import io.lineone.api.NewIssue;
import io.lineone.api.Page;
import io.lineone.api.Priority;
import io.lineone.api.Session;
import io.lineone.api.SessionRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The requests a run sends, built from what the signed-in account sees: new issues for its merchants, listing
 * changes (a title carrying the run's marker), notes PATCHed onto issues in turn, or the bare health check. Each
 * posted issue and listing change carries {@link #marker} and its sequence number in its title, so a subscriber
 * recognises its event and times it from when the request was due.
 */
final class Workload {

    private static final ObjectMapper JSON = Json.mapper();
    private static final int MAX_MERCHANTS = 5_000;
    private static final int MAX_LISTINGS = 500;
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    /** The next request to send (sequence {@code seq}), and what to learn from a successful answer. */
    interface Requests {
        Request next(long seq);

        /** @param body the answer's body, read by the driver */
        default void answered(byte[] body) {
        }
    }

    private final OkHttpClient http;
    private final String api;
    private final String token;
    /** Unique to this run: another generator's events are not counted as ours. */
    final String marker;

    private Workload(OkHttpClient http, String api, String token) {
        this.http = http;
        this.api = api;
        this.token = token;
        this.marker = "#lg" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000)) + "-";
    }

    static Workload signIn(OkHttpClient http, Options options) throws IOException {
        String api = options.url() + "/api/v1";
        if (options.token() != null || !options.posts() && options.subscribers() == 0) {
            return new Workload(http, api, options.token());
        }
        Request request = new Request.Builder().url(api + "/session")
                .post(RequestBody.create(bytes(new SessionRequest(options.login(), options.password())), JSON_TYPE))
                .build();
        return new Workload(http, api, JSON.readValue(call(http, request, 201, "sign in as " + options.login()),
                Session.class).token());
    }

    /** The body of {@code request}'s answer, which must have status {@code expected}. */
    private static String call(OkHttpClient http, Request request, int expected, String what) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (response.code() != expected) {
                throw new IOException("cannot " + what + ": HTTP " + response.code() + " " + body);
            }
            return body;
        }
    }

    String api() {
        return api;
    }

    String token() {
        return token;
    }

    /** The requests of {@code options.mode()}, after whatever setup it needs (reading merchants, posting issues). */
    Requests requests(Options options) throws IOException {
        if (options.mode().equals("health")) {
            Request health = new Request.Builder().url(api + "/health").build();
            return seq -> health;
        }
        List<Merchant> merchants = page("/merchants?limit=500", MAX_MERCHANTS, new TypeReference<Page<Merchant>>() { });
        if (merchants.isEmpty()) {
            throw new IOException(options.login() + " sees no merchants to post issues for");
        }
        if (options.mode().equals("updates")) {
            return new NoteUpdates(createIssues(merchants, options.issues()));
        }
        List<Listing> listings = options.listingShare() > 0 ? listings(merchants) : List.of();
        if (options.listingShare() > 0 && listings.isEmpty()) {
            throw new IOException(options.login() + " sees no listings to change (--listings 0 posts issues only)");
        }
        int share = options.listingShare();
        // Spread evenly: of every 100 requests, `share` are listing changes.
        return seq -> (seq * share) / 100 != ((seq + 1) * share) / 100
                ? patchListing(listings.get((int) (seq % listings.size())), seq)
                : postIssue(merchants, seq);
    }

    private List<Listing> listings(List<Merchant> merchants) throws IOException {
        List<Merchant> shuffled = new ArrayList<>(merchants);
        Collections.shuffle(shuffled);
        List<Listing> listings = new ArrayList<>();
        for (Merchant merchant : shuffled.subList(0, Math.min(50, shuffled.size()))) {
            listings.addAll(page("/merchants/" + merchant.id() + "/listings?limit=100", 100,
                    new TypeReference<Page<Listing>>() { }));
            if (listings.size() >= MAX_LISTINGS) {
                break;
            }
        }
        return listings;
    }

    private <T> List<T> page(String path, int max, TypeReference<Page<T>> type) throws IOException {
        List<T> all = new ArrayList<>();
        String cursor = null;
        do {
            String url = api + path + (cursor == null ? "" : "&cursor=" + cursor);
            Page<T> page = JSON.readValue(call(http, authorised(url).build(), 200, "read " + path), type);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && all.size() < max);
        return all;
    }

    private List<Issue> createIssues(List<Merchant> merchants, int count) throws IOException {
        List<Issue> issues = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            issues.add(JSON.readValue(call(http, postIssue(merchants, -1), 201, "post an issue"), Issue.class));
        }
        return issues;
    }

    Request postIssue(List<Merchant> merchants, long seq) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Merchant merchant = merchants.get(random.nextInt(merchants.size()));
        IssueCategory category = IssueCategory.values()[random.nextInt(IssueCategory.values().length)];
        int p = random.nextInt(100);
        Priority priority = p < 5 ? Priority.P1 : p < 30 ? Priority.P2 : p < 80 ? Priority.P3 : Priority.P4;
        NewIssue issue = new NewIssue(merchant.id(), category, null, priority,
                "压测问题 load test " + (seq >= 0 ? marker + seq + "#" : random.nextInt(1_000_000)), "loadgen",
                null, null, (long) random.nextInt(500_000));
        return authorised(api + "/issues").post(json(issue)).build();
    }

    /** The listing's own title with this run's marker in place of any earlier run's. */
    Request patchListing(Listing listing, long seq) {
        String title = listing.title().replaceAll(" ?#lg[0-9a-f]+-\\d+#", "");
        title = title.substring(0, Math.min(title.length(), 160)) + " " + marker + seq + "#";
        ListingPatch patch = new ListingPatch(null, null, null, null, null, null, null, title);
        return authorised(api + "/listings/" + listing.id()).patch(json(patch)).build();
    }

    private Request.Builder authorised(String url) {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + token);
    }

    private static RequestBody json(Object body) {
        return RequestBody.create(bytes(body), JSON_TYPE);
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a request body as JSON", e);
        }
    }

    /**
     * A note PATCHed onto each issue in turn. With more issues than requests in flight, an issue's previous
     * PATCH has been answered before it comes round again, so its version (the If-Match) is the latest.
     */
    private final class NoteUpdates implements Requests {

        private final List<Issue> issues;
        private final Map<String, Long> versions = new ConcurrentHashMap<>();

        NoteUpdates(List<Issue> issues) {
            this.issues = issues;
            issues.forEach(issue -> versions.put(issue.id(), issue.version()));
        }

        @Override
        public Request next(long seq) {
            Issue issue = issues.get((int) (seq % issues.size()));
            return authorised(api + "/issues/" + issue.id())
                    .header("If-Match", "\"" + versions.get(issue.id()) + "\"")
                    .patch(json(new IssuePatch(null, "压测备注 load test note " + seq, null)))
                    .build();
        }

        @Override
        public void answered(byte[] body) {
            try {
                Issue updated = JSON.readValue(body, Issue.class);
                versions.merge(updated.id(), updated.version(), Math::max);
            } catch (IOException e) {
                throw new IllegalStateException("the server answered a PATCH with no issue", e);
            }
        }
    }
}
