package io.lineone.server.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code Idempotency-Key}s: a client that retries a write with the same key gets the first answer, and nothing is
 * applied twice. A key is claimed inside the write's own transaction, first, so two concurrent requests with one
 * key serialise on its row: the second waits for the first to commit, then fails on the primary key and reads
 * what the first made.
 */
public final class IdempotencyKeys {

    /** What a key was first used for: the SHA-256 of that request and the id of what it created. */
    public record Claim(String requestHash, String resourceId) {
    }

    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;

    public IdempotencyKeys(Database db) {
        this.db = db;
    }

    public Optional<Claim> find(String scope, String callerId, String key) {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select request_hash, resource_id from idempotency_key"
                    + " where scope = ? and caller_id = ? and key_value = ?")) {
                Rows.bind(select, List.of(scope, callerId, key));
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(new Claim(rows.getString(1), rows.getString(2))) : Optional.empty();
                }
            }
        });
    }

    /** Claims a key for a resource in the write's transaction; call it before anything else the write does. */
    public void claim(Tx tx, String scope, String callerId, String key, Claim claim, Instant at) {
        tx.update("insert into idempotency_key (scope, caller_id, key_value, request_hash, resource_id,"
                + " created_at) values (?, ?, ?, ?, ?, ?)", scope, callerId, key, claim.requestHash(),
                claim.resourceId(), at);
    }

    /** Whether a failed write failed because another request had claimed the same key first. */
    public static boolean lostTheRace(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
