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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

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

    /** The next request to send (sequence {@code seq}), and what to learn from a successful answer. */
    interface Requests {
        HttpRequest next(long seq);

        default void answered(HttpResponse<byte[]> response) {
        }
    }

    private final HttpClient http;
    private final String api;
    private final String token;
    /** Unique to this run: another generator's events are not counted as ours. */
    final String marker;

    private Workload(HttpClient http, String api, String token) {
        this.http = http;
        this.api = api;
        this.token = token;
        this.marker = "#lg" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000)) + "-";
    }

    static Workload signIn(HttpClient http, Options options) throws IOException, InterruptedException {
        String api = options.url() + "/api/v1";
        if (options.token() != null || !options.posts() && options.subscribers() == 0) {
            return new Workload(http, api, options.token());
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        new SessionRequest(options.login(), options.password()))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("cannot sign in as " + options.login() + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return new Workload(http, api, JSON.readValue(response.body(), Session.class).token());
    }

    String api() {
        return api;
    }

    String token() {
        return token;
    }

    /** The requests of {@code options.mode()}, after whatever setup it needs (reading merchants, posting issues). */
    Requests requests(Options options) throws IOException, InterruptedException {
        if (options.mode().equals("health")) {
            HttpRequest health = HttpRequest.newBuilder(URI.create(api + "/health")).GET().build();
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

    private List<Listing> listings(List<Merchant> merchants) throws IOException, InterruptedException {
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

    private <T> List<T> page(String path, int max, TypeReference<Page<T>> type) throws IOException, InterruptedException {
        List<T> all = new ArrayList<>();
        String cursor = null;
        do {
            String url = api + path + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<String> response = http.send(authorised(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("cannot read " + path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            Page<T> page = JSON.readValue(response.body(), type);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && all.size() < max);
        return all;
    }

    private List<Issue> createIssues(List<Merchant> merchants, int count) throws IOException, InterruptedException {
        List<Issue> issues = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = http.send(postIssue(merchants, -1), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IOException("cannot post an issue: HTTP " + response.statusCode() + " " + response.body());
            }
            issues.add(JSON.readValue(response.body(), Issue.class));
        }
        return issues;
    }

    HttpRequest postIssue(List<Merchant> merchants, long seq) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Merchant merchant = merchants.get(random.nextInt(merchants.size()));
        IssueCategory category = IssueCategory.values()[random.nextInt(IssueCategory.values().length)];
        int p = random.nextInt(100);
        Priority priority = p < 5 ? Priority.P1 : p < 30 ? Priority.P2 : p < 80 ? Priority.P3 : Priority.P4;
        NewIssue issue = new NewIssue(merchant.id(), category, null, priority,
                "压测问题 load test " + (seq >= 0 ? marker + seq + "#" : random.nextInt(1_000_000)), "loadgen",
                null, null, (long) random.nextInt(500_000));
        return authorised(URI.create(api + "/issues")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(issue))).build();
    }

    /** The listing's own title with this run's marker in place of any earlier run's. */
    HttpRequest patchListing(Listing listing, long seq) {
        String title = listing.title().replaceAll(" ?#lg[0-9a-f]+-\\d+#", "");
        title = title.substring(0, Math.min(title.length(), 160)) + " " + marker + seq + "#";
        ListingPatch patch = new ListingPatch(null, null, null, null, null, null, null, title);
        return authorised(URI.create(api + "/listings/" + listing.id())).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes(patch))).build();
    }

    private HttpRequest.Builder authorised(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
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
        public HttpRequest next(long seq) {
            Issue issue = issues.get((int) (seq % issues.size()));
            return authorised(URI.create(api + "/issues/" + issue.id()))
                    .header("Content-Type", "application/json")
                    .header("If-Match", "\"" + versions.get(issue.id()) + "\"")
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(
                            bytes(new IssuePatch(null, "压测备注 load test note " + seq, null))))
                    .build();
        }

        @Override
        public void answered(HttpResponse<byte[]> response) {
            try {
                Issue updated = JSON.readValue(response.body(), Issue.class);
                versions.merge(updated.id(), updated.version(), Math::max);
            } catch (IOException e) {
                throw new IllegalStateException("the server answered a PATCH with no issue", e);
            }
        }
    }
}
