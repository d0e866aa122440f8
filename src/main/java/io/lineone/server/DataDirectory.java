package io.lineone.server;

import io.lineone.platform.UserDirectories;
import java.nio.file.Path;

/** Where LineOne keeps its files for this user: the embedded database above all. */
public final class DataDirectory {

    private DataDirectory() {
    }

    /**
     * The {@code lineone.home} system property, else {@code LINEONE_HOME}, else the platform's place for
     * application data ({@code %LOCALAPPDATA%}, {@code ~/Library/Application Support}, {@code $XDG_DATA_HOME}).
     */
    public static Path resolve() {
        return UserDirectories.current().data();
    }
}
