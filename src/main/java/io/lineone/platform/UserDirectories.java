package io.lineone.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where LineOne keeps this user's files, in the places each desktop expects them: the data (the embedded
 * database), the settings and the log files. {@code LINEONE_HOME} (or the {@code lineone.home} property) puts all
 * three under one folder instead: for a second console, a benchmark or a test.
 *
 * <ul>
 *   <li>Linux: {@code $XDG_DATA_HOME/LineOne} (else {@code ~/.local/share/LineOne}), settings in
 *       {@code $XDG_CONFIG_HOME/LineOne} ({@code ~/.config/LineOne}), logs in {@code $XDG_STATE_HOME/LineOne/logs}
 *       ({@code ~/.local/state/LineOne/logs});</li>
 *   <li>Windows: {@code %LOCALAPPDATA%\LineOne}, logs in its {@code logs} folder (the settings are in the
 *       registry, where Java's preferences keep them);</li>
 *   <li>macOS: {@code ~/Library/Application Support/LineOne}, logs in {@code ~/Library/Logs/LineOne} (the settings
 *       in {@code ~/Library/Preferences}, where Java's preferences keep them).</li>
 * </ul>
 */
public record UserDirectories(Path data, Path config, Path logs) {

    static final String APP = "LineOne";

    /** This process's directories. */
    public static UserDirectories current() {
        return of(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("lineone.home"), Files::isDirectory);
    }

    /**
     * The directories for an OS, an environment and a home folder; {@code exists} tells whether a folder is there
     * (earlier releases kept the data elsewhere, and a data folder already in use stays in use).
     */
    static UserDirectories of(String osName, Map<String, String> env, Path userHome, String homeProperty,
                              Predicate<Path> exists) {
        String explicit = nonBlank(homeProperty) ? homeProperty : env.get("LINEONE_HOME");
        if (nonBlank(explicit)) {
            Path home = Path.of(explicit);
            return new UserDirectories(home, home.resolve("config"), home.resolve("logs"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path local = base(env, "LOCALAPPDATA", userHome.resolve("AppData").resolve("Local")).resolve(APP);
            // Releases before 0.2 kept the data in the roaming profile, which is meant for small settings.
            Path roaming = base(env, "APPDATA", userHome.resolve("AppData").resolve("Roaming")).resolve(APP);
            Path data = !exists.test(local) && exists.test(roaming) ? roaming : local;
            return new UserDirectories(data, local, local.resolve("logs"));
        }
        if (os.contains("mac")) {
            Path library = userHome.resolve("Library");
            Path data = library.resolve("Application Support").resolve(APP);
            return new UserDirectories(data, data, library.resolve("Logs").resolve(APP));
        }
        Path dataHome = base(env, "XDG_DATA_HOME", userHome.resolve(".local").resolve("share"));
        Path data = dataHome.resolve(APP);
        // Releases before 0.2 used a lower-case folder name; an existing one keeps its database.
        Path legacy = dataHome.resolve("lineone");
        if (!exists.test(data) && exists.test(legacy)) {
            data = legacy;
        }
        Path config = base(env, "XDG_CONFIG_HOME", userHome.resolve(".config")).resolve(APP);
        Path logs = base(env, "XDG_STATE_HOME", userHome.resolve(".local").resolve("state")).resolve(APP)
                .resolve("logs");
        return new UserDirectories(data, config, logs);
    }

    /**
     * Points Java's preferences (where the console keeps its settings) at {@link #config()} where they are files,
     * that is on Linux and other Unixes; Windows keeps them in the registry and macOS in its own preferences. Must
     * run before anything reads a preference; a {@code java.util.prefs.userRoot} given on the command line wins.
     */
    public void applyToPreferences() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || System.getProperty("java.util.prefs.userRoot") != null) {
            return;
        }
        System.setProperty("java.util.prefs.userRoot", config.toAbsolutePath().toString());
    }

    private static Path base(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        // The XDG specification says to ignore a relative path.
        return nonBlank(value) && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }

    private static boolean nonBlank(String value) {
        return value != null && !value.isBlank();
    }
}
