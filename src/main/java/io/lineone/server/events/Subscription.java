package io.lineone.server.events;

import io.lineone.server.auth.Visibility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open event stream. The hub offers it live events from the moment it is registered; its own thread first
 * replays the log after the client's last id, then sends the buffered live events, skipping every id it has
 * already passed. Why that has no gap and no duplicate:
 * <ul>
 * <li>an event delivered live before registration was committed before registration, so the replay (which
 *     starts after registration) reads it;
 * <li>an event delivered live after registration is in the buffer;
 * <li>the replay reads up to some id R; buffered ids ≤ R are skipped, the rest follow in id order, since the
 *     hub delivers in id order.
 * </ul>
 */
final class Subscription {

    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);
    private static final int BATCH = 256;

    private final EventHub hub;
    private final EventLog log;
    private final Visibility shown;
    /** The event types this caller's role may hear at all (a SERVICE account: none of the team's internal ones). */
    private final Predicate<String> types;
    private final EventHub.Settings settings;
    private final BlockingQueue<Frame> queue;
    private volatile long start;
    private volatile boolean replay;
    private volatile EventSink sink;
    private volatile boolean overflowed;
    private volatile boolean stopped;

    /** Whether the token the stream was opened with still signs its caller in; checked once a heartbeat. */
    private volatile BooleanSupplier stillAuthorised = () -> true;

    void checkAuthorisation(BooleanSupplier check) {
        stillAuthorised = check;
    }

    Subscription(EventHub hub, EventLog log, Visibility shown, Predicate<String> types, EventHub.Settings settings) {
        this.hub = hub;
        this.log = log;
        this.shown = shown;
        this.types = types;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    /** The stream starts after {@code id}, replaying the log from there if {@code replay}. */
    void startAfter(long id, boolean replayFirst) {
        this.start = id;
        this.replay = replayFirst;
    }

    void attach(EventSink target) {
        this.sink = target;
    }

    void closeSink() {
        EventSink target = sink;
        if (target != null) {
            target.close();
        }
    }

    /**
     * Called by the hub's dispatcher; never blocks. Live, a merchant's event belongs to the book its merchant was
     * in when the event was written (the event carries that manager), which is the replay's answer at that time.
     */
    void offer(Frame frame) {
        if (overflowed || stopped || !shown.seesEvent(frame.merchantId(), frame.managerId())
                || !types.test(frame.type())) {
            return;
        }
        if (!queue.offer(frame)) {
            // Too far behind: drop it rather than hold anyone up. The client resumes from its last id.
            overflowed = true;
            hub.remove(this);
        }
    }

    void stop() {
        stopped = true;
    }

    boolean overflowed() {
        return overflowed;
    }

    void run() {
        try {
            sink.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            sink.flush();
            live(replay ? replay(start) : start);
        } catch (IOException e) {
            // The client went away; it resumes with Last-Event-ID.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("event stream failed: {}", e.toString());
        } finally {
            hub.remove(this);
            sink.close();
        }
    }

    /** Sends every visible logged event after {@code from}; returns the highest id read. */
    private long replay(long from) throws IOException {
        long cursor = from;
        while (running()) {
            EventLog.Replay page = log.replay(cursor, shown, settings.replayPage());
            for (EventLog.StoredEvent event : page.events()) {
                if (types.test(event.type())) {
                    sink.write(Frame.of(event).bytes());
                }
            }
            sink.flush();
            cursor = page.highestId();
            if (page.reachedEnd()) {
                break;
            }
        }
        return cursor;
    }

    private void live(long cursor) throws IOException, InterruptedException {
        long heartbeat = settings.heartbeat().toMillis();
        List<Frame> batch = new ArrayList<>(BATCH);
        long checkedAt = System.nanoTime();
        while (running()) {
            // A token revoked or expired while its stream is open ends the stream, at the latest a heartbeat later.
            if (System.nanoTime() - checkedAt >= heartbeat * 1_000_000L) {
                checkedAt = System.nanoTime();
                if (!stillAuthorised.getAsBoolean()) {
                    return;
                }
            }
            Frame first = queue.poll(heartbeat, TimeUnit.MILLISECONDS);
            if (!running()) {
                return;
            }
            if (first == null) {
                sink.write(HEARTBEAT);
                sink.flush();
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, BATCH - 1);
            boolean wrote = false;
            for (Frame frame : batch) {
                if (frame.id() > cursor) {
                    sink.write(frame.bytes());
                    cursor = frame.id();
                    wrote = true;
                }
            }
            if (wrote) {
                sink.flush();
            }
        }
    }

    private boolean running() {
        return !overflowed && !stopped && !Thread.currentThread().isInterrupted();
    }
}
