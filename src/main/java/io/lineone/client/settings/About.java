package io.lineone.client.settings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the About section says about this console.
 *
 * @param consoleVersion the console's version
 * @param dataDirectory  where the console keeps its data (the demo workspace's database among it)
 * @param logFile        the console's current log file, if it writes one
 */
public record About(String consoleVersion, Path dataDirectory, Optional<Path> logFile) {
}
