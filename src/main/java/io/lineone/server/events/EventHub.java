package io.lineone.server.events;

import io.lineone.api.EventTypes;
import io.lineone.api.Role;
import io.lineone.server.auth.Visibility;
import io.lineone.server.core.Caller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans committed domain events out to the SSE subscribers of this backend, in id order.
 *
 * <p>The database log is the source of truth; this hub only moves what it holds faster. Writers hand their
 * committed events to {@link #published} (no I/O, no waiting). One dispatcher thread delivers them strictly in
 * id order: because {@link EventLog} ids are dense and commit in order, the next event to deliver is always
 * "position + 1". If a later id arrives first (its writer committed after the missing one but reported sooner),
 * or another backend wrote to the log, the dispatcher reads the missing run from the database. It also checks
 * the log's head every {@code pollInterval} when idle, which is what lets several backends share one database
 * today (a PostgreSQL LISTEN/NOTIFY could wake it instead, for lower latency).
 *
 * <p>Each event is encoded once ({@link Frame}) and its bytes shared by every subscriber who may see it. Each
 * subscriber has a bounded queue; delivery to it is a non-blocking {@code offer}. A few writer threads (not one per
 * subscriber) send each subscriber's backlog in one write and one flush, without waiting for the client
 * ({@link SseSink}). A subscriber whose queue overflows (a stalled or slow client) is dropped: its stream ends and
 * the client resumes with {@code Last-Event-ID}, replayed from the log. So nobody waits for a slow reader. A clock
 * thread marks heartbeats and token checks due.
 */
public final class EventHub implements EventPublisher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final int READ_PAGE = 1000;

    /**
     * @param heartbeat     idle time after which a comment line is sent, so proxies and clients see a live stream
     * @param queueCapacity events buffered per subscriber before it is dropped
     * @param replayPage    events read from the log per query when replaying
     * @param pollInterval  how often an idle dispatcher checks the log's head for events it was not told about
     */
    public record Settings(Duration heartbeat, int queueCapacity, int replayPage, Duration pollInterval) {

        public static final Settings DEFAULT =
                new Settings(Duration.ofSeconds(15), 10_000, 500, Duration.ofSeconds(2));

        public Settings {
            if (heartbeat.toMillis() <= 0 || queueCapacity < 1 || replayPage < 1 || pollInterval.toMillis() <= 0) {
                throw new IllegalArgumentException("event stream settings must be positive");
            }
        }

        public Settings withHeartbeat(Duration newHeartbeat) {
            return new Settings(newHeartbeat, queueCapacity, replayPage, pollInterval);
        }
    }

    private final EventLog log;
    private final Settings settings;
    private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
    /** Writers: enough to keep the cores busy, and a few spare for streams replaying from the database. */
    private final ExecutorService writers;
    private final ScheduledExecutorService clock;
    private final Thread dispatcher;

    private final Object lock = new Object();
    /** Events reported by writers and not yet delivered, by id; guarded by {@link #lock}. */
    private final TreeMap<Long, Frame> pending = new TreeMap<>();
    /** Id of the last event delivered to subscribers; written by the dispatcher under {@link #lock}. */
    private long position;
    private volatile boolean closed;

    public EventHub(EventLog log, Settings settings) {
        this.log = log;
        this.settings = settings;
        this.position = log.lastId();
        AtomicInteger count = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors()), task -> {
            Thread thread = new Thread(task, "lineone-sse-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.clock = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lineone-sse-clock");
            thread.setDaemon(true);
            return thread;
        });
        long tick = Math.max(10, Math.min(1_000, settings.heartbeat().toMillis() / 2));
        this.clock.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
        this.dispatcher = new Thread(this::dispatchLoop, "lineone-event-dispatcher");
        this.dispatcher.setDaemon(true);
        this.dispatcher.start();
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public void published(List<EventLog.StoredEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Frame> frames = new ArrayList<>(events.size());
        for (EventLog.StoredEvent event : events) {
            frames.add(Frame.of(event));
        }
        synchronized (lock) {
            for (Frame frame : frames) {
                if (frame.id() > position) {
                    pending.put(frame.id(), frame);
                }
            }
            lock.notifyAll();
        }
    }

    /**
     * Registers a subscriber and fixes where its stream starts, before anything is sent: no event committed from
     * now on can pass it by. With {@code since} null the stream starts after the newest event now; so when a
     * client sees the response headers (sent after this), it knows every later change will reach it.
     *
     * @param since the last id the client has (replay everything after it); null for "from now on"
     */
    Subscription subscribe(Caller caller, Long since) {
        // A machine account of the marketplace never hears the team's internal events (notes).
        return subscribe(Visibility.of(caller), caller.is(Role.SERVICE)
                ? type -> !EventTypes.INTERNAL.contains(type) : type -> true, since);
    }

    Subscription subscribe(Visibility shown, Long since) {
        return subscribe(shown, type -> true, since);
    }

    private Subscription subscribe(Visibility shown, Predicate<String> types, Long since) {
        Subscription subscription = new Subscription(this, log, shown, types, settings, writers);
        subscribers.add(subscription);
        subscription.startAfter(since != null ? since : log.lastId(), since != null);
        return subscription;
    }

    /** Sends a registered subscriber's stream to {@code sink}, on the writer threads. */
    void start(Subscription subscription, EventSink sink) {
        subscription.attach(sink);
        if (closed) {
            cancel(subscription);
            return;
        }
        subscription.begin();
    }

    /** Forgets a subscriber whose stream never started, or ends one that did. */
    void cancel(Subscription subscription) {
        subscribers.remove(subscription);
        subscription.stop();
        subscription.finish();
    }

    /** Registers and starts in one go (tests). */
    Subscription open(Visibility shown, Long since, EventSink sink) {
        Subscription subscription = subscribe(shown, since);
        start(subscription, sink);
        return subscription;
    }

    void remove(Subscription subscription) {
        subscribers.remove(subscription);
    }

    /** How many streams are open now. */
    public int subscriberCount() {
        return subscribers.size();
    }

    private void dispatchLoop() {
        long pollMillis = settings.pollInterval().toMillis();
        while (!closed) {
            List<Frame> ready = new ArrayList<>();
            boolean readLog;
            long from;
            synchronized (lock) {
                if (pending.isEmpty()) {
                    try {
                        lock.wait(pollMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                boolean idle = pending.isEmpty();
                long next = position + 1;
                Map.Entry<Long, Frame> head;
                while ((head = pending.firstEntry()) != null && head.getKey() <= next) {
                    pending.pollFirstEntry();
                    if (head.getKey() == next) {
                        ready.add(head.getValue());
                        next++;
                    }
                }
                // A hole before the first pending event, or an idle tick: look in the log itself.
                readLog = !pending.isEmpty() || idle;
                from = next - 1;
            }
            deliver(ready);
            if (readLog) {
                try {
                    catchUp(from);
                } catch (RuntimeException e) {
                    LOG.warn("cannot read the event log: {}", e.getMessage());
                    pause(pollMillis);
                }
            }
        }
    }

    /** Delivers every logged event after {@code from} that the in-process path has not delivered yet. */
    private void catchUp(long from) {
        long cursor = from;
        while (!closed) {
            if (log.lastId() <= cursor) {
                return;
            }
            List<EventLog.StoredEvent> events = log.after(cursor, READ_PAGE);
            if (events.isEmpty()) {
                return;
            }
            List<Frame> frames = new ArrayList<>(events.size());
            for (EventLog.StoredEvent event : events) {
                frames.add(Frame.of(event));
            }
            deliver(frames);
            cursor = events.get(events.size() - 1).id();
            if (events.size() < READ_PAGE) {
                return;
            }
        }
    }

    private void deliver(List<Frame> frames) {
        if (frames.isEmpty()) {
            return;
        }
        for (Subscription subscription : subscribers) {
            subscription.offer(frames);
        }
        synchronized (lock) {
            position = Math.max(position, frames.get(frames.size() - 1).id());
            pending.headMap(position, true).clear();
        }
    }

    private void tick() {
        long now = System.nanoTime();
        for (Subscription subscription : subscribers) {
            subscription.tick(now);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends every stream and stops the dispatcher; clients will resume against the next backend. */
    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        clock.shutdownNow();
        dispatcher.interrupt();
        // End every stream's response here, before the HTTP server stops: a response ended after that finds its
        // request recycled, and Jetty and Javalin log the failure.
        for (Subscription subscription : subscribers) {
            subscription.stop();
            subscription.finish();
        }
        writers.shutdown();
        try {
            writers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writers.shutdownNow();
    }
}
