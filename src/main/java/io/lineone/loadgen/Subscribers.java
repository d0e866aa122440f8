package io.lineone.loadgen;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * N consoles' worth of {@code GET /events} streams, read by OkHttp's own SSE client (not the project's), held open
 * for a run. Each posted request's event is recognised by the run's marker and sequence number in its payload:
 * counted per sequence (so a miss or a second delivery shows) and timed from when its request was due. A stream
 * the server ends (a slow reader dropped, a backend restarting) is opened again with {@code Last-Event-ID}, as a
 * console does; ids going backwards on one stream count as duplicates.
 */
final class Subscribers implements AutoCloseable {

    private static final List<String> TRACKED = List.of("issue.created", "listing.updated");

    private final OkHttpClient client;
    private final String url;
    private final String token;
    private final String marker;
    private final List<Stream> streams = new ArrayList<>();
    private final ScheduledExecutorService reconnects;
    private final AtomicLongArray due;
    private final AtomicLongArray sentAt;
    private final AtomicIntegerArray deliveries;
    /** The id of the event that answered each request: a later event carrying the same marker is another's. */
    private final AtomicLongArray eventOf;
    private final AtomicIntegerArray acknowledged;
    private final Histogram latency = new Histogram();
    /** From when the request actually left: the backend's part alone when the generator falls behind schedule. */
    private final Histogram fromSend = new Histogram();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong reopened = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean closing;

    /** @param capacity how many request sequence numbers are tracked (the run's requests) */
    Subscribers(String api, String token, String marker, int capacity) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(100_000);
        dispatcher.setMaxRequestsPerHost(100_000);
        // No connect or read timeout: with either, every read of every stream goes through okio's shared timeout
        // watchdog (a lock 500 readers take on each wake-up) and a non-blocking socket (read, poll, read again:
        // three system calls where a blocking read is one). On the 2 cores the backend shares, that was CPU taken
        // from the backend being measured. A stream still ends with the run: close() cancels it, which closes its
        // socket; the opening is bounded by open()'s own timeout.
        this.client = new OkHttpClient.Builder().dispatcher(dispatcher).connectTimeout(Duration.ZERO)
                .readTimeout(Duration.ZERO).retryOnConnectionFailure(false).build();
        this.url = api + "/events";
        this.token = token;
        this.marker = marker;
        this.due = new AtomicLongArray(capacity);
        this.sentAt = new AtomicLongArray(capacity);
        this.deliveries = new AtomicIntegerArray(capacity);
        this.eventOf = new AtomicLongArray(capacity);
        this.acknowledged = new AtomicIntegerArray(capacity);
        this.reconnects = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "loadgen-sse-reconnect");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Opens {@code count} streams and waits until each has its response headers (so it misses nothing after). */
    void open(int count, Duration timeout) throws IOException, InterruptedException {
        CountDownLatch opened = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            Stream stream = new Stream(opened);
            streams.add(stream);
            stream.connect();
        }
        if (!opened.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IOException(opened.getCount() + " of " + count + " event streams did not open within "
                    + timeout.toSeconds() + " s");
        }
    }

    int count() {
        return streams.size();
    }

    /** The request with sequence {@code seq} is due at {@code nanos} (its event is timed from then). */
    void due(long seq, long nanos) {
        if (seq < due.length()) {
            due.set((int) seq, nanos);
        }
    }

    /** The request with sequence {@code seq} left at {@code nanos}. */
    void sent(long seq, long nanos) {
        if (seq < sentAt.length()) {
            sentAt.set((int) seq, nanos);
        }
    }

    /** The request with sequence {@code seq} succeeded: its event is owed to every stream. */
    void acknowledged(long seq) {
        if (seq < acknowledged.length()) {
            acknowledged.set((int) seq, 1);
        }
    }

    long received() {
        return received.get();
    }

    Histogram latency() {
        return latency;
    }

    /** Waits until every acknowledged request's event reached every stream, or {@code timeout} passed. */
    void awaitDelivered(long sent, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end && owed(sent)[0] > 0) {
            Thread.sleep(100);
        }
    }

    /** {missing deliveries, requests some stream missed, deliveries beyond one per stream}. */
    private long[] owed(long sent) {
        long missing = 0;
        long missed = 0;
        long extra = 0;
        int n = streams.size();
        for (int seq = 0; seq < Math.min(sent, acknowledged.length()); seq++) {
            int got = deliveries.get(seq);
            if (acknowledged.get(seq) == 1 && got < n) {
                missing += n - got;
                missed++;
            }
            if (got > n) {
                extra += got - n;
            }
        }
        return new long[] {missing, missed, extra};
    }

    String describe(long sent, double seconds) {
        long[] owed = owed(sent);
        return String.format(Locale.ROOT, "events: %d streams, %d received (%.0f/s); post (due) → delivery ms p50 %.1f,"
                        + " p99 %.1f, max %.1f over %d deliveries (from the request's send: p50 %.1f, p99 %.1f);"
                        + " missing %d (in %d requests), beyond once %d, ids out of order %d;"
                        + " streams reopened %d, failed to reopen %d",
                streams.size(), received.get(), received.get() / seconds, latency.percentileMillis(50),
                latency.percentileMillis(99), latency.maxMillis(), latency.count(), fromSend.percentileMillis(50),
                fromSend.percentileMillis(99), owed[0], owed[1], owed[2], duplicates.get(), reopened.get(),
                failures.get());
    }

    long missing(long sent) {
        return owed(sent)[0];
    }

    long beyondOnce(long sent) {
        return owed(sent)[2] + duplicates.get();
    }

    @Override
    public void close() {
        closing = true;
        for (Stream stream : streams) {
            stream.cancel();
        }
        reconnects.shutdownNow();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** One console's stream; its listener methods run on OkHttp's reader thread of that stream only. */
    private final class Stream extends EventSourceListener {

        private final CountDownLatch opened;
        private volatile EventSource source;
        private volatile long lastId = -1;
        private boolean counted;

        Stream(CountDownLatch opened) {
            this.opened = opened;
        }

        void connect() {
            Request.Builder request = new Request.Builder().url(url).header("Accept", "text/event-stream");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (lastId >= 0) {
                request.header("Last-Event-ID", Long.toString(lastId));
            }
            source = EventSources.createFactory(client).newEventSource(request.build(), this);
        }

        void cancel() {
            EventSource current = source;
            if (current != null) {
                current.cancel();
            }
        }

        @Override
        public void onOpen(EventSource eventSource, Response response) {
            if (!counted) {
                counted = true;
                opened.countDown();
            }
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            long now = System.nanoTime();
            received.incrementAndGet();
            long eventId = -1;
            if (id != null) {
                eventId = Long.parseLong(id);
                if (eventId <= lastId) {
                    duplicates.incrementAndGet();
                    return;
                }
                lastId = eventId;
            }
            if (type == null || !TRACKED.contains(type)) {
                return;
            }
            int at = data.indexOf(marker);
            if (at < 0) {
                return;
            }
            long seq = 0;
            for (int i = at + marker.length(); i < data.length() && Character.isDigit(data.charAt(i)); i++) {
                seq = seq * 10 + (data.charAt(i) - '0');
            }
            if (seq < deliveries.length()) {
                // Streams get events in id order, so the first event with this marker is the same for all of them;
                // a later one (a detector's issue quoting a marked listing title, another change to that listing)
                // answers someone else.
                eventOf.compareAndSet((int) seq, 0, eventId);
                if (eventOf.get((int) seq) != eventId) {
                    return;
                }
                deliveries.incrementAndGet((int) seq);
                latency.record(now - due.get((int) seq));
                fromSend.record(now - sentAt.get((int) seq));
            }
        }

        @Override
        public void onClosed(EventSource eventSource) {
            reopen();
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable error, Response response) {
            if (response != null && response.code() >= 400 && response.code() < 500) {
                failures.incrementAndGet();
                return;
            }
            reopen();
        }

        private void reopen() {
            if (closing) {
                return;
            }
            reopened.incrementAndGet();
            try {
                reconnects.schedule(this::connect, 100, TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
            }
        }
    }
}
