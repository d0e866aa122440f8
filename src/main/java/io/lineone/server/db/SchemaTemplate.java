package io.lineone.server.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new embedded database begins as a copy of one the build migrated: on a console's first launch, Flyway running
 * every migration against a new H2 file took about a third of the embedded backend's start. The copy holds the
 * schema and Flyway's history, no data. Without the template (a build that skipped it), or behind this build's
 * migrations, Flyway simply has more to do, as on any database.
 */
public final class SchemaTemplate {

    /** The PostgreSQL compatibility every H2 database of LineOne runs with; the template is made with them too. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    static final String RESOURCE = "db/template/lineone.mv.db";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaTemplate.class);
    private static final String FILE_URL = "jdbc:h2:file:";
    private static final String H2_FILE_SUFFIX = ".mv.db";

    private SchemaTemplate() {
    }

    /** Puts the template where an embedded H2 URL's database would be, when that database does not exist yet. */
    static void copyIfNew(String jdbcUrl) {
        Optional<Path> database = fileOf(jdbcUrl);
        if (database.isEmpty() || Files.exists(database.get())) {
            return;
        }
        Path file = database.get();
        try (InputStream template = SchemaTemplate.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (template == null) {
                return;
            }
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), "lineone-", ".part");
            try {
                Files.copy(template, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            // Flyway makes the schema as it would have without the template.
            LOG.warn("cannot copy the schema template to {}: {}", file, e.getMessage());
        }
    }

    /** The file of an embedded H2 URL ({@code jdbc:h2:file:PATH;…} is {@code PATH.mv.db}); empty for any other. */
    static Optional<Path> fileOf(String jdbcUrl) {
        if (!jdbcUrl.startsWith(FILE_URL)) {
            return Optional.empty();
        }
        int options = jdbcUrl.indexOf(';');
        String path = jdbcUrl.substring(FILE_URL.length(), options < 0 ? jdbcUrl.length() : options);
        return path.isBlank() ? Optional.empty() : Optional.of(Path.of(path + H2_FILE_SUFFIX));
    }

    /**
     * At build time ({@code process-classes}): migrates a new database into {@code DIR/lineone.mv.db}, the class path
     * resource {@value #RESOURCE} of the jar.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SchemaTemplate DIR");
            System.exit(2);
        }
        // Flyway's and the pool's progress lines are not the build's news.
        java.util.logging.Logger.getLogger("").setLevel(Level.WARNING);
        Path folder = Path.of(args[0]).toAbsolutePath();
        Path base = folder.resolve("lineone");
        Files.deleteIfExists(Path.of(base + H2_FILE_SUFFIX));
        // Migrated (Flyway holds two connections), then closed: H2 compacts the file as it closes. The trace file
        // is H2's note of the history table the new database did not have yet.
        Database.open(FILE_URL + base + H2_OPTIONS, null, null, 2).close();
        Files.deleteIfExists(Path.of(base + ".trace.db"));
        System.out.println("schema template: " + base + H2_FILE_SUFFIX + " ("
                + Files.size(Path.of(base + H2_FILE_SUFFIX)) / 1024 + " KB)");
    }
}
