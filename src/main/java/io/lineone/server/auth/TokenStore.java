package io.lineone.server.auth;

import io.lineone.api.User;
import io.lineone.server.db.Database;
import io.lineone.server.db.Rows;
import io.lineone.server.db.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Bearer tokens, kept only as hashes. */
public final class TokenStore {

    private final Database db;

    public TokenStore(Database db) {
        this.db = db;
    }

    public void insert(Tx tx, String tokenHash, String userId, Instant createdAt, Instant expiresAt) {
        tx.update("insert into auth_token (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)",
                tokenHash, userId, createdAt, expiresAt);
    }

    /** The user behind a token that is neither expired at {@code now} nor revoked. */
    public Optional<User> activeUser(String tokenHash, Instant now) {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select u.id, u.login, u.display_name, u.role from auth_token t join app_user u on u.id = t.user_id"
                            + " where t.token_hash = ? and t.revoked_at is null and t.expires_at > ?")) {
                select.setString(1, tokenHash);
                Rows.setInstant(select, 2, now);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(UserStore.user(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Returns whether a live token was revoked. */
    public boolean revoke(Tx tx, String tokenHash, Instant now) {
        return tx.update("update auth_token set revoked_at = ? where token_hash = ? and revoked_at is null",
                now, tokenHash) == 1;
    }

    /** Revokes every live token of a user; returns how many were live. */
    public int revokeAll(Tx tx, String userId, Instant now) {
        return tx.update("update auth_token set revoked_at = ? where user_id = ? and revoked_at is null"
                + " and expires_at > ?", now, userId, now);
    }
}
