package io.lineone.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The JDBC chores every store shares: parameters bound in order, and timestamps both drivers agree on
 * ({@code timestamp with time zone} as an OffsetDateTime in UTC).
 */
public final class Rows {

    private Rows() {
    }

    /** Runs an insert or update with {@code values} bound in order (as {@link #bind}); returns the rows changed. */
    public static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, Arrays.asList(values));
            return statement.executeUpdate();
        }
    }

    /** Maps the current row of a result. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    /** Every row a query returns, mapped, with {@code values} bound in order. */
    public static <T> List<T> list(Connection connection, String sql, List<?> values, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, values);
            List<T> result = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
            }
            return result;
        }
    }

    /** The first row a query returns, mapped; empty when there is none. */
    public static <T> Optional<T> first(Connection connection, String sql, List<?> values, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, values);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
            }
        }
    }

    /** Binds parameters from the first on: an Instant as a UTC timestamp, an enum by name, the rest as they are. */
    public static void bind(PreparedStatement statement, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof Instant instant) {
                setInstant(statement, i + 1, instant);
            } else if (value instanceof Enum<?> constant) {
                statement.setString(i + 1, constant.name());
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
    }

    public static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Escapes LIKE wildcards so a search for "100%" finds the text "100%". */
    public static String likeContains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
