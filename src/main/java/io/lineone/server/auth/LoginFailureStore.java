package io.lineone.server.auth;

import io.lineone.server.db.Database;
import io.lineone.server.db.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Failed sign-ins per login, for throttling. */
public final class LoginFailureStore {

    private final Database db;

    public LoginFailureStore(Database db) {
        this.db = db;
    }

    public void record(String login, Instant at) {
        db.inTransaction(tx -> tx.update("insert into login_failure (login, failed_at) values (?, ?)", login, at));
    }

    public int countSince(String login, Instant since) {
        return db.read(connection -> countSince(connection, login, since));
    }

    private static int countSince(Connection connection, String login, Instant since) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select count(*) from login_failure where login = ? and failed_at > ?")) {
            select.setString(1, login);
            Rows.setInstant(select, 2, since);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
