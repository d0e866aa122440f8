package io.lineone;

import io.lineone.client.ConsoleLauncher;
import io.lineone.loadgen.LoadGenerator;
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
            ServerMain.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("loadgen")) {
            LoadGenerator.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // Everything else is the console, including its own options such as --server URL.
        ConsoleLauncher.launch(args);
    }
}
