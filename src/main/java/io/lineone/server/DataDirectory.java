package io.lineone.server;

import java.nio.file.Path;
import java.util.Locale;

/** Where LineOne keeps its files for this user: the embedded database above all. */
public final class DataDirectory {

    private DataDirectory() {
    }

    /**
     * The {@code lineone.home} system property, else {@code LINEONE_HOME}, else the platform's place for
     * application data ({@code %APPDATA%}, {@code ~/Library/Application Support}, {@code $XDG_DATA_HOME}).
     */
    public static Path resolve() {
        String explicit = System.getProperty("lineone.home", System.getenv("LINEONE_HOME"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("LineOne");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/LineOne");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("lineone");
    }
}
