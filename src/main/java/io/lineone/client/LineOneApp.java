package io.lineone.client;

import io.lineone.client.common.Theme;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application; started through {@link ConsoleLauncher}, never as the jar's main class. */
public final class LineOneApp extends Application {

    private AppWiring wiring;

    @Override
    public void start(Stage stage) {
        StartupOptions options = StartupOptions.parse(getParameters().getRaw(), System.getenv());
        Theme.LIGHT.applyGlobally();
        wiring = AppWiring.production();
        wiring.start(stage, options.serverUrl(wiring.settings()));
    }

    @Override
    public void stop() {
        if (wiring != null) {
            wiring.close();
        }
    }
}
