package io.lineone.client;

import io.lineone.client.common.StartupTimeline;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * The merchants table's first readiness, which the console logs for the cold-start benchmark, and the packaging's
 * training run ({@code -Dlineone.training=true}): the console starts as a person would start it and leaves by itself
 * a moment after the merchants table is ready, so the JVM writes the classes it loaded on the way into the
 * installer's class-data archive (AppCDS) as it exits.
 */
final class StartupTraining {

    static final String PROPERTY = "lineone.training";

    // Long enough for the first live events and the table's first frames, whose classes the next launch needs too.
    private static final Duration LINGER = Duration.seconds(3);

    private static final System.Logger LOG = System.getLogger(StartupTraining.class.getName());
    private static boolean ready;

    private StartupTraining() {
    }

    /**
     * The cold-start figure (to a merchants table a person can use: sorted, searchable, filterable — the last
     * session's rows, or the server's when none were kept), in the log the benchmark scripts read; once per process.
     * FX thread.
     */
    static void tableReady(boolean keptRows) {
        if (!ready) {
            ready = true;
            StartupTimeline.mark(StartupTimeline.Moment.TABLE_READY);
            LOG.log(System.Logger.Level.INFO, "merchants table ready " + StartupTimeline.sinceJvmStart()
                    + " ms after JVM start" + (keptRows ? " (the last session's rows)" : ""));
            leaveIfTraining();
        }
    }

    /** On the FX thread, once the merchants table is ready. */
    private static void leaveIfTraining() {
        if (Boolean.getBoolean(PROPERTY)) {
            PauseTransition linger = new PauseTransition(LINGER);
            linger.setOnFinished(event -> Platform.exit());
            linger.play();
        }
    }
}
