package io.lineone.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool and the schema: one per backend, H2 or PostgreSQL behind the same SQL. */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    public enum Kind { H2, POSTGRESQL }

    private final HikariDataSource dataSource;
    private final Kind kind;
    private final boolean inMemory;

    private Database(HikariDataSource dataSource, Kind kind, boolean inMemory) {
        this.dataSource = dataSource;
        this.kind = kind;
        this.inMemory = inMemory;
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @throws StoreException with a one-line reason when the database cannot be reached or migrated
     */
    public static Database open(String jdbcUrl, String user, String password, int maxPoolSize) {
        return open(jdbcUrl, user, password, maxPoolSize, null);
    }

    /** The database account that owns the schema and runs the migrations, when it is not the application's. */
    public record Owner(String user, String password) {
    }

    /**
     * {@link #open(String, String, String, int)}, with the migrations run as {@code owner} (null: as the application's
     * account). A team's PostgreSQL keeps its schema and the audit trail out of the application account's reach:
     * that account may only read and append to {@code audit_event}, and cannot alter the schema.
     */
    public static Database open(String jdbcUrl, String user, String password, int maxPoolSize, Owner owner) {
        Kind kind = kindOf(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(maxPoolSize);
        config.setPoolName("lineone");
        config.setConnectionTimeout(10_000);
        if (kind == Kind.H2) {
            // H2 gives up on a row lock after 1 s by default; writers of domain events queue on one row
            // (the event log numbers events under that lock), so a burst must wait its turn rather than fail.
            config.setConnectionInitSql("SET LOCK_TIMEOUT 10000");
        } else {
            // On PostgreSQL an open writing transaction holds back every event stream of the cluster (EventLog's
            // stable horizon); none of ours may sit idle in one for long, whatever goes wrong in the code.
            config.setConnectionInitSql("set idle_in_transaction_session_timeout = 30000");
        }
        // Fail in seconds with a clear message rather than retrying a wrong URL for half a minute.
        config.setInitializationFailTimeout(1);
        SchemaTemplate.copyIfNew(jdbcUrl);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the database " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        boolean embedded = kind == Kind.H2 && !jdbcUrl.startsWith("jdbc:h2:mem:");
        if (embedded && CurrentSchema.isCurrent(dataSource)) {
            // The console's own database, opened at every launch, is nearly always up to date.
            LOG.debug("schema of {} is current: Flyway not needed", redact(jdbcUrl));
            return new Database(dataSource, kind, false);
        }
        try {
            var flyway = Flyway.configure();
            if (owner == null) {
                flyway.dataSource(dataSource);
            } else {
                flyway.dataSource(jdbcUrl, owner.user(), owner.password());
            }
            flyway
                    .locations("classpath:db/migration")
                    .placeholders(vendorPlaceholders(kind))
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("cannot migrate the database " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        return new Database(dataSource, kind, jdbcUrl.startsWith("jdbc:h2:mem:"));
    }

    /**
     * Where a migration needs SQL of one database only (a trigger: PL/pgSQL on PostgreSQL, a Java class on H2), it
     * writes both halves between {@code ${postgresql_begin}…${postgresql_end}} and {@code ${h2_begin}…${h2_end}};
     * the other database's half becomes a comment. Keeps every migration in the one folder {@link CurrentSchema}
     * lists.
     */
    static Map<String, String> vendorPlaceholders(Kind kind) {
        String open = "/* (not for this database)";
        String close = "*/";
        return Map.of(
                "postgresql_begin", kind == Kind.POSTGRESQL ? "" : open,
                "postgresql_end", kind == Kind.POSTGRESQL ? "" : close,
                "h2_begin", kind == Kind.H2 ? "" : open,
                "h2_end", kind == Kind.H2 ? "" : close);
    }

    static Kind kindOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return Kind.H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return Kind.POSTGRESQL;
        }
        throw new StoreException("unsupported database URL " + redact(jdbcUrl)
                + " (use jdbc:h2:… or jdbc:postgresql:…)", null);
    }

    public Kind kind() {
        return kind;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlFunction<Tx, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(new Tx(connection));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /** Runs a read on a connection of its own, in auto-commit. */
    public <T> T read(SqlFunction<Connection, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /**
     * A connection of its own, outside the pool, for a thread that holds it for good (listening for PostgreSQL
     * notifications): a pooled one would be one fewer for requests. The caller closes it.
     */
    public Connection dedicatedConnection() throws SQLException {
        return DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
    }

    /** Whether the database answers now, for {@code GET /health}. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /**
     * Closes the pool and, for an in-memory H2 database, the database itself: kept open by DB_CLOSE_DELAY=-1,
     * it would otherwise outlive its server and hold its heap.
     */
    public void closeAndDiscardInMemory() {
        if (!inMemory) {
            close();
            return;
        }
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("shutdown");
        } catch (SQLException e) {
            // Already closed by someone else: then there is nothing left to discard.
            LOG.debug("in-memory database already closed", e);
        } finally {
            close();
        }
    }

    /** Drops user information and passwords from a URL before it goes into a message. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    @FunctionalInterface
    public interface SqlFunction<I, O> {
        O apply(I input) throws SQLException;
    }
}
