package io.lineone.client.common;

import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread went without a pulse: runs an {@link AnimationTimer} (which keeps pulses
 * coming at the frame rate) and reports, once a second, the longest gap between two pulses. Only for the
 * benchmark; it costs a pulse per frame, so it is off unless the probe file is set.
 */
public final class PulseStallProbe extends AnimationTimer implements AutoCloseable {

    private static final long SECOND = 1_000_000_000L;

    private final Consumer<String> out;
    private long last;
    private long windowStart;
    private long longest;

    public PulseStallProbe(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void handle(long now) {
        if (last != 0) {
            longest = Math.max(longest, now - last);
        } else {
            windowStart = now;
        }
        last = now;
        if (now - windowStart >= SECOND) {
            out.accept("stall " + System.currentTimeMillis() + " " + longest / 1_000_000);
            windowStart = now;
            longest = 0;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
