package io.lineone.client.net;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before reconnection attempt {@code n}: exponential from {@code base}, capped at {@code cap},
 * with "equal jitter" (half fixed, half random) so that many consoles cut off by one server restart do not all
 * come back in the same millisecond.
 *
 * @param random values in [0, 1)
 */
public record Backoff(Duration base, Duration cap, DoubleSupplier random) {

    /**
     * A quarter of a second, doubling up to two: a restarted server is found again within about two seconds of
     * answering. Trying that often costs a down server nothing worth saving (a refused connection), and with
     * hundreds of consoles the jitter spreads their returns over a second.
     */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(2), () -> ThreadLocalRandom.current().nextDouble());
    }

    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap");
        }
    }

    /** The wait before attempt {@code attempt} (0 for the first retry). */
    public Duration delay(int attempt) {
        long capMillis = cap.toMillis();
        long ceiling = base.toMillis();
        for (int i = 0; i < attempt && ceiling < capMillis; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, capMillis);
        double r = Math.min(Math.max(random.getAsDouble(), 0), 1);
        return Duration.ofMillis(ceiling / 2 + Math.round(r * (ceiling - ceiling / 2)));
    }
}
