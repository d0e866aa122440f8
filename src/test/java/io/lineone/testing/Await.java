package io.lineone.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;

/**
 * Waiting for something another thread does, the one way the tests wait: the condition is polled on the test's own
 * thread (so it may read what the test reads, unsynchronised as the test would), first at once and then every few
 * milliseconds, and the wait fails with the description once the timeout has passed.
 */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(10);

    private Await() {
    }

    /** Returns as soon as {@code condition} holds; fails with {@code description} if it still does not after {@code timeout}. */
    public static void until(Duration timeout, BooleanSupplier condition, String description) {
        Awaitility.await(description)
                .atMost(timeout)
                .pollDelay(Duration.ZERO)
                .pollInterval(POLL)
                .pollInSameThread()
                .until(condition::getAsBoolean);
    }
}
