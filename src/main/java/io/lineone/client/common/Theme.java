package io.lineone.client.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light or dark: an AtlantaFX user-agent theme plus the console's own stylesheet on top. */
public enum Theme {
    LIGHT,
    DARK;

    private static final String APP_STYLESHEET = "/io/lineone/client/lineone.css";

    /** Sets the JavaFX-wide theme; call once, before the first scene shows. */
    public void applyGlobally() {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds the console's stylesheet, whose colours come from the theme's variables. */
    public static void style(Scene scene) {
        String css = Objects.requireNonNull(Theme.class.getResource(APP_STYLESHEET)).toExternalForm();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
    }
}
