package io.lineone.client;

import io.lineone.client.common.PreferencesServerSettings;
import io.lineone.client.common.StartupTimeline;
import io.lineone.client.merchants.BookSnapshot;
import io.lineone.client.merchants.BookSnapshots;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    /**
     * The console's objects (settings, texts, the HTTP client with its TLS set-up), built on a thread of their own
     * from launch while JavaFX starts, instead of on the FX thread before the first window.
     */
    private static volatile CompletableFuture<AppWiring> prepared;

    /**
     * Longest the backend's boot waits for the kept book's table to show at launch: held for less, it boots just while
     * the main window's first layout runs, the heaviest step before the table shows.
     */
    private static final Duration HOLD_BACKEND_AT_MOST = Duration.ofMillis(3000);

    // Counted down when stop() has run: the shutdown hook waits for it.
    private static final CountDownLatch STOPPED = new CountDownLatch(1);
    private static volatile boolean started;

    private AppWiring wiring;

    /**
     * Boots the demo backend early when the console is going to open the demo workspace anyway, and reads the book
     * its manager saw last, to show while the backend starts; builds the console's objects meanwhile. Each on a
     * thread of its own, while JavaFX starts.
     */
    static void prestartDemoIfNeeded(String[] args) {
        StartupOptions options = StartupOptions.parse(List.of(args), System.getenv());
        if (options.serverUrl(PreferencesServerSettings.forUser()).isEmpty()) {
            CompletableFuture<Optional<BookSnapshot>> kept = SNAPSHOTS.readAhead(BookSnapshots.DEMO,
                    EMBEDDED.accounts().get(0).login());
            // With a kept book to show, the table needs no backend: the backend's boot waits until the table shows.
            EMBEDDED.startInBackground(kept.thenCompose(book -> book.isPresent()
                    ? StartupTimeline.reached(StartupTimeline.Moment.TABLE_SHOWN)
                    : CompletableFuture.completedFuture(null)), HOLD_BACKEND_AT_MOST);
        }
        CompletableFuture<AppWiring> wiring = new CompletableFuture<>();
        Thread prepare = new Thread(() -> {
            try {
                wiring.complete(ProductionConsole.wiring(EMBEDDED, SNAPSHOTS));
            } catch (RuntimeException | LinkageError e) {
                wiring.completeExceptionally(e);
            }
        }, "lineone-prepare");
        prepare.setDaemon(true);
        prepare.start();
        prepared = wiring;
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
        wiring = preparedWiring();
        wiring.start(stage, options.serverUrl(wiring.settings()));
    }

    /** The wiring built since launch, or built now (started some other way, or its preparation failed). */
    private static AppWiring preparedWiring() {
        CompletableFuture<AppWiring> early = prepared;
        prepared = null;
        if (early != null) {
            try {
                return early.join();
            } catch (CompletionException | CancellationException e) {
                // Built again here, where a failure is the launch's own.
            }
        }
        return ProductionConsole.wiring(EMBEDDED, SNAPSHOTS);
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
