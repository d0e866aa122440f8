package io.lineone.client;

import io.lineone.client.common.PreferencesServerSettings;
import io.lineone.client.common.StartupTimeline;
import io.lineone.client.merchants.BookSnapshots;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application; started through {@link ConsoleLauncher}, never as the jar's main class. */
public final class LineOneApp extends Application {

    // One per process: the launcher may begin booting it before JavaFX has even started.
    private static final EmbeddedBackend EMBEDDED = new EmbeddedBackend();
    private static final BookSnapshots SNAPSHOTS = BookSnapshots.in(EMBEDDED.dataDirectory());

    // Counted down when stop() has run: the shutdown hook waits for it.
    private static final CountDownLatch STOPPED = new CountDownLatch(1);
    private static volatile boolean started;

    private AppWiring wiring;

    /**
     * Boots the demo backend early when the console is going to open the demo workspace anyway, and reads the book
     * its manager saw last, to show while the backend starts.
     */
    static void prestartDemoIfNeeded(String[] args) {
        StartupOptions options = StartupOptions.parse(List.of(args), System.getenv());
        if (options.serverUrl(PreferencesServerSettings.forUser()).isEmpty()) {
            EMBEDDED.startInBackground();
            SNAPSHOTS.readAhead(BookSnapshots.DEMO, EMBEDDED.accounts().get(0).login());
        }
    }

    /** Ends the console as a closed window does and waits (a little) for stop() to finish. */
    static void exitAndWait() {
        if (!started) {
            return;
        }
        Platform.exit();
        try {
            STOPPED.await(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start(Stage stage) {
        StartupTimeline.mark(StartupTimeline.Moment.TOOLKIT);
        started = true;
        StartupOptions options = StartupOptions.parse(getParameters().getRaw(), System.getenv());
        wiring = AppWiring.production(EMBEDDED, SNAPSHOTS);
        wiring.start(stage, options.serverUrl(wiring.settings()));
    }

    @Override
    public void stop() {
        try {
            if (wiring != null) {
                wiring.close();
            }
        } finally {
            STOPPED.countDown();
        }
    }
}
