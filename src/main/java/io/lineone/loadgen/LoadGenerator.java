package io.lineone.loadgen;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssuePatch;
import io.lineone.api.Json;
import io.lineone.api.Merchant;
import io.lineone.api.NewIssue;
import io.lineone.api.Page;
import io.lineone.api.Priority;
import io.lineone.api.Session;
import io.lineone.api.SessionRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code lineone loadgen}: drives a running backend over HTTP at a fixed rate and reports what it achieved.
 * Open loop: requests are due on a fixed schedule, and latency counts from when a request was due, so a
 * server that stalls is not flattered by requests the generator did not get to send.
 */
public final class LoadGenerator {

    static final String USAGE = """
            Usage: java -jar lineone.jar loadgen (issues|updates|health) [options]

              issues   POST /issues for the signed-in user's merchants (a MANAGER's own book, or all for
                       SERVICE/ADMIN), with a realistic mix of categories and priorities
              updates  first posts --issues issues, then PATCHes a note onto them in turn (If-Match kept
                       from each answer): a burst of issue.updated events without a growing queue
              health   GET /health, the bare baseline the API's throughput is compared with

            Options:
              --url URL          backend root (default http://127.0.0.1:8080)
              --login L          account to sign in as (default li.na)
              --password P       its password (default: the demo password)
              --rate N           requests per second (default 200; 0 = as fast as --connections allow)
              --duration S       seconds to run (default 60)
              --connections C    requests in flight at most (default 32)
              --issues K         issues the updates mode cycles through (default 500; more than C)

            Usage: java -jar lineone.jar loadgen (detectors|fixes) [options]

            """ + FixesBench.USAGE;

    private static final String DEMO_PASSWORD = "lineone-demo";
    private static final ObjectMapper JSON = Json.mapper();

    private LoadGenerator() {
    }

