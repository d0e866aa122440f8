package io.lineone.client;

import javafx.application.Application;

/**
 * Starts the console. A plain class calls {@link Application#launch} because a jar whose main
 * class extends {@code Application} fails with "JavaFX runtime components are missing".
 */
public final class ConsoleLauncher {

    private ConsoleLauncher() {
    }

    public static void launch(String[] args) {
        LineOneApp.prestartDemoIfNeeded(args);
        Application.launch(LineOneApp.class, args);
        // The window is closed and LineOneApp.stop() has closed the backend and the streams; threads that
        // libraries leave behind (Jetty's async pool keeps idle threads for a minute) must not keep the
        // process alive after the person closed the console.
        System.exit(0);
    }
}
