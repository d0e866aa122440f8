package io.lineone.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Sends requests open loop: each is due on a fixed schedule and its latency counts from when it was due, so a
 * server that stalls is not flattered by requests the generator did not get to send. Prints a progress line a
 * second: what was sent, answered and failed, the latency so far, and the events the subscribers received.
 *
 * <p>One thread per connection, each taking the next due request and making a blocking call: on the 2-core
 * machines these runs share with the backend, that costs a fifth of the CPU per request of an asynchronous client
 * (the JDK's HttpClient spent more than the backend it measured), so the figures are the backend's.
 */
final class Driver {

    private final OkHttpClient http;
    private final Options options;
    private final PrintStream out;
    private final Subscribers subscribers;
    private final Histogram latency = new Histogram();
    private final Map<String, Long> failures = new ConcurrentSkipListMap<>();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();

    /** @param subscribers the run's streams, or null */
    Driver(OkHttpClient http, Options options, PrintStream out, Subscribers subscribers) {
        this.http = http;
        this.options = options;
        this.out = out;
        this.subscribers = subscribers;
    }

    Report drive(Workload.Requests requests) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + options.durationSeconds() * 1_000_000_000L;
        long total = (long) options.rate() * options.durationSeconds();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "loadgen-progress");
            thread.setDaemon(true);
            return thread;
        });
        progress.scheduleAtFixedRate(() -> out.println(progress(start)), 1, 1, TimeUnit.SECONDS);
        List<Thread> connections = new ArrayList<>();
        try {
            for (int c = 0; c < options.connections(); c++) {
                Thread connection = new Thread(() -> send(requests, start, end, total), "loadgen-connection-" + c);
                connection.setDaemon(true);
                connection.start();
                connections.add(connection);
            }
            for (Thread connection : connections) {
                connection.join();
            }
        } finally {
            progress.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Report(sent.get(), Map.copyOf(failures), seconds, latency);
    }

    /** One connection's loop: takes the next sequence number, waits until it is due, sends it and records it. */
    private void send(Workload.Requests requests, long start, long end, long total) {
        while (true) {
            // Every number taken is sent, so the run's requests are exactly 0 .. sent-1 (the subscribers count on it).
            if (options.rate() == 0 && System.nanoTime() >= end) {
                return;
            }
            long seq = next.getAndIncrement();
            if (options.rate() > 0 && seq >= total) {
                return;
            }
            long due = options.rate() > 0 ? start + seq * 1_000_000_000L / options.rate() : System.nanoTime();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (subscribers != null) {
                subscribers.due(seq, due);
                subscribers.sent(seq, System.nanoTime());
            }
            sent.incrementAndGet();
            String failure = null;
            byte[] body = null;
            try (Response response = http.newCall(requests.next(seq)).execute()) {
                body = response.body().bytes();
                if (response.code() >= 400) {
                    failure = "HTTP " + response.code();
                }
            } catch (IOException | RuntimeException e) {
                failure = e.getClass().getSimpleName();
            }
            latency.record(System.nanoTime() - due);
            if (failure != null) {
                failed.incrementAndGet();
                failures.merge(failure, 1L, Long::sum);
            } else {
                ok.incrementAndGet();
                if (subscribers != null) {
                    subscribers.acknowledged(seq);
                }
                requests.answered(body);
            }
        }
    }

    private String progress(long start) {
        String line = String.format(Locale.ROOT, "%5.0f s: sent %d, ok %d, errors %d; latency ms p50 %.1f, p99 %.1f",
                (System.nanoTime() - start) / 1e9, sent.get(), ok.get(), failed.get(), latency.percentileMillis(50),
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
