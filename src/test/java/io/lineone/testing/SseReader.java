package io.lineone.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test's reader of {@code GET /events}: a thread of its own parses the frames into a queue, so the test reads
 * events with a timeout and can tell comments (the greeting and heartbeats) and the end of the stream apart.
 */
public final class SseReader implements AutoCloseable {

    /** One event as received. */
    public record Event(long id, String type, String data) {

        public JsonNode json() {
            return ApiClient.read(data, JsonNode.class, "event " + id);
        }

        /** The payload read as one of the wire records of {@code io.lineone.api}. */
        public <T> T as(Class<T> type) {
            return ApiClient.read(data, type, "event " + id);
        }
    }

    private final InputStream body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private volatile boolean ended;

    private SseReader(InputStream body) {
        this.body = body;
        Thread reader = new Thread(this::read, "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Opens a stream and checks that it is one.
     *
     * @param lastEventId sent as {@code Last-Event-ID}; null sends no such header
     * @param query       the query string without {@code ?}; null for none
     */
    public static SseReader open(ApiClient api, String token, Long lastEventId, String query) {
        Map<String, String> headers = new HashMap<>(Map.of("Accept", "text/event-stream"));
        if (lastEventId != null) {
            headers.put("Last-Event-ID", Long.toString(lastEventId));
        }
        HttpResponse<InputStream> response = api.stream("/events" + (query == null ? "" : "?" + query), token, headers);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        return new SseReader(response.body());
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            Long id = null;
            String type = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id == null ? -1 : id, type, data.toString()));
                    }
                    id = null;
                    type = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder(line.substring(6)) : data.append('\n').append(line.substring(6));
                }
            }
        } catch (IOException e) {
            // The test closed the stream, or the server did: either way it has ended.
        } finally {
            ended = true;
        }
    }

    /** The next event, or null if none came within the timeout. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether an event has arrived that {@link #next} has not returned yet. */
    public boolean hasPending() {
        return !events.isEmpty();
    }

    /** Every event received and not yet returned by {@link #next}, in order. */
    public List<Event> drain() {
        List<Event> pending = new ArrayList<>();
        events.drainTo(pending);
        return pending;
    }

    /** How many comment lines came: the {@code : connected} greeting, then one per heartbeat. */
    public int comments() {
        return comments.get();
    }

    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // Closing a stream that has already ended has nothing left to do.
        }
    }
}
