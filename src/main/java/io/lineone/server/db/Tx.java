package io.lineone.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A transaction in progress. Services hold it only to hand it from one store call to the next, so that a change,
 * its history, its audit entry and its event commit together; stores write through it. A database error fails
 * the transaction as a {@link StoreException}, which rolls it back.
 */
public final class Tx {

    private final Connection connection;

    Tx(Connection connection) {
        this.connection = connection;
    }

    /** An insert or update with {@code values} bound in order ({@link Rows#bind}); returns the rows changed. */
    public int update(String sql, Object... values) {
        return jdbc(c -> Rows.update(c, sql, values));
    }

    public <T> Optional<T> first(String sql, List<?> values, Rows.RowMapper<T> mapper) {
        return jdbc(c -> Rows.first(c, sql, values, mapper));
    }

    public <T> List<T> list(String sql, List<?> values, Rows.RowMapper<T> mapper) {
        return jdbc(c -> Rows.list(c, sql, values, mapper));
    }

    /** Plain JDBC on the transaction's connection, for what the helpers above do not cover (batches). */
    public <T> T jdbc(Database.SqlFunction<Connection, T> work) {
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }
}
