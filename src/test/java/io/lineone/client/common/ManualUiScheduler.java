package io.lineone.client.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link UiScheduler} the test drives: {@code runLater} runs at once on the caller's thread (the test is
 * the UI thread), throttled tasks wait for {@link #frame()}, repeating ones for {@link #tick()}.
 */
public final class ManualUiScheduler implements UiScheduler {

    private final List<ManualThrottle> throttles = new ArrayList<>();
    private final List<Runnable> repeating = new ArrayList<>();
    public int frames;

    @Override
    public void runLater(Runnable task) {
        task.run();
    }

    @Override
    public synchronized Throttle throttle(Runnable task) {
        ManualThrottle throttle = new ManualThrottle(task);
        throttles.add(throttle);
        return throttle;
    }

    @Override
    public synchronized Repeating every(Duration period, Runnable task) {
        repeating.add(task);
        return () -> {
            synchronized (this) {
                repeating.remove(task);
            }
        };
    }

    /** One pulse: every throttle that was requested since the last one runs once. */
    public void frame() {
        frames++;
        List<ManualThrottle> due;
        synchronized (this) {
            due = List.copyOf(throttles);
        }
        for (ManualThrottle throttle : due) {
            throttle.runIfRequested();
        }
    }

    /** One period of every repeating task. */
    public void tick() {
        List<Runnable> due;
        synchronized (this) {
            due = List.copyOf(repeating);
        }
        due.forEach(Runnable::run);
    }

    public synchronized int repeatingCount() {
        return repeating.size();
    }

    private static final class ManualThrottle implements Throttle {
        private final Runnable task;
        private volatile boolean requested;

        ManualThrottle(Runnable task) {
            this.task = task;
        }

        @Override
        public void request() {
            requested = true;
        }

        void runIfRequested() {
            if (requested) {
                requested = false;
                task.run();
            }
        }
    }
}
