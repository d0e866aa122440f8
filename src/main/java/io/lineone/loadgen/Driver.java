package io.lineone.loadgen;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends requests open loop: each is due on a fixed schedule and its latency counts from when it was due, so a
 * server that stalls is not flattered by requests the generator did not get to send. Prints a progress line a
 * second: what was sent, answered and failed, the latency so far, and the events the subscribers received.
 */
final class Driver {

    private final HttpClient http;
    private final Options options;
    private final PrintStream out;
    private final Subscribers subscribers;
    private final Histogram latency = new Histogram();
    private final Map<String, Long> failures = new ConcurrentSkipListMap<>();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile long sent;

    /** @param subscribers the run's streams, or null */
    Driver(HttpClient http, Options options, PrintStream out, Subscribers subscribers) {
        this.http = http;
        this.options = options;
        this.out = out;
        this.subscribers = subscribers;
    }

    Report drive(Workload.Requests requests) throws InterruptedException {
        Semaphore inFlight = new Semaphore(options.connections());
        long start = System.nanoTime();
        long end = start + options.durationSeconds() * 1_000_000_000L;
        long total = (long) options.rate() * options.durationSeconds();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "loadgen-progress");
            thread.setDaemon(true);
            return thread;
        });
        progress.scheduleAtFixedRate(() -> out.println(progress(start)), 1, 1, TimeUnit.SECONDS);
        try {
            long seq = 0;
            while (options.rate() > 0 ? seq < total : System.nanoTime() < end) {
                long due = options.rate() > 0 ? start + seq * 1_000_000_000L / options.rate() : System.nanoTime();
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                inFlight.acquire();
                long scheduled = due;
                long mine = seq++;
                if (subscribers != null) {
                    subscribers.due(mine, scheduled);
                }
                sent = seq;
                if (subscribers != null) {
                    subscribers.sent(mine, System.nanoTime());
                }
                http.sendAsync(requests.next(mine), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
                    latency.record(System.nanoTime() - scheduled);
                    if (error != null || response.statusCode() >= 400) {
                        failed.incrementAndGet();
                        failures.merge(error != null ? error.getClass().getSimpleName() : "HTTP " + response.statusCode(),
                                1L, Long::sum);
                    } else {
                        ok.incrementAndGet();
                        if (subscribers != null) {
                            subscribers.acknowledged(mine);
                        }
                        requests.answered(response);
                    }
                    inFlight.release();
                });
            }
            inFlight.acquire(options.connections());
        } finally {
            progress.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Report(sent, Map.copyOf(failures), seconds, latency);
    }

    private String progress(long start) {
        String line = String.format(Locale.ROOT, "%5.0f s: sent %d, ok %d, errors %d; latency ms p50 %.1f, p99 %.1f",
                (System.nanoTime() - start) / 1e9, sent, ok.get(), failed.get(), latency.percentileMillis(50),
                latency.percentileMillis(99));
        if (subscribers == null) {
            return line;
        }
        Histogram delivery = subscribers.latency();
        return line + String.format(Locale.ROOT, "; events received %d, delivery ms p50 %.1f, p99 %.1f",
                subscribers.received(), delivery.percentileMillis(50), delivery.percentileMillis(99));
    }

    /** What one run's requests achieved. */
    record Report(long sent, Map<String, Long> failuresByReason, double seconds, Histogram latency) {

        long failures() {
            return failuresByReason.values().stream().mapToLong(Long::longValue).sum();
        }

        double throughput() {
            return (sent - failures()) / seconds;
        }

        double percentileMillis(double p) {
            return latency.percentileMillis(p);
        }

        String describe() {
            return String.format(Locale.ROOT,
                    "sent %d, failed %d%s, %.1f s: %.0f ok/s; latency ms p50 %.1f, p90 %.1f, p99 %.1f, max %.1f",
                    sent, failures(), failuresByReason.isEmpty() ? "" : " " + new TreeMap<>(failuresByReason),
                    seconds, throughput(), percentileMillis(50), percentileMillis(90), percentileMillis(99),
                    percentileMillis(100));
        }
    }
}
