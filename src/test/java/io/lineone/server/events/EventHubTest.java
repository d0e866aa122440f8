package io.lineone.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.server.auth.Visibility;
import io.lineone.server.db.Database;
import io.lineone.testing.Await;
import io.lineone.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hub on its own, with sinks standing in for clients: order, holes, other writers and stalled readers. */
class EventHubTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private TestDatabase database;
    private Database db;
    private EventLog log;
    private EventHub hub;

    @BeforeEach
    void open() {
        database = TestDatabase.h2();
        db = database.db();
        log = new EventLog(db);
    }

    @AfterEach
    void close() {
        if (hub != null) {
            hub.close();
        }
        database.close();
    }

    private EventHub hub(int queueCapacity, Duration pollInterval) {
        hub = new EventHub(log, new EventHub.Settings(Duration.ofSeconds(30), queueCapacity, 100, pollInterval));
        return hub;
    }

    private List<EventLog.StoredEvent> append(String merchantId, String managerId) {
        return db.inTransaction(c -> log.append(c, List.of(new EventLog.NewEvent("issue.created", merchantId, managerId,
                "{\"n\":\"测试\"}", Instant.parse("2026-11-11T00:00:00Z")))));
    }

    @Test
    void aStalledSubscriberIsDroppedWhileOthersAndWritersGoOn() throws Exception {
        hub(8, Duration.ofSeconds(30));
        BlockingSink stalled = new BlockingSink();
        RecordingSink healthy = new RecordingSink();
        Subscription slow = hub.open(Visibility.EVERYTHING, null, stalled);
        hub.open(Visibility.EVERYTHING, null, healthy);
        assertThat(stalled.writing.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        healthy.awaitConnected();

        // A reader that keeps up gets everything; one that takes nothing overflows its 8 places and is dropped.
        // Publishing returns at once all the while: it never waits for a subscriber.
        for (int batch = 1; batch <= 10; batch++) {
            for (int i = 0; i < 4; i++) {
                hub.published(append("mer_a", "usr_a"));
            }
            assertThat(healthy.awaitIds(4 * batch)).isEqualTo(range(1, 4 * batch));
        }
        assertThat(slow.overflowed()).isTrue();
        assertThat(hub.subscriberCount()).isEqualTo(1);

        stalled.release.countDown();
        assertThat(stalled.closed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("its stream is ended").isTrue();
    }

    @Test
    void streamsThatStopReadingHoldNoThreadAndTheOthersGoOn() throws Exception {
        hub(1_000, Duration.ofSeconds(30));
        // More stalled readers than there are writer threads: were a write to wait for its reader, they would
        // take every writer and the healthy stream would starve.
        List<BlockingSink> stalled = new ArrayList<>();
        for (int i = 0; i < 3 * Runtime.getRuntime().availableProcessors() + 8; i++) {
            BlockingSink sink = new BlockingSink();
            hub.open(Visibility.EVERYTHING, null, sink);
            stalled.add(sink);
        }
        RecordingSink healthy = new RecordingSink();
        hub.open(Visibility.EVERYTHING, null, healthy);
        healthy.awaitConnected();
        for (int i = 0; i < 20; i++) {
            hub.published(append("mer_a", "usr_a"));
        }
        assertThat(healthy.awaitIds(20)).isEqualTo(range(1, 20));
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("lineone-sse"))
                .as("a few writer threads and a clock, not a thread per stream")
                .hasSizeLessThanOrEqualTo(Math.max(4, Runtime.getRuntime().availableProcessors()) + 1);
        stalled.forEach(sink -> sink.release.countDown());
    }

    @Test
    void aBacklogLeavesInOneWrite() throws Exception {
        hub(1_000, Duration.ofSeconds(30));
        HeldSink sink = new HeldSink();
        hub.open(Visibility.EVERYTHING, null, sink);
        Await.until(WAIT, () -> sink.writes() == 1, "the greeting is being written");
        // While the greeting is still on its way, 50 events pile up: they follow in one write, in order.
        List<EventLog.StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.addAll(append(null, null));
        }
        hub.published(events);
        sink.answer();
        Await.until(WAIT, () -> sink.writes() == 2, "the backlog is written");
        sink.answer();
        assertThat(sink.ids()).isEqualTo(range(1, 50));
        assertThat(sink.writes()).isEqualTo(2);
    }

    @Test
    void eventsCommittedWithinTheLingerLeaveInOneWritePerSubscriber() throws Exception {
        hub(1_000, Duration.ofSeconds(30));
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        hub.open(Visibility.EVERYTHING, null, first);
        hub.open(Visibility.EVERYTHING, null, second);
        first.awaitConnected();
        second.awaitConnected();
        // A commit every 3 ms (a feed at 333/s), each reported at once: written one by one, that would be 40 writes
        // a stream.
        ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger commits = new AtomicInteger();
        long[] firstAndLast = new long[2];
        try {
            feed.scheduleAtFixedRate(() -> {
                int n = commits.getAndIncrement();
                if (n < 40) {
                    hub.published(append(null, null));
                    firstAndLast[n == 0 ? 0 : 1] = System.nanoTime();
                }
            }, 0, 3, TimeUnit.MILLISECONDS);
            for (RecordingSink sink : List.of(first, second)) {
                assertThat(sink.awaitIds(40)).as("in order, each once").isEqualTo(range(1, 40));
            }
            // While commits keep coming the hub reads the log about once a linger (however late the feed's timer was
            // on a busy machine: the bound follows the time the commits really took), and each stream writes what a
            // read brought in one go. Half the linger: a read itself takes a moment.
            long spanMillis = TimeUnit.NANOSECONDS.toMillis(firstAndLast[1] - firstAndLast[0]);
            for (RecordingSink sink : List.of(first, second)) {
                assertThat(sink.writes() - 1L).as("writes after the greeting, commits over %d ms", spanMillis)
                        .isLessThanOrEqualTo(spanMillis / (EventHub.LINGER_MILLIS / 2) + 2);
            }
        } finally {
            feed.shutdownNow();
        }
    }

    @Test
    void eventsReportedOutOfOrderAreDeliveredInIdOrderOnce() throws Exception {
        hub(100, Duration.ofSeconds(30));
        RecordingSink sink = new RecordingSink();
        hub.open(Visibility.EVERYTHING, null, sink);
        sink.awaitConnected();
        List<EventLog.StoredEvent> first = append(null, null);
        List<EventLog.StoredEvent> second = append(null, null);
        List<EventLog.StoredEvent> third = append(null, null);
        // The writer of 3 reports before those of 1 and 2: the hub fills the hole from the log.
        hub.published(third);
        assertThat(sink.awaitIds(3)).isEqualTo(range(1, 3));
        hub.published(second);
        hub.published(first);
        List<EventLog.StoredEvent> fourth = append(null, null);
        hub.published(fourth);
        assertThat(sink.awaitIds(4)).isEqualTo(range(1, 4));
    }

    @Test
    void eventsWrittenByAnotherBackendArriveThroughTheLog() throws Exception {
        hub(100, Duration.ofMillis(50));
        RecordingSink sink = new RecordingSink();
        hub.open(Visibility.EVERYTHING, null, sink);
        sink.awaitConnected();
        append(null, null);
        append(null, null);
        assertThat(sink.awaitIds(2)).isEqualTo(range(1, 2));
    }

    @Test
    void aManagerGetsTheirOwnAndGlobalEventsLiveAndNothingElse() throws Exception {
        hub(100, Duration.ofSeconds(30));
        RecordingSink sink = new RecordingSink();
        hub.open(Visibility.bookOf("usr_a"), null, sink);
        sink.awaitConnected();
        hub.published(append("mer_b", "usr_b"));
        hub.published(append("mer_a", "usr_a"));
        hub.published(append(null, null));
        assertThat(sink.awaitIds(2)).isEqualTo(List.of(2L, 3L));
    }

    private static List<Long> range(long from, long to) {
        List<Long> ids = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            ids.add(id);
        }
        return ids;
    }

    /** A client that reads nothing: its first write is never answered until released, then it fails. */
    private static final class BlockingSink implements EventSink {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public void write(byte[] bytes, Written done) {
            writing.countDown();
            Thread answer = new Thread(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.failed(new IOException("connection reset"));
            });
            answer.setDaemon(true);
            answer.start();
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    /** A client whose writes are answered one by one when the test says so. */
    private static final class HeldSink implements EventSink {
        private final List<byte[]> written = new ArrayList<>();
        private Written pending;

        @Override
        public synchronized void write(byte[] bytes, Written done) {
            written.add(bytes);
            pending = done;
        }

        synchronized int writes() {
            return written.size();
        }

        void answer() {
            Written done;
            synchronized (this) {
                done = pending;
                pending = null;
            }
            done.written();
        }

        synchronized List<Long> ids() {
            List<Long> ids = new ArrayList<>();
            for (byte[] bytes : written) {
                Matcher matcher = Pattern.compile("^id: (\\d+)$", Pattern.MULTILINE)
                        .matcher(new String(bytes, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    ids.add(Long.parseLong(matcher.group(1)));
                }
            }
            return ids;
        }

        @Override
        public void close() {
        }
    }

    /** A client that keeps everything it is sent. */
    private static final class RecordingSink implements EventSink {
        private static final Pattern ID = Pattern.compile("^id: (\\d+)$", Pattern.MULTILINE);
        private final StringBuilder text = new StringBuilder();
        private int writes;

        @Override
        public void write(byte[] bytes, Written done) {
            synchronized (this) {
                text.append(new String(bytes, StandardCharsets.UTF_8));
                writes++;
            }
            done.written();
        }

        synchronized int writes() {
            return writes;
        }

        @Override
        public void close() {
        }

        void awaitConnected() {
            Await.until(WAIT, () -> text().contains(": connected"), "the stream's greeting");
        }

        /** Waits until {@code count} events came, and returns the ids of all that came. */
        List<Long> awaitIds(int count) {
            Await.until(WAIT, () -> ids().size() >= count, count + " events");
            return ids();
        }

        private synchronized String text() {
            return text.toString();
        }

        private synchronized List<Long> ids() {
            List<Long> ids = new ArrayList<>();
            Matcher matcher = ID.matcher(text);
            while (matcher.find()) {
                ids.add(Long.parseLong(matcher.group(1)));
            }
            return ids;
        }
    }
}
