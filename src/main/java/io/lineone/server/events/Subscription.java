package io.lineone.server.events;

import io.lineone.server.auth.Visibility;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open event stream. The hub offers it live events from the moment it is registered; once its sink is
 * attached it first replays the log after the client's last id, then sends the buffered live events, skipping
 * every id it has already passed. Why that has no gap and no duplicate:
 * <ul>
 * <li>an event delivered live before registration was committed before registration, so the replay (which
 *     starts after registration) reads it;
 * <li>an event delivered live after registration is in the buffer;
 * <li>the replay reads up to some id R; buffered ids ≤ R are skipped, the rest follow in id order, since the
 *     hub delivers in id order.
 * </ul>
 *
 * <p>No thread is its own. Its work (a greeting, a replay page, its backlog, a heartbeat) runs as a task on the
 * hub's few writer threads: at most one task or one write of a stream at a time (the {@code scheduled} flag), so
 * its bytes go out in order. Everything buffered when a task runs leaves in one write and one flush (the hub hands
 * over what commits within {@link EventHub#LINGER_MILLIS} together); a write the socket takes at once lets the same
 * task go on, one the client is slow to take holds no thread, only the buffer, which, when full, drops the stream.
 */
final class Subscription {

    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

    private static final byte[] CONNECTED = ": connected\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);
    /** A backlog is written in pieces of about this size, so one slow stream never builds a huge array. */
    private static final int MAX_WRITE_BYTES = 256 * 1024;
    /** Steps one stream may take in a row on a writer thread before the other streams get their turn. */
    private static final int STEPS_PER_TURN = 8;

    private final EventHub hub;
    private final EventLog log;
    private final Visibility shown;
    /** The event types this caller's role may hear at all (a SERVICE account: none of the team's internal ones). */
    private final Predicate<String> types;
    private final EventHub.Settings settings;
    private final Executor writers;
    private final BlockingQueue<Frame> queue;
    private final long heartbeatNanos;
    /** True while a task of this stream is queued or running or its write is under way; false before it starts. */
    private final AtomicBoolean scheduled = new AtomicBoolean(true);
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile long start;
    private volatile boolean replay;
    private volatile EventSink sink;
    private volatile boolean overflowed;
    private volatile boolean stopped;
    private volatile boolean heartbeatDue;
    private volatile boolean checkDue;
    private volatile long lastWrite = System.nanoTime();
    private volatile long checkedAt = System.nanoTime();

    /** Read and written only by this stream's tasks, one at a time. */
    private long cursor;
    private boolean greeted;

    /** Whether the token the stream was opened with still signs its caller in; checked once a heartbeat. */
    private volatile BooleanSupplier stillAuthorised = () -> true;

    void checkAuthorisation(BooleanSupplier check) {
        stillAuthorised = check;
    }

    Subscription(EventHub hub, EventLog log, Visibility shown, Predicate<String> types, EventHub.Settings settings,
                 Executor writers) {
        this.hub = hub;
        this.log = log;
        this.shown = shown;
        this.types = types;
        this.settings = settings;
        this.writers = writers;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.heartbeatNanos = settings.heartbeat().toNanos();
    }

    /** The stream starts after {@code id}, replaying the log from there if {@code replay}. */
    void startAfter(long id, boolean replayFirst) {
        this.start = id;
        this.replay = replayFirst;
    }

    void attach(EventSink target) {
        this.sink = target;
    }

    /** Starts sending to the attached sink: the greeting, the replay, then live events. */
    void begin() {
        submit();
    }

    void closeSink() {
        EventSink target = sink;
        if (target != null) {
            target.close();
        }
    }

    /**
     * Called by the hub's dispatcher with events in id order; never blocks. Live, a merchant's event belongs to the
     * book its merchant was in when the event was written (the event carries that manager), which is the replay's
     * answer at that time.
     */
    void offer(List<Frame> frames) {
        if (overflowed || stopped) {
            return;
        }
        boolean added = false;
        for (Frame frame : frames) {
            if (!shown.seesEvent(frame.merchantId(), frame.managerId()) || !types.test(frame.type())) {
                continue;
            }
            if (!queue.offer(frame)) {
                // Too far behind: drop it rather than hold anyone up. The client resumes from its last id.
                overflowed = true;
                hub.remove(this);
                end();
                return;
            }
            added = true;
        }
        if (added) {
            schedule();
        }
    }

    /** Called by the hub's clock: marks a heartbeat or a token check as due. */
    void tick(long now) {
        if (finished.get()) {
            return;
        }
        boolean due = false;
        if (now - checkedAt >= heartbeatNanos) {
            checkedAt = now;
            checkDue = true;
            due = true;
        }
        if (now - lastWrite >= heartbeatNanos) {
            heartbeatDue = true;
            due = true;
        }
        if (due) {
            schedule();
        }
    }

    void stop() {
        stopped = true;
    }

    boolean overflowed() {
        return overflowed;
    }

    /** Ends the stream from any thread, once: the client resumes with its last id. */
    void finish() {
        if (finished.compareAndSet(false, true)) {
            hub.remove(this);
            closeSink();
        }
    }

    /** Ends the stream off the caller's thread (the dispatcher must not wait for a response to end). */
    private void end() {
        try {
            writers.execute(this::finish);
        } catch (RejectedExecutionException e) {
            finish();
        }
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            submit();
        }
    }

    private void submit() {
        try {
            writers.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The hub is closing: it ends every stream itself.
            scheduled.set(false);
        }
    }

    /**
     * A turn of the stream on a writer thread: steps one after another while each write is taken at once (the
     * usual case: the socket has room), so a write costs no second task; after a few, the other streams' turn.
     */
    private void drain() {
        try {
            for (int step = 0; step < STEPS_PER_TURN; step++) {
                if (!step()) {
                    return;
                }
            }
            submit();
        } catch (RuntimeException e) {
            LOG.warn("event stream failed: {}", e.toString());
            finish();
        }
    }

    /**
     * One step of the stream: greeting, a replay page, the backlog or a heartbeat, then one write; or rest. Returns
     * whether the next step may follow at once on this thread (false: the write's answer or the next offer
     * schedules it, or the stream is over).
     */
    private boolean step() {
        if (overflowed || stopped || finished.get()) {
            finish();
            return false;
        }
        if (!greeted) {
            greeted = true;
            cursor = start;
            return write(CONNECTED);
        }
        if (replay) {
            return replayPage();
        }
        if (checkDue) {
            checkDue = false;
            // A token revoked or expired while its stream is open ends the stream, at the latest a heartbeat later.
            if (!stillAuthorised.getAsBoolean()) {
                finish();
                return false;
            }
        }
        boolean beat = heartbeatDue;
        heartbeatDue = false;
        byte[] backlog = backlog();
        if (backlog != null || beat) {
            return write(backlog != null ? backlog : HEARTBEAT);
        }
        scheduled.set(false);
        // Something may have come between the last look and letting go: take the turn back if nobody else did.
        return (!queue.isEmpty() || heartbeatDue || checkDue || overflowed || stopped)
                && scheduled.compareAndSet(false, true);
    }

    /** Every buffered frame after the cursor (up to {@link #MAX_WRITE_BYTES}) as one array; null if none. */
    private byte[] backlog() {
        List<Frame> batch = new ArrayList<>();
        int size = 0;
        Frame frame;
        while (size < MAX_WRITE_BYTES && (frame = queue.poll()) != null) {
            if (frame.id() > cursor) {
                batch.add(frame);
                size += frame.bytes().length;
                cursor = frame.id();
            }
        }
        if (batch.isEmpty()) {
            return null;
        }
        if (batch.size() == 1) {
            return batch.get(0).bytes();
        }
        byte[] bytes = new byte[size];
        int at = 0;
        for (Frame each : batch) {
            System.arraycopy(each.bytes(), 0, bytes, at, each.bytes().length);
            at += each.bytes().length;
        }
        return bytes;
    }

    /** Sends one page of the visible logged events after the cursor; the next page follows once it is written. */
    private boolean replayPage() {
        EventLog.Replay page = log.replay(cursor, shown, settings.replayPage());
        List<byte[]> parts = new ArrayList<>();
        int size = 0;
        for (EventLog.StoredEvent event : page.events()) {
            if (types.test(event.type())) {
                byte[] bytes = Frame.of(event).bytes();
                parts.add(bytes);
                size += bytes.length;
            }
        }
        cursor = page.highestId();
        if (page.reachedEnd()) {
            replay = false;
        }
        if (parts.isEmpty()) {
            return true;
        }
        byte[] bytes = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, bytes, at, part.length);
            at += part.length;
        }
        return write(bytes);
    }

    /**
     * Hands bytes to the sink. Returns true when they are out already (the caller goes on with the next step);
     * otherwise the sink's answer, on whatever thread, schedules the next step, or ends a failed stream.
     */
    private boolean write(byte[] bytes) {
        lastWrite = System.nanoTime();
        Answer answer = new Answer();
        sink.write(bytes, answer);
        return !answer.compareAndSet(Answer.AWAITED, Answer.LEFT);
    }

    /**
     * The answer to one write, and who goes on after it: the writer, if the write was done before it returned
     * ({@code AWAITED → DONE} by the answer first), or a new task when the answer comes later ({@code AWAITED →
     * LEFT} by the writer first).
     */
    private final class Answer extends AtomicInteger implements EventSink.Written {

        static final int AWAITED = 0;
        static final int DONE = 1;
        static final int LEFT = 2;

        @Override
        public void written() {
            if (!compareAndSet(AWAITED, DONE)) {
                submit();
            }
        }

        @Override
        public void failed(Throwable error) {
            // The client went away; it resumes with Last-Event-ID. The writer, if it still waits, stops too.
            finish();
        }
    }
}
