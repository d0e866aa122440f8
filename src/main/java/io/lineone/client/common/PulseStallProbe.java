package io.lineone.client.common;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread went without a pulse: runs an {@link AnimationTimer} (which keeps pulses
 * coming at the frame rate) and reports, once a second, the longest gap between two pulses and how much of it the
 * FX thread spent running (its CPU time): a long gap the thread spent running is work to cut, one it spent waiting
 * is a core it did not get. Only for the benchmark; it costs a pulse per frame, so it is off unless the probe file
 * is set.
 */
public final class PulseStallProbe extends AnimationTimer implements AutoCloseable {

    private static final long SECOND = 1_000_000_000L;

    private final Consumer<String> out;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long last;
    private long lastCpu;
    private long windowStart;
    private long longest;
    private long longestCpu;

    public PulseStallProbe(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void handle(long now) {
        long cpu = threads.getCurrentThreadCpuTime();
        if (last != 0) {
            if (now - last > longest) {
                longest = now - last;
                longestCpu = cpu - lastCpu;
            }
        } else {
            windowStart = now;
        }
        last = now;
        lastCpu = cpu;
        if (now - windowStart >= SECOND) {
            out.accept("stall " + System.currentTimeMillis() + " " + longest / 1_000_000 + " " + longestCpu / 1_000_000);
            windowStart = now;
            longest = 0;
            longestCpu = 0;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
