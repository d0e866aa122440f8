package io.lineone.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.CouponPatch;
import io.lineone.api.FixKind;
import io.lineone.api.Json;
import io.lineone.api.ListingPatch;
import io.lineone.api.MerchantMetrics;
import io.lineone.api.NewCoupon;
import io.lineone.api.NewFix;
import io.lineone.api.NewListing;
import io.lineone.api.NewMerchant;
import io.lineone.api.SessionRequest;
import io.lineone.api.Tier;
import io.lineone.api.WeightUnit;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code lineone loadgen detectors|fixes}: the mispricing detectors and the one-click fix, measured over HTTP on a
 * running backend (the demo's admin and supervisor by default).
 * <ul>
 * <li>{@code detectors}: a new merchant with {@code --listings} listings (1 in 100 priced so close to cost that a
 *     5% coupon takes it below), then {@code --rounds} times: activate a whole-shop coupon that trips nothing
 *     (3%), deactivate it, activate one that trips 1 in 100 listings (5%, opening those issues), deactivate it
 *     (resolving them). Each PATCH re-judges every listing in its transaction; its round trip is reported.</li>
 * <li>{@code fixes}: {@code --fixes} slipped listings of a new merchant, then {@code POST /fixes} (DELIST_LISTING) on
 *     them in turn at {@code --rate} per second, open loop, as {@code --fixer}; run {@code loadgen issues} beside it
 *     for the load the bar names.</li>
 * </ul>
 */
final class FixesBench {

    static final String USAGE = """
              detectors  a merchant with --listings listings; whole-shop coupons activated and deactivated
                         --rounds times (each re-judges every listing): the PATCH round trips
              fixes      --fixes slipped listings, then POST /fixes (delist) on each at --rate per second
                         as --fixer (default chen.jing, a SUPERVISOR); run `loadgen issues` beside it

            Options of detectors and fixes (besides --url, --password, --rate):
              --login L          the feed's account (default admin)
              --listings N       listings of the detectors' merchant (default 10000)
              --rounds R         coupon activations of each kind (default 10)
              --fixes K          fixes to apply (default 1000)
              --fixer F          who applies them (default chen.jing)
            """;

    private static final ObjectMapper JSON = Json.mapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String api;
    private final PrintStream out;

    private FixesBench(String url, PrintStream out) {
        this.api = url + "/api/v1";
        this.out = out;
    }

    static void main(String[] args, PrintStream out) throws IOException, InterruptedException {
        String mode = args[0];
        String url = "http://127.0.0.1:8080";
        String login = "admin";
        String password = "lineone-demo";
        String fixer = "chen.jing";
        int listings = 10_000;
        int rounds = 10;
        int fixes = 1_000;
        int rate = 20;
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--url" -> url = value.replaceAll("/+$", "");
                case "--login" -> login = value;
                case "--password" -> password = value;
                case "--fixer" -> fixer = value;
                case "--listings" -> listings = Integer.parseInt(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--fixes" -> fixes = Integer.parseInt(value);
                case "--rate" -> rate = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
        }
        FixesBench bench = new FixesBench(url, out);
        String feed = bench.signIn(login, password);
        if (mode.equals("detectors")) {
            bench.detectors(feed, listings, rounds);
        } else {
            bench.fixes(feed, bench.signIn(fixer, password), fixes, rate);
        }
    }

    private void detectors(String feed, int count, int rounds) throws IOException, InterruptedException {
        String merchant = merchant(feed, null);
        long started = System.nanoTime();
        List<JsonNode> listings = postListings(feed, merchant, count, i -> i % 100 == 0 ? 9_600L : 5_000L);
        out.printf(Locale.ROOT, "posted %d listings in %.1f s%n", listings.size(), (System.nanoTime() - started) / 1e9);
        String quiet = send("POST", "/merchants/" + merchant + "/coupons", feed,
                new NewCoupon(List.of(), null, 3, true, 1_000_000_000_000L, 0L, false), null, 201).get("id").asText();
        String tripping = send("POST", "/merchants/" + merchant + "/coupons", feed,
                new NewCoupon(List.of(), null, 5, true, 1_000_000_000_000L, 0L, false), null, 201).get("id").asText();
        for (String[] kind : new String[][] {{quiet, "trips nothing"}, {tripping, "trips 1 in 100 listings"}}) {
            long[] on = new long[rounds];
            long[] off = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                on[r] = timed(() -> send("PATCH", "/coupons/" + kind[0], feed, new CouponPatch(true, null, null, null),
                        null, 200));
                off[r] = timed(() -> send("PATCH", "/coupons/" + kind[0], feed, new CouponPatch(false, null, null, null),
                        null, 200));
            }
            out.printf(Locale.ROOT, "whole-shop coupon that %s, %d listings: activate %s; deactivate %s%n", kind[1],
                    count, describe(on), describe(off));
        }
    }

    private void fixes(String feed, String fixer, int count, int rate) throws IOException, InterruptedException {
        String merchant = merchant(feed, null);
        List<JsonNode> listings = postListings(feed, merchant, count, i -> 5_000L);
        List<long[]> slipped = new ArrayList<>();
        for (JsonNode listing : listings) {
            JsonNode after = send("PATCH", "/listings/" + listing.get("id").asText(), feed,
                    new ListingPatch(890L, null, null, null, null, null, null, null), null, 200);
            slipped.add(new long[] {after.get("version").asLong()});
        }
        out.printf(Locale.ROOT, "%d slipped listings ready; applying DELIST_LISTING at %d/s%n", count, rate);
        Semaphore inFlight = new Semaphore(32);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            HttpRequest request = request("POST", "/fixes", fixer, new NewFix(FixKind.DELIST_LISTING,
                    listings.get(i).get("id").asText(), null, slipped.get(i)[0]), UUID.randomUUID().toString());
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                latencies.add(System.nanoTime() - due);
                if (error != null || response.statusCode() != 201) {
                    failures.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(32);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        out.printf(Locale.ROOT, "POST /fixes: %d sent, %d failed, %.1f s; latency ms p50 %.1f, p90 %.1f, p99 %.1f, "
                        + "max %.1f%n", count, failures.get(), (System.nanoTime() - start) / 1e9, percentile(sorted, 50),
                percentile(sorted, 90), percentile(sorted, 99), percentile(sorted, 100));
    }

    private String merchant(String token, String managerId) throws IOException, InterruptedException {
        NewMerchant merchant = new NewMerchant("压测商家 " + UUID.randomUUID().toString().substring(0, 8), "压测旗舰店",
                Tier.KA, "粮油", "浙江", managerId, new MerchantMetrics(24, 30, 45, 4.8, 0.001));
        return send("POST", "/merchants", token, merchant, null, 201).get("id").asText();
    }

    private interface Cost {
        long of(int index);
    }

    /** Posts listings 16 at a time: 100.00 each (reference 100.00), 500 g, 20 an hour, cost as given. */
    private List<JsonNode> postListings(String token, String merchant, int count, Cost cost)
            throws IOException, InterruptedException {
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            answers.add(http.sendAsync(request("POST", "/merchants/" + merchant + "/listings", token,
                            new NewListing("压测商品 " + i, "粮油", 10_000, 10_000L, cost.of(i), new BigDecimal("500"),
                                    WeightUnit.G, 20.0), null), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> inFlight.release()));
        }
        List<JsonNode> listings = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.join();
            if (response.statusCode() != 201) {
                throw new IOException("cannot post a listing: HTTP " + response.statusCode() + " " + response.body());
            }
            listings.add(JSON.readTree(response.body()));
        }
        return listings;
    }

    private interface Call {
        void run() throws IOException, InterruptedException;
    }

    private static long timed(Call call) throws IOException, InterruptedException {
        long started = System.nanoTime();
        call.run();
        return System.nanoTime() - started;
    }

    private static String describe(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "median %.0f ms, best %.0f ms, worst %.0f ms", percentile(sorted, 50),
                percentile(sorted, 0), percentile(sorted, 100));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private String signIn(String login, String password) throws IOException, InterruptedException {
        return send("POST", "/session", null, new SessionRequest(login, password), null, 201).get("token").asText();
    }

    private JsonNode send(String method, String path, String token, Object body, String key, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(method, path, token, body, key),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpRequest request(String method, String path, String token, Object body, String key) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            builder.header("Idempotency-Key", key);
        }
        return builder.build();
    }
}
