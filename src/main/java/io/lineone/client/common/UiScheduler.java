package io.lineone.client.common;

import java.time.Duration;

/**
 * When view models get to touch the UI: soon, once per frame, or every so often. The console's implementation
 * uses the FX thread and its pulses; view-model tests use one that they drive by hand.
 */
public interface UiScheduler {

    /** Runs {@code task} on the UI thread soon; callable from any thread. */
    void runLater(Runnable task);

    /**
     * A trigger that coalesces requests: however often {@link Throttle#request()} is called, from whatever
     * threads, {@code task} runs on the UI thread at most once per frame, after the requests.
     */
    Throttle throttle(Runnable task);

    /** Runs {@code task} on the UI thread every {@code period} until the returned handle is closed. */
    Repeating every(Duration period, Runnable task);

    /** See {@link #throttle}. */
    interface Throttle {
        void request();
    }

    /** A repeating task; closing it stops it. */
    interface Repeating extends AutoCloseable {
        @Override
        void close();
    }
}
