package io.lineone.server.audit;

import io.lineone.server.db.Database;
import io.lineone.server.db.Rows;
import io.lineone.server.db.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The append-only audit trail: this class can insert and read, and nothing in the application can do more. */
public final class AuditLog {

    /** One audited change; before and after are JSON snapshots, null where there is none. */
    public record Entry(String actorId, String action, String targetType, String targetId,
                        String beforeJson, String afterJson, String requestId, Instant at) {
    }

    private final Database db;

    public AuditLog(Database db) {
        this.db = db;
    }

    /** Appends in the caller's transaction, so the entry commits or rolls back with the change it records. */
    public void append(Tx tx, Entry entry) {
        tx.update(
                "insert into audit_event (actor_id, action, target_type, target_id, before_json, after_json, request_id, at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                entry.actorId(), entry.action(), entry.targetType(), entry.targetId(), entry.beforeJson(),
                entry.afterJson(), entry.requestId(), entry.at());
    }

    public List<Entry> forTarget(String targetType, String targetId) {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select actor_id, action, target_type, target_id, before_json, after_json, request_id, at"
                            + " from audit_event where target_type = ? and target_id = ? order by id")) {
                select.setString(1, targetType);
                select.setString(2, targetId);
                List<Entry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new Entry(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                                Rows.instant(rows, "at")));
                    }
                }
                return entries;
            }
        });
    }
}