    public static void main(String[] args) {
        try {
            if (args.length > 0 && (args[0].equals("detectors") || args[0].equals("fixes"))) {
                FixesBench.main(args, System.out);
                return;
            }
            Options options = Options.parse(args);
            if (options == null) {
                System.out.print(USAGE);
                return;
            }
            run(options, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("lineone loadgen: " + e.getMessage() + " (see --help)");
            System.exit(2);
        } catch (IOException e) {
            System.err.println("lineone loadgen: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    static Report run(Options options, PrintStream out) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String api = options.url() + "/api/v1";
        RequestFactory requests;
        if (options.mode().equals("health")) {
            HttpRequest health = HttpRequest.newBuilder(URI.create(api + "/health")).GET().build();
            requests = () -> health;
        } else {
            String token = signIn(http, api, options.login(), options.password());
            List<Merchant> merchants = merchants(http, api, token);
            if (merchants.isEmpty()) {
                throw new IOException(options.login() + " sees no merchants to post issues for");
            }
            requests = options.mode().equals("updates")
                    ? new NoteUpdates(api, token, createIssues(http, api, token, merchants, options.issues()))
                    : () -> postIssue(api, token, merchants);
        }
        out.printf(Locale.ROOT, "loadgen %s: %s at %s/s for %d s, %d in flight at most%n", options.mode(),
                options.url(), options.rate() == 0 ? "max" : Integer.toString(options.rate()), options.durationSeconds(),
                options.connections());
        Report report = drive(http, requests, options);
        out.println(report.describe());
        return report;
    }

    private static Report drive(HttpClient http, RequestFactory requests, Options options) throws InterruptedException {
        Semaphore inFlight = new Semaphore(options.connections());
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<String, Long> failures = new ConcurrentSkipListMap<>();
        long start = System.nanoTime();
        long end = start + options.durationSeconds() * 1_000_000_000L;
        long total = (long) options.rate() * options.durationSeconds();
        long sent = 0;
        while (options.rate() > 0 ? sent < total : System.nanoTime() < end) {
            long due = options.rate() > 0 ? start + sent * 1_000_000_000L / options.rate() : System.nanoTime();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            long scheduled = due;
            sent++;
            http.sendAsync(requests.next(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
                latencies.add(System.nanoTime() - scheduled);
                if (error != null || response.statusCode() >= 400) {
                    failures.merge(error != null ? error.getClass().getSimpleName() : "HTTP " + response.statusCode(),
                            1L, Long::sum);
                } else {
                    requests.answered(response);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(options.connections());
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Report(sent, Map.copyOf(failures), seconds, sorted);
    }

    private static String signIn(HttpClient http, String api, String login, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new SessionRequest(login, password))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("cannot sign in as " + login + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readValue(response.body(), Session.class).token();
    }

    private static List<Merchant> merchants(HttpClient http, String api, String token)
            throws IOException, InterruptedException {
        List<Merchant> all = new ArrayList<>();
        String cursor = null;
        do {
            String url = api + "/merchants?limit=500" + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("cannot list merchants: HTTP " + response.statusCode() + " " + response.body());
            }
            Page<Merchant> page = JSON.readValue(response.body(), new TypeReference<Page<Merchant>>() { });
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    private static List<Issue> createIssues(HttpClient http, String api, String token, List<Merchant> merchants,
                                            int count) throws IOException, InterruptedException {
        List<Issue> issues = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = http.send(postIssue(api, token, merchants), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IOException("cannot post an issue: HTTP " + response.statusCode() + " " + response.body());
            }
            issues.add(JSON.readValue(response.body(), Issue.class));
        }
        return issues;
    }

    static HttpRequest postIssue(String api, String token, List<Merchant> merchants) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Merchant merchant = merchants.get(random.nextInt(merchants.size()));
        IssueCategory category = IssueCategory.values()[random.nextInt(IssueCategory.values().length)];
        int p = random.nextInt(100);
        Priority priority = p < 5 ? Priority.P1 : p < 30 ? Priority.P2 : p < 80 ? Priority.P3 : Priority.P4;
        NewIssue issue = new NewIssue(merchant.id(), category, null, priority,
                "压测问题 load test " + random.nextInt(1_000_000), "loadgen", null, null,
                (long) random.nextInt(500_000));
        try {
            return HttpRequest.newBuilder(URI.create(api + "/issues"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(issue)))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an issue as JSON", e);
        }
    }

    /** The next request to send, and what to learn from a successful answer. */
    @FunctionalInterface
    private interface RequestFactory {
        HttpRequest next();

        default void answered(HttpResponse<byte[]> response) {
        }
    }

    /**
     * A note PATCHed onto each issue in turn. With more issues than requests in flight, an issue's previous
     * PATCH has been answered before it comes round again, so its version (the If-Match) is the latest.
     */
    private static final class NoteUpdates implements RequestFactory {

        private final String api;
        private final String token;
        private final List<Issue> issues;
        private final Map<String, Long> versions = new ConcurrentHashMap<>();
        private int next;

        NoteUpdates(String api, String token, List<Issue> issues) {
            this.api = api;
            this.token = token;
            this.issues = issues;
            issues.forEach(issue -> versions.put(issue.id(), issue.version()));
        }

        @Override
        public HttpRequest next() {
            Issue issue = issues.get(next++ % issues.size());
            try {
                return HttpRequest.newBuilder(URI.create(api + "/issues/" + issue.id()))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("If-Match", "\"" + versions.get(issue.id()) + "\"")
                        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(
                                JSON.writeValueAsBytes(new IssuePatch(null, "压测备注 load test note " + next, null))))
                        .build();
            } catch (IOException e) {
                throw new IllegalStateException("cannot write a patch as JSON", e);
            }
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

    /** What one run achieved; latencies in nanoseconds, sorted. */
    record Report(long sent, Map<String, Long> failuresByReason, double seconds, long[] latencies) {

        long failures() {
            return failuresByReason.values().stream().mapToLong(Long::longValue).sum();
        }

        double throughput() {
            return (sent - failures()) / seconds;
        }

        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latencies.length - 1, Math.ceil(p / 100 * latencies.length) - 1);
            return latencies[Math.max(0, index)] / 1e6;
        }

        String describe() {
            return String.format(Locale.ROOT,
                    "sent %d, failed %d%s, %.1f s: %.0f ok/s; latency ms p50 %.1f, p90 %.1f, p99 %.1f, max %.1f",
                    sent, failures(), failuresByReason.isEmpty() ? "" : " " + new TreeMap<>(failuresByReason),
                    seconds, throughput(), percentileMillis(50), percentileMillis(90), percentileMillis(99),
                    percentileMillis(100));
        }
    }

    record Options(String mode, String url, String login, String password, int rate, int durationSeconds,
                   int connections, int issues) {

        /** Null asks for the usage text. */
        static Options parse(String[] args) {
            if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
                return null;
            }
            String mode = args[0];
            if (!mode.equals("issues") && !mode.equals("updates") && !mode.equals("health")) {
                throw new IllegalArgumentException("unknown mode '" + mode + "' (issues, updates or health)");
            }
            String url = "http://127.0.0.1:8080";
            String login = "li.na";
            String password = DEMO_PASSWORD;
            int rate = 200;
            int duration = 60;
            int connections = 32;
            int issues = 500;
            for (int i = 1; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--help") || flag.equals("-h")) {
                    return null;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = args[++i];
                switch (flag) {
                    case "--url" -> url = value.replaceAll("/+$", "");
                    case "--login" -> login = value;
                    case "--password" -> password = value;
                    case "--rate" -> rate = number(flag, value, 0, 1_000_000);
                    case "--duration" -> duration = number(flag, value, 1, 86_400);
                    case "--connections" -> connections = number(flag, value, 1, 10_000);
                    case "--issues" -> issues = number(flag, value, 1, 100_000);
                    default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
                }
            }
            if (mode.equals("updates") && issues <= connections) {
                throw new IllegalArgumentException("--issues must be more than --connections, so no issue is patched twice at once");
            }
            return new Options(mode, url, login, password, rate, duration, connections, issues);
        }

        private static int number(String flag, String value, int min, int max) {
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new IllegalArgumentException(flag + " takes a number from " + min + " to " + max + ", not '" + value + "'");
        }
    }
}
