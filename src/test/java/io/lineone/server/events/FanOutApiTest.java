package io.lineone.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Priority;
import io.lineone.testing.Await;
import io.lineone.testing.PostgresExtension;
import io.lineone.testing.SharedPostgres;
import io.lineone.testing.SseReader;
import io.lineone.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stream's promises now that the hub lets commits gather for {@link EventHub#LINGER_MILLIS} and each
 * subscriber sends what it got in one write: a burst arrives in order and exactly once (read by OkHttp's own SSE
 * client, as the consoles and the load generator do), a lone event on a quiet stream is not held back, and a
 * client that hangs up in the middle of a burst resumes with no gap and no duplicate. On H2 and PostgreSQL.
 */
@ExtendWith(PostgresExtension.class)
class FanOutApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Generous beside the linger (15 ms): a lone event held for the next one, or the 2 s poll, would pass it. */
    private static final Duration PROMPT = Duration.ofMillis(500);
    private static final int WRITERS = 6;
    private static final int ISSUES_PER_WRITER = 15;

    @Test
    void onH2() throws Exception {
        try (TestServer server = TestServer.onH2().heartbeat(Duration.ofSeconds(30)).start()) {
            everyPromise(server);
        }
    }

    @Test
    void onPostgreSql(SharedPostgres postgres) throws Exception {
        try (TestServer server = TestServer.onPostgres(postgres).heartbeat(Duration.ofSeconds(30)).start()) {
            everyPromise(server);
        }
    }

    private void everyPromise(TestServer server) throws Exception {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ZERO).build();
        // Made first: a new merchant is an event too, and each check counts the events of its own posts only.
        List<String> merchants = List.of(server.unassignedMerchant().id(), server.unassignedMerchant().id());
        try {
            aBurstArrivesInOrderExactlyOnce(server, http, merchants);
            aLoneEventOnAQuietStreamArrivesPromptly(server, http, merchants.get(0));
            aStreamCutInTheMiddleOfABurstResumesWithNoGapAndNoDuplicate(server, merchants);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private void aBurstArrivesInOrderExactlyOnce(TestServer server, OkHttpClient http, List<String> merchants)
            throws Exception {
        long start = lastId(server);
        List<Listener> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                streams.add(Listener.open(http, server, null));
            }
            List<String> posted = burst(server, merchants);

            List<Long> log = ids(server, start);
            assertThat(log).hasSize(posted.size());
            for (Listener stream : streams) {
                Await.until(WAIT, () -> stream.count() >= log.size(), log.size() + " events on every stream");
                List<Received> got = stream.received();
                assertThat(got).extracting(Received::id).as("the log, in order, each once").isEqualTo(log);
                assertThat(got).extracting(Received::type).containsOnly("issue.created");
                for (String issue : posted) {
                    assertThat(got).filteredOn(event -> event.data().contains(issue)).as(issue).hasSize(1);
                }
            }
        } finally {
            streams.forEach(Listener::close);
        }
    }

    private void aLoneEventOnAQuietStreamArrivesPromptly(TestServer server, OkHttpClient http, String merchant) {
        Listener stream = Listener.open(http, server, null);
        try {
            for (int i = 1; i <= 3; i++) {
                int before = stream.count();
                String issue = server.issue(merchant, Priority.P2).id();
                long answered = System.nanoTime();
                // The stream is quiet otherwise: nothing else comes along to fill the write.
                Await.until(WAIT, () -> stream.count() > before, "the lone event");
                Received got = stream.received().get(before);
                assertThat(got.data()).contains(issue);
                assertThat(Duration.ofNanos(got.at() - answered)).as("from the POST's answer to the event")
                        .isLessThan(PROMPT);
            }
        } finally {
            stream.close();
        }
    }

    private void aStreamCutInTheMiddleOfABurstResumesWithNoGapAndNoDuplicate(TestServer server, List<String> merchants)
            throws Exception {
        long start = lastId(server);
        List<Long> got = new ArrayList<>();
        long last = start;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> writing = pool.submit(() -> burst(server, merchants));
            // Hang up after a few events, again and again, while the burst goes on; resume from the last id each time.
            int total = WRITERS * ISSUES_PER_WRITER;
            long deadline = System.nanoTime() + 3 * WAIT.toNanos();
            while (got.size() < total) {
                assertThat(System.nanoTime()).as("every event within " + 3 * WAIT.toSeconds() + " s").isLessThan(deadline);
                try (SseReader stream = server.events(server.adminToken(), last, null)) {
                    for (int i = 0; i < 7 && got.size() < total; i++) {
                        SseReader.Event event = stream.next(writing.isDone() ? WAIT : Duration.ofMillis(200));
                        if (event == null) {
                            break;
                        }
                        assertThat(event.id()).as("in order, no duplicate").isGreaterThan(last);
                        got.add(event.id());
                        last = event.id();
                    }
                }
            }
            writing.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(got).as("no gap").isEqualTo(ids(server, start));
    }

    /** {@link #WRITERS} threads post {@link #ISSUES_PER_WRITER} issues each, as fast as they are answered. */
    private static List<String> burst(TestServer server, List<String> merchants) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<List<String>>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String merchant = merchants.get(w % merchants.size());
                writers.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < ISSUES_PER_WRITER; i++) {
                        ids.add(server.issue(merchant, Priority.values()[i % 4]).id());
                    }
                    return ids;
                }));
            }
            List<String> posted = new ArrayList<>();
            for (Future<List<String>> writer : writers) {
                posted.addAll(writer.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
            return posted;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long lastId(TestServer server) throws Exception {
        List<Long> all = ids(server, -1);
        return all.isEmpty() ? 0 : all.get(all.size() - 1);
    }

    /** The ids in the log after {@code start}, in order. */
    private static List<Long> ids(TestServer server, long start) throws Exception {
        try (Connection db = server.database();
             PreparedStatement select = db.prepareStatement("select id from domain_event where id > ? order by id")) {
            select.setLong(1, start);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    /** One event as OkHttp's SSE client gave it, with when ({@link System#nanoTime}). */
    private record Received(long id, String type, String data, long at) {
    }

    /** A stream read by OkHttp's own SSE client; open once its response headers came (it misses nothing after). */
    private static final class Listener extends EventSourceListener {
        private final List<Received> received = new ArrayList<>();
        private volatile boolean opened;
        private EventSource source;

        static Listener open(OkHttpClient http, TestServer server, Long lastEventId) {
            Request.Builder request = new Request.Builder().url(server.url() + "/api/v1/events")
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + server.adminToken());
            if (lastEventId != null) {
                request.header("Last-Event-ID", Long.toString(lastEventId));
            }
            Listener listener = new Listener();
            listener.source = EventSources.createFactory(http).newEventSource(request.build(), listener);
            Await.until(WAIT, () -> listener.opened, "the stream's response headers");
            return listener;
        }

        @Override
        public void onOpen(EventSource eventSource, Response response) {
            opened = true;
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            Received event = new Received(Long.parseLong(id), type, data, System.nanoTime());
            synchronized (this) {
                received.add(event);
            }
        }

        synchronized int count() {
            return received.size();
        }

        synchronized List<Received> received() {
            return List.copyOf(received);
        }

        void close() {
            source.cancel();
        }
    }
}
