package io.lineone.server.auth;

import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.server.db.Database;
import io.lineone.server.db.Rows;
import io.lineone.server.db.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Users and their password hashes. */
public final class UserStore {

    /** A user with the hash that only the sign-in check may read. */
    public record Credentials(User user, String passwordHash) {
    }

    private static final String COLUMNS = "id, login, display_name, role";
    private static final String BY_ID = "select " + COLUMNS + " from app_user where id = ?";

    private final Database db;

    public UserStore(Database db) {
        this.db = db;
    }

    public void insert(Tx tx, User user, String passwordHash, Instant createdAt) {
        tx.update(
                "insert into app_user (id, login, display_name, role, password_hash, created_at) values (?, ?, ?, ?, ?, ?)",
                user.id(), user.login(), user.displayName(), user.role().name(), passwordHash, createdAt);
    }

    public boolean loginExists(Tx tx, String login) {
        return tx.first("select 1 from app_user where login = ?", List.of(login), rows -> true).isPresent();
    }

    public Optional<Credentials> credentials(String login) {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + COLUMNS + ", password_hash from app_user where login = ?")) {
                select.setString(1, login);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next()
                            ? Optional.of(new Credentials(user(rows), rows.getString("password_hash")))
                            : Optional.empty();
                }
            }
        });
    }

    public Optional<User> find(String id) {
        return db.read(connection -> Rows.first(connection, BY_ID, List.of(id), UserStore::user));
    }

    public Optional<User> find(Tx tx, String id) {
        return tx.first(BY_ID, List.of(id), UserStore::user);
    }

    /** Users in id order after {@code afterId} (null for the first page); {@code limit} rows at most. */
    public List<User> list(Role role, String afterId, int limit) {
        return db.read(connection -> {
            StringBuilder sql = new StringBuilder("select " + COLUMNS + " from app_user where 1 = 1");
            List<Object> args = new ArrayList<>();
            if (role != null) {
                sql.append(" and role = ?");
                args.add(role.name());
            }
            if (afterId != null) {
                sql.append(" and id > ?");
                args.add(afterId);
            }
            sql.append(" order by id limit ?");
            args.add(limit);
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                Rows.bind(select, args);
                List<User> users = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        users.add(user(rows));
                    }
                }
                return users;
            }
        });
    }

    public boolean isEmpty() {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select count(*) from app_user");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 0;
            }
        });
    }

    static User user(ResultSet rows) throws SQLException {
        return new User(rows.getString("id"), rows.getString("login"), rows.getString("display_name"),
                Role.valueOf(rows.getString("role")));
    }
}
