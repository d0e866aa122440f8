package io.lineone.client.common;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;


/** {@link UiScheduler} on the FX thread: throttles run from an {@link AnimationTimer}, i.e. once per pulse. */
public final class FxUiScheduler implements UiScheduler {

    @Override
    public void runLater(Runnable task) {
        Platform.runLater(task);
    }

    @Override
    public Throttle throttle(Runnable task) {
        return new PulseThrottle(task);
    }

    @Override
    public Repeating every(Duration period, Runnable task) {
        Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()), e -> task.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        Platform.runLater(timeline::play);
        return () -> Platform.runLater(timeline::stop);
    }

    /**
     * Runs its task in the pulse after a request. The timer runs only while requests keep coming (one idle
     * pulse and it stops), so an idle console is not kept pulsing.
     */
    private static final class PulseThrottle extends AnimationTimer implements Throttle {

        private final Runnable task;
        private final AtomicBoolean requested = new AtomicBoolean();
        private final AtomicBoolean armed = new AtomicBoolean();

        PulseThrottle(Runnable task) {
            this.task = task;
        }

        @Override
        public void request() {
            requested.set(true);
            if (armed.compareAndSet(false, true)) {
                Platform.runLater(this::start);
            }
        }

        @Override
        public void handle(long now) {
            if (requested.getAndSet(false)) {
                task.run();
                return;
            }
            stop();
            armed.set(false);
            // A request that came in between the check and the disarm must not be left waiting.
            if (requested.get() && armed.compareAndSet(false, true)) {
                start();
            }
        }
    }
}
