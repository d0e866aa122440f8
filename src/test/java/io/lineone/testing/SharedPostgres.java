package io.lineone.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real PostgreSQL (zonky's embedded binaries) for the whole test JVM: started on first use, kept in JUnit's
 * root store and stopped by it when the run ends. Each test asks it for a database of its own.
 */
public final class SharedPostgres implements AutoCloseable {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPostgres.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedPostgres postgres;

    private SharedPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** The JVM's PostgreSQL, started on the first call. */
    public static SharedPostgres get(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedPostgres.class, key -> start(), SharedPostgres.class);
    }

    private static SharedPostgres start() {
        try {
            // A throwaway cluster need not survive a crash: without flushing to disk, creating a database per
            // test and migrating it takes a fraction of the time.
            return new SharedPostgres(EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    /** Creates an empty database and returns its name. */
    public String createDatabase() {
        String name = "lineone_" + DATABASES.incrementAndGet();
        admin("create database " + name);
        return name;
    }

    public void dropDatabase(String name) {
        admin("drop database if exists " + name + " with (force)");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    private void admin(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
