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
        // Whatever escapes a thread goes to the log file, where the About box and a bug report find it.
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> System.getLogger(ConsoleLauncher.class.getName())
                .log(System.Logger.Level.ERROR, "uncaught in " + thread.getName(), failure));
        // A session that ends (SIGTERM at logout) closes the console as its window's close button would: JavaFX leaves
        // its event loop and stop() closes the backend, instead of the loop being cut off under it.
        Runtime.getRuntime().addShutdownHook(new Thread(LineOneApp::exitAndWait, "lineone-shutdown"));
        LineOneApp.prestartDemoIfNeeded(args);
        Application.launch(LineOneApp.class, args);
        // The window is closed and LineOneApp.stop() has closed the backend and the streams; threads that
        // libraries leave behind (Jetty's async pool keeps idle threads for a minute) must not keep the
        // process alive after the person closed the console.
        System.exit(0);
    }
}
