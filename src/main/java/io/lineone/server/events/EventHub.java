package io.lineone.server.events;

import io.lineone.api.EventTypes;
import io.lineone.api.Role;
import io.lineone.server.auth.Visibility;
import io.lineone.server.core.Caller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans committed domain events out to the SSE subscribers of this backend, in id order.
 *
 * <p>The database log is the source of truth; this hub only moves what it holds faster. Writers hand their
 * committed events to {@link #published} (no I/O, no waiting); another backend's are announced by
 * {@link PgNotifications} (LISTEN/NOTIFY, PostgreSQL only). Either is only a hint that the log has grown: one
 * dispatcher thread reads the log after the last id it delivered, up to the stable horizon ({@link EventLog}: no
 * event can ever appear below it), and delivers that run in id order. So a hole — a later id reported first, or
 * an event of another backend — is never skipped: it is simply not below the horizon yet, and the next read takes
 * it. While a reported id is not delivered yet (on PostgreSQL: an older transaction is still open), the
 * dispatcher reads again after a short, growing pause; when idle it checks the log every {@code pollInterval},
 * the safety net for a lost notification.
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
     * How long the dispatcher lets commits gather, counted from the first one it hears of, before it reads the log
     * and hands the run to every subscriber. Each subscriber then sends what it got in one write and one flush, and
     * its client wakes once: at 200 events/s that is a write per subscriber every ~15 ms instead of one per event
     * (100,000 writes and as many client wake-ups a second for 500 streams). 15 ms spends a sixth of the 100 ms
     * post → delivery budget, and a console paints what came once a frame (16.7 ms) anyway. A lone event on a
     * quiet stream waits at most this long.
     */
    static final long LINGER_MILLIS = 15;
    /** First and last pause before reading again while a reported event is not yet below the stable horizon. */
    private static final long FIRST_RETRY_MILLIS = 2;
    private static final long LAST_RETRY_MILLIS = 100;

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
    /** Frames of events reported by writers here and not yet delivered, by id; guarded by {@link #lock}. */
    private final TreeMap<Long, Frame> pending = new TreeMap<>();
    /** Id of the last event delivered to subscribers; written by the dispatcher under {@link #lock}. */
    private long position;
    /** The highest id known to be committed (reported here or by another backend); guarded by {@link #lock}. */
    private long reported;
    /** Whether there is news since the dispatcher last read the log; guarded by {@link #lock}. */
    private boolean signalled;
    /** When the first news since the last read came ({@link System#nanoTime}); guarded by {@link #lock}. */
    private long signalledAt;
    private volatile LongConsumer announcer;
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
        long highest = frames.get(frames.size() - 1).id();
        synchronized (lock) {
            for (Frame frame : frames) {
                if (frame.id() > position) {
                    pending.put(frame.id(), frame);
                }
            }
            wake(highest);
        }
        LongConsumer toOthers = announcer;
        if (toOthers != null) {
            toOthers.accept(highest);
        }
    }

    /** Another backend committed events up to {@code highestId} (or, with 0, may have: a link was down). */
    void heard(long highestId) {
        synchronized (lock) {
            wake(highestId);
        }
    }

    /** Tells the other backends of every event published here (the cluster link, once it is up). */
    void announceTo(LongConsumer others) {
        this.announcer = others;
    }

    /** Guarded by {@link #lock}. */
    private void wake(long highestId) {
        reported = Math.max(reported, highestId);
        if (!signalled) {
            signalled = true;
            signalledAt = System.nanoTime();
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
        long lingerNanos = TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
        long retryMillis = FIRST_RETRY_MILLIS;
        while (!closed) {
            synchronized (lock) {
                try {
                    if (!signalled) {
                        // Something reported but not below the horizon yet: look again soon; else wait for news.
                        lock.wait(reported > position ? retryMillis : pollMillis);
                    }
                    // Let the commits of the next few milliseconds join this one: one read and, for each
                    // subscriber, one write for all of them. Never longer than the linger from the first news.
                    long left;
                    while (signalled && !closed && (left = signalledAt + lingerNanos - System.nanoTime()) > 0) {
                        TimeUnit.NANOSECONDS.timedWait(lock, left);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) {
                    return;
                }
                signalled = false;
            }
            try {
                boolean more = catchUp();
                synchronized (lock) {
                    if (more) {
                        // A full page: the rest is already late, read it at once.
                        signalled = true;
                        signalledAt = System.nanoTime() - lingerNanos;
                    }
                    retryMillis = reported > position && !more
                            ? Math.min(retryMillis * 2, LAST_RETRY_MILLIS) : FIRST_RETRY_MILLIS;
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot read the event log: {}", e.getMessage());
                pause(pollMillis);
            }
        }
    }

    /**
     * Delivers one page of the stable log after the last delivered id; the frames writers reported are used as they
     * are. Returns whether a full page was read (there may be more).
     */
    private boolean catchUp() {
        long from;
        synchronized (lock) {
            from = position;
        }
        List<EventLog.StoredEvent> events = log.after(from, READ_PAGE);
        if (events.isEmpty()) {
            return false;
        }
        List<Frame> frames = new ArrayList<>(events.size());
        synchronized (lock) {
            for (EventLog.StoredEvent event : events) {
                Frame reportedFrame = pending.get(event.id());
                frames.add(reportedFrame != null ? reportedFrame : Frame.of(event));
            }
        }
        deliver(frames);
        return events.size() == READ_PAGE;
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
