package io.lineone.client;

import io.lineone.client.common.ServerSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the command line and environment say about where to connect.
 * {@code --server URL} (or {@code --server=URL}) wins over {@code LINEONE_SERVER}, which wins over
 * the saved setting; with none of them the console opens the embedded demo workspace.
 */
public record StartupOptions(Optional<String> serverArgument, Optional<String> serverEnvironment) {

    static final String SERVER_OPTION = "--server";
    static final String SERVER_ENV = "LINEONE_SERVER";

    public static StartupOptions parse(List<String> args, Map<String, String> env) {
        Optional<String> fromArgs = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(SERVER_OPTION) && i + 1 < args.size()) {
                fromArgs = nonBlank(args.get(++i));
            } else if (arg.startsWith(SERVER_OPTION + "=")) {
                fromArgs = nonBlank(arg.substring(SERVER_OPTION.length() + 1));
            }
        }
        return new StartupOptions(fromArgs, nonBlank(env.get(SERVER_ENV)));
    }

    /** The server to offer at sign-in, or empty to open the demo workspace. */
    public Optional<String> serverUrl(ServerSettings settings) {
        return serverArgument.or(() -> serverEnvironment).or(settings::serverUrl);
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
