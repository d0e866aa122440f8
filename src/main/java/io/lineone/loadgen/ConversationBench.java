package io.lineone.loadgen;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Issue;
import io.lineone.api.Json;
import io.lineone.api.NewMessage;
import io.lineone.api.Page;
import io.lineone.api.Session;
import io.lineone.api.SessionRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code lineone loadgen messages|replies}: the two conversation benchmarks, open loop like the rest of the
 * generator.
 * <ul>
 * <li>{@code messages --issue ID}: the marketplace feed ({@code --login feed}) posts the merchant's messages on one
 *     issue at {@code --rate}/s. What a console with that issue in its drawer makes of them is measured by the
 *     console's own probe ({@code -Dlineone.probe.latency}): one {@code message} line per message shown.
 * <li>{@code replies}: the manager ({@code --login li.na}) replies on their open issues in turn while listening on
 *     the event stream as themselves; per reply, the time from when it was due to its answer (committed, so in the
 *     outbox, written in the reply's transaction) and to its {@code issue.message} event arriving on the stream.
 * </ul>
 */
final class ConversationBench {

    static final String USAGE = """
            Usage: java -jar lineone.jar loadgen (messages|replies) [options]

              messages  the feed posts the merchant's messages on one issue (--issue ID, --login feed)
              replies   the manager replies on their open issues, timing the outbox and the event stream

            Options: --url URL, --login L, --password P, --rate N (default 20), --duration S (default 60),
                     --issue ID (messages), --connections C (default 8)
            """;

    private static final ObjectMapper JSON = Json.mapper();

    private ConversationBench() {
    }

    static void main(String[] args, PrintStream out) throws IOException, InterruptedException {
        String mode = args[0];
        String url = "http://127.0.0.1:8080";
        String login = mode.equals("messages") ? "feed" : "li.na";
        String password = "lineone-demo";
        String issue = null;
        int rate = 20;
        int duration = 60;
        int connections = 8;
        for (int i = 1; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help")) {
                out.print(USAGE);
                return;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--url" -> url = value.replaceAll("/+$", "");
                case "--login" -> login = value;
                case "--password" -> password = value;
                case "--issue" -> issue = value;
                case "--rate" -> rate = Integer.parseInt(value);
                case "--duration" -> duration = Integer.parseInt(value);
                case "--connections" -> connections = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (rate < 1) {
            throw new IllegalArgumentException("--rate must be at least 1");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String api = url + "/api/v1";
        String token = signIn(http, api, login, password);
        if (mode.equals("messages")) {
            if (issue == null) {
                throw new IllegalArgumentException("messages needs --issue ID");
            }
            messages(http, api, token, issue, rate, duration, connections, out);
        } else {
            replies(http, api, token, rate, duration, connections, out);
        }
    }

    private static void messages(HttpClient http, String api, String token, String issue, int rate, int duration,
                                 int connections, PrintStream out) throws InterruptedException {
        out.printf(Locale.ROOT, "loadgen messages: %d/s for %d s on %s%n", rate, duration, issue);
        ConcurrentLinkedQueue<Long> answered = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        drive(rate, duration, connections, (n, due, done) -> http.sendAsync(post(api + "/issues/" + issue + "/messages",
                token, new NewMessage("压测：商家消息 merchant message " + n, null)), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> {
                    if (error != null || response.statusCode() != 201) {
                        failed.incrementAndGet();
                    } else {
                        answered.add(System.nanoTime() - due);
                    }
                    done.run();
                }));
        out.println("posted (committed, published): " + summary(answered) + ", failed " + failed.get());
    }

    private static void replies(HttpClient http, String api, String token, int rate, int duration,
                                int connections, PrintStream out) throws IOException, InterruptedException {
        List<Issue> open = get(http, api + "/issues?status=OPEN&limit=500", token, new TypeReference<Page<Issue>>() { })
                .items();
        if (open.isEmpty()) {
            throw new IOException("no open issues to reply on");
        }
        // Per reply id: when it was due and when its event came, whichever is known first; counted once both are.
        Map<String, long[]> times = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> committed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> streamed = new ConcurrentLinkedQueue<>();
        List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch listening = new CountDownLatch(1);
        Thread stream = new Thread(() -> listen(http, api, token, listening,
                (id, at) -> meet(times, id, UNKNOWN, at, streamed)), "bench-stream");
        stream.setDaemon(true);
        stream.start();
        if (!listening.await(10, TimeUnit.SECONDS)) {
            throw new IOException("the event stream did not open");
        }
        out.printf(Locale.ROOT, "loadgen replies: %d/s for %d s over %d open issues%n", rate, duration, open.size());
        drive(rate, duration, connections, (n, due, done) -> {
            Issue issue = open.get((int) (n % open.size()));
            http.sendAsync(post(api + "/issues/" + issue.id() + "/messages", token,
                    new NewMessage("压测回复 load test reply " + n, null)), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        if (error != null || response.statusCode() != 201) {
                            failed.incrementAndGet();
                        } else {
                            long at = System.nanoTime();
                            committed.add(at - due);
                            try {
                                String id = JSON.readTree(response.body()).get("id").asText();
                                sent.add(id);
                                // The event may have come before the answer: it counts from when it came.
                                meet(times, id, due, UNKNOWN, streamed);
                            } catch (IOException e) {
                                failed.incrementAndGet();
                            }
                        }
                        done.run();
                    });
        });
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (streamed.size() < sent.size() && System.nanoTime() < waitUntil) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        out.println("reply → in the outbox (answer, committed): " + summary(committed) + ", failed " + failed.get());
        out.println("reply → its issue.message on the stream: " + summary(streamed) + ", missing "
                + (sent.size() - streamed.size()));
    }

    /**
     * Records a reply's due time or its event's arrival ({@link #UNKNOWN}: not this one) atomically per id, and counts the delay
     * the moment both are known: the answer and the event race, and either may come first.
     */
    private static void meet(Map<String, long[]> times, String id, long due, long seen, Queue<Long> streamed) {
        times.compute(id, (key, known) -> {
            long[] t = known == null ? new long[] {UNKNOWN, UNKNOWN} : known;
            boolean complete = t[0] != UNKNOWN && t[1] != UNKNOWN;
            if (due != UNKNOWN) {
                t[0] = due;
            }
            if (seen != UNKNOWN && t[1] == UNKNOWN) {
                t[1] = seen;
            }
            if (!complete && t[0] != UNKNOWN && t[1] != UNKNOWN) {
                streamed.add(t[1] - t[0]);
            }
            return t;
        });
    }

    /** Not known yet: {@code System.nanoTime()} may be any value, even negative, but never this one in practice. */
    private static final long UNKNOWN = Long.MIN_VALUE;

    @FunctionalInterface
    private interface Send {
        void send(long n, long due, Runnable done);
    }

    private static void drive(int rate, int duration, int connections, Send send) throws InterruptedException {
        Semaphore inFlight = new Semaphore(connections);
        long start = System.nanoTime();
        long total = (long) rate * duration;
        for (long n = 0; n < total; n++) {
            long due = start + n * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            send.send(n, due, inFlight::release);
        }
        inFlight.acquire(connections);
    }

    private interface Heard {
        void message(String id, long atNanos);
    }

    /** Reads {@code GET /events} line by line, handing each issue.message's id on as it arrives. */
    private static void listen(HttpClient http, String api, String token, CountDownLatch open, Heard heard) {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(api + "/events"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            open.countDown();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String type = null;
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("event: ")) {
                        type = line.substring(7);
                    } else if (line.startsWith("data: ") && "issue.message".equals(type)) {
                        long at = System.nanoTime();
                        heard.message(JSON.readTree(line.substring(6)).get("id").asText(), at);
                    } else if (line.isEmpty()) {
                        type = null;
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            // The run is over, or the stream failed: what was heard is reported.
        }
    }

    private static String summary(ConcurrentLinkedQueue<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return "none";
        }
        return String.format(Locale.ROOT, "%d, ms p50 %.1f, p99 %.1f, max %.1f", sorted.length,
                at(sorted, 50), at(sorted, 99), at(sorted, 100));
    }

    private static double at(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static HttpRequest post(String url, String token, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static <T> T get(HttpClient http, String url, String token, TypeReference<T> type)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readValue(response.body(), type);
    }

    private static String signIn(HttpClient http, String api, String login, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new SessionRequest(login, password))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("cannot sign in as " + login + ": HTTP " + response.statusCode());
        }
        return JSON.readValue(response.body(), Session.class).token();
    }

    static boolean handles(String[] args) {
        return args.length > 0 && Arrays.asList("messages", "replies").contains(args[0]);
    }
}
