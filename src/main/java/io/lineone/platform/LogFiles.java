package io.lineone.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The process's log: everything goes through {@code java.util.logging} (the console's {@code System.Logger}s
 * directly, the backend and its libraries through SLF4J's JUL binding), one line per record, to standard error
 * and, for the console, to a rotating file in the user's log folder ({@link UserDirectories#logs()}):
 * {@code lineone-0.log} is the current one, {@code lineone-1.log} … the older ones, {@value #COUNT} files of at most
 * {@value #LIMIT_BYTES} bytes in all.
 */
public final class LogFiles {

    static final int LIMIT_BYTES = 5 * 1024 * 1024;
    static final int COUNT = 5;
    static final String PATTERN = "lineone-%g.log";

    // What the libraries say at INFO is start-up chatter; their warnings still show.
    private static final String LEVELS = """
            handlers=
            .level=INFO
            org.eclipse.jetty.level=WARNING
            io.javalin.level=WARNING
            com.zaxxer.hikari.level=WARNING
            org.flywaydb.level=WARNING
            """;

    // JUL holds loggers weakly: the one carrying the filter below must not be collected with it.
    private static Logger javaFxPlatform;
    private static Path current;

    private LogFiles() {
    }

    /** Standard error only: the backend alone and the load generator, whose output a service manager collects. */
    public static synchronized void toStandardError() {
        configure();
        Logger.getLogger("").addHandler(console());
    }

    /**
     * Standard error and the rotating file in {@code directory} (created if missing); returns the file written now.
     * When the folder cannot be written the console still runs, logging to standard error only.
     */
    public static synchronized Optional<Path> toFileIn(Path directory) {
        configure();
        Logger root = Logger.getLogger("");
        root.addHandler(console());
        try {
            RotatingFile file = RotatingFile.open(directory, LIMIT_BYTES, COUNT);
            root.addHandler(file.handler());
            current = file.path();
        } catch (IOException | UncheckedIOException e) {
            root.log(Level.WARNING, "cannot write the log file in " + directory + ": " + e.getMessage());
        }
        return current();
    }

    /** The log file being written now (what the About box opens), if this process writes one. */
    public static synchronized Optional<Path> current() {
        return Optional.ofNullable(current);
    }

    private static void configure() {
        try {
            LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(LEVELS.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // With JavaFX on the class path (java -jar) JavaFX warns that this is unsupported; it is how the jar runs,
        // and the installed app puts JavaFX on the module path instead. Only that message is dropped.
        javaFxPlatform = Logger.getLogger("javafx");
        javaFxPlatform.setFilter(record -> record.getMessage() == null
                || !record.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    private static Handler console() {
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new OneLine());
        handler.setLevel(Level.ALL);
        return handler;
    }

    /** A size-limited set of log files; {@code path} is the one written now. */
    record RotatingFile(FileHandler handler, Path path) {

        static RotatingFile open(Path directory, int limitBytes, int count) throws IOException {
            Files.createDirectories(directory);
            // A second console for the same user gets files of its own (lineone-0.log.1): the lock file created now
            // tells which file this one writes.
            Set<Path> locksBefore = locks(directory);
            FileHandler handler = new FileHandler(directory.resolve(PATTERN).toString(), limitBytes, count, true);
            handler.setEncoding(StandardCharsets.UTF_8.name());
            handler.setFormatter(new OneLine());
            handler.setLevel(Level.ALL);
            Set<Path> mine = locks(directory);
            mine.removeAll(locksBefore);
            Path lock = mine.stream().findFirst().orElse(directory.resolve(PATTERN.replace("%g", "0") + ".lck"));
            String name = lock.getFileName().toString();
            return new RotatingFile(handler, lock.resolveSibling(name.substring(0, name.length() - ".lck".length())));
        }

        private static Set<Path> locks(Path directory) throws IOException {
            try (Stream<Path> files = Files.list(directory)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".lck"))
                        .collect(Collectors.toCollection(HashSet::new));
            }
        }
    }

    /** {@code 2026-12-06T08:04:18.120Z INFO io.lineone.client.EmbeddedBackend: message}, then any stack trace. */
    static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder(160)
                    .append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                    .append(record.getLevel().getName()).append(' ')
                    .append(record.getLoggerName()).append(": ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
