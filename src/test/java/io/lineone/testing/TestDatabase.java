package io.lineone.testing;

import io.lineone.server.db.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, migrated database for one test: H2 in memory (PostgreSQL mode, the options the server uses) or a new
 * database on the shared PostgreSQL. Closed by JUnit after the invocation, which throws the data away.
 */
public final class TestDatabase implements AutoCloseable {

    /** The options {@code ServerConfig} adds to every H2 URL. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final String label;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Database db;
    private final Runnable discard;

    private TestDatabase(String label, String jdbcUrl, String user, String password, Runnable discard) {
        this.label = label;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.discard = discard;
        this.db = Database.open(jdbcUrl, user, password, 4);
    }

    public static TestDatabase h2() {
        String url = "jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + H2_OPTIONS;
        return new TestDatabase("H2", url, null, null, () -> {
            try (Connection connection = DriverManager.getConnection(url);
                 Statement statement = connection.createStatement()) {
                statement.execute("shutdown");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static TestDatabase postgres(SharedPostgres postgres) {
        String name = postgres.createDatabase();
        return new TestDatabase("PostgreSQL", postgres.jdbcUrl(name), postgres.user(), postgres.password(),
                () -> postgres.dropDatabase(name));
    }

    public Database db() {
        return db;
    }

    /** A second pool on the same database (for instance under another JVM time zone); the caller closes it. */
    public Database reopen() {
        return Database.open(jdbcUrl, user, password, 2);
    }

    @Override
    public String toString() {
        return label;
    }

    @Override
    public void close() {
        try {
            db.close();
        } finally {
            discard.run();
        }
    }
}
