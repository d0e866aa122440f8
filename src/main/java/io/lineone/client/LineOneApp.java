package io.lineone.client;

import io.lineone.client.common.PreferencesServerSettings;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application; started through {@link ConsoleLauncher}, never as the jar's main class. */
public final class LineOneApp extends Application {

    // One per process: the launcher may begin booting it before JavaFX has even started.
    private static final EmbeddedBackend EMBEDDED = new EmbeddedBackend();

    private AppWiring wiring;

    /** Boots the demo backend early when the console is going to open the demo workspace anyway. */
    static void prestartDemoIfNeeded(String[] args) {
        StartupOptions options = StartupOptions.parse(List.of(args), System.getenv());
        if (options.serverUrl(PreferencesServerSettings.forUser()).isEmpty()) {
            EMBEDDED.startInBackground();
        }
    }

    @Override
    public void start(Stage stage) {
        StartupOptions options = StartupOptions.parse(getParameters().getRaw(), System.getenv());
        wiring = AppWiring.production(EMBEDDED);
        wiring.start(stage, options.serverUrl(wiring.settings()));
    }

    @Override
    public void stop() {
        if (wiring != null) {
            wiring.close();
        }
    }
}
