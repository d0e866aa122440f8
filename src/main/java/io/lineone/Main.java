package io.lineone;

import io.lineone.client.ConsoleLauncher;
import io.lineone.loadgen.LoadGenerator;
import io.lineone.platform.LogFiles;
import io.lineone.platform.UserDirectories;
import io.lineone.server.ServerMain;
import java.util.Arrays;

/**
 * The one entry point of {@code lineone.jar}. Deliberately not a JavaFX {@code Application}: a plain main
 * class is what lets JavaFX start from the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("server")) {
            LogFiles.toStandardError();
            ServerMain.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("loadgen")) {
            LogFiles.toStandardError();
            LoadGenerator.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // Everything else is the console, including its own options such as --server URL. Its settings, data and
        // log live in this user's folders (before anything reads a setting or logs a line).
        UserDirectories directories = UserDirectories.current();
        directories.applyToPreferences();
        LogFiles.toFileIn(directories.logs());
        ConsoleLauncher.launch(args);
    }
}
