package io.lineone.client;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * The packaging's training run ({@code -Dlineone.training=true}): the console starts as a person would start it and
 * leaves by itself a moment after the merchants table is ready, so the JVM writes the classes it loaded on the way
 * into the installer's class-data archive (AppCDS) as it exits.
 */
final class StartupTraining {

    static final String PROPERTY = "lineone.training";

    // Long enough for the first live events and the table's first frames, whose classes the next launch needs too.
    private static final Duration LINGER = Duration.seconds(3);

    private StartupTraining() {
    }

    /** On the FX thread, once the merchants table is ready. */
    static void leaveIfTraining() {
        if (Boolean.getBoolean(PROPERTY)) {
            PauseTransition linger = new PauseTransition(LINGER);
            linger.setOnFinished(event -> Platform.exit());
            linger.play();
        }
    }
}
