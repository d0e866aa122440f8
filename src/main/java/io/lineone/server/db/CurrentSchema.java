package io.lineone.server.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Whether a database already has every migration this build ships, told without starting Flyway: the console opens
 * its embedded database at every launch, and Flyway's scan and validation of an up-to-date schema cost it a good
 * part of a second of start-up, loading hundreds of classes. Anything unusual (no history table, a failed or
 * missing migration, a repeatable one, a migration folder it cannot list) answers "no", and Flyway runs as ever.
 */
final class CurrentSchema {

    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

    private CurrentSchema() {
    }

    static boolean isCurrent(DataSource dataSource) {
        Set<String> shipped;
        try {
            shipped = shippedVersions();
        } catch (RuntimeException e) {
            return false;
        }
        if (shipped.isEmpty()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select \"version\", \"success\" from \"flyway_schema_history\" where \"version\" is not null")) {
            Set<String> applied = new HashSet<>();
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false;
                }
                applied.add(normalised(rows.getString(1)));
            }
            return applied.equals(shipped);
        } catch (SQLException e) {
            // A new database has no history table yet.
            return false;
        }
    }

    /** The versions of the migrations on the class path; empty when there is any repeatable migration. */
    static Set<String> shippedVersions() {
        URL folder = CurrentSchema.class.getClassLoader().getResource(LOCATION);
        if (folder == null) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        try {
            if (folder.getProtocol().equals("jar")) {
                JarFile jar = ((JarURLConnection) folder.openConnection()).getJarFile();
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith(LOCATION + "/") && name.length() > LOCATION.length() + 1) {
                        names.add(name.substring(LOCATION.length() + 1));
                    }
                }
            } else if (folder.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                    files.forEach(file -> names.add(file.getFileName().toString()));
                }
            } else {
                return Set.of();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Set<String> versions = new HashSet<>();
        for (String name : names) {
            Matcher versioned = VERSIONED.matcher(name);
            if (versioned.matches()) {
                versions.add(normalised(versioned.group(1).replace('_', '.')));
            } else if (name.endsWith(".sql")) {
                // A repeatable (R__) or callback script: Flyway decides.
                return Set.of();
            }
        }
        return versions;
    }

    /** "1.01" and "1.1.0" are Flyway's 1.1. */
    static String normalised(String version) {
        String[] parts = version.split("\\.");
        int last = parts.length - 1;
        while (last > 0 && parts[last].replaceFirst("^0+", "").isEmpty()) {
            last--;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            String part = parts[i].replaceFirst("^0+(?=.)", "");
            text.append(i == 0 ? "" : ".").append(part);
        }
        return text.toString();
    }
}
