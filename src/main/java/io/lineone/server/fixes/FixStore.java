package io.lineone.server.fixes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Fix;
import io.lineone.api.FixKind;
import io.lineone.api.FixStatus;
import io.lineone.api.Json;
import io.lineone.server.auth.Visibility;
import io.lineone.server.db.Database;
import io.lineone.server.db.Rows;
import io.lineone.server.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Applied fixes, with their merchant's name and manager now and the name of who applied them joined in. */
public final class FixStore {

    /** How long a fix can be undone. */
    static final Duration UNDO_WINDOW = Duration.ofHours(24);

    /**
     * A fix as stored: the API's view, the merchant's manager now (for visibility), the manager credited when
     * it was applied (for the ledger), and the target's version right after it.
     */
    public record Row(Fix fix, String managerId, String creditedManagerId, String creditedManagerName,
                      long targetVersionAfter) {
    }

    /** One applied fix for the ledger. */
    public record LedgerEntry(String managerId, String managerName, String merchantId, String merchantName,
                              Instant appliedAt, long lossAvertedCents) {
    }

    private static final ObjectMapper JSON = Json.mapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final String SELECT = "select f.id, f.kind, f.target_id, f.target_title, f.merchant_id,"
            + " m.name as merchant_name, m.assigned_manager_id, f.manager_id, cm.display_name as credited_name,"
            + " f.issue_id, f.requested_by, u.display_name as requested_by_name, f.before_json, f.after_json,"
            + " f.loss_averted_cents, f.status, f.applied_at, f.undone_at, f.target_version_after, f.version"
            + " from fix f join merchant m on m.id = f.merchant_id join app_user u on u.id = f.requested_by"
            + " left join app_user cm on cm.id = f.manager_id";

    private final Database db;

    public FixStore(Database db) {
        this.db = db;
    }

    public void insert(Tx tx, Fix f, String creditedManagerId, long targetVersionAfter) {
        tx.update("insert into fix (id, kind, target_id, target_title, merchant_id, manager_id, issue_id,"
                        + " requested_by, before_json, after_json, loss_averted_cents, status, applied_at, undone_at,"
                        + " undone_by, target_version_after, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?)", f.id(), f.kind(), f.targetId(), f.targetTitle(), f.merchantId(), creditedManagerId,
                f.issueId(), f.requestedBy(), json(f.before()), json(f.after()), f.lossAvertedCents(), f.status(),
                f.appliedAt(), null, null, targetVersionAfter, f.version());
    }

    /** Marks a fix undone if it is still at {@code expectedVersion}; returns whether it was. */
    public boolean markUndone(Tx tx, String id, Instant at, String byId, long expectedVersion) {
        return tx.update("update fix set status = 'UNDONE', undone_at = ?, undone_by = ?, version = version + 1"
                + " where id = ? and version = ? and status = 'APPLIED'", at, byId, id, expectedVersion) == 1;
    }

    public Optional<Row> find(String id) {
        return db.read(c -> Rows.first(c, SELECT + " where f.id = ?", List.of(id), FixStore::row));
    }

    public Optional<Row> find(Tx tx, String id) {
        return tx.first(SELECT + " where f.id = ?", List.of(id), FixStore::row);
    }

    /** Fixes the caller sees, newest first, before the fix {@code beforeId} (null: from the newest). */
    public List<Row> list(Visibility shown, String merchantId, String issueId, String beforeId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where ").append(shown.sql("m.assigned_manager_id"));
        List<Object> args = new ArrayList<>(shown.parameters());
        if (merchantId != null) {
            sql.append(" and f.merchant_id = ?");
            args.add(merchantId);
        }
        if (issueId != null) {
            sql.append(" and f.issue_id = ?");
            args.add(issueId);
        }
        if (beforeId != null) {
            sql.append(" and f.id < ?");
            args.add(beforeId);
        }
        sql.append(" order by f.id desc limit ?");
        args.add(limit);
        return db.read(c -> Rows.list(c, sql.toString(), args, FixStore::row));
    }

    /** The fixes applied in {@code [from, to)} and not undone that the caller sees. */
    public List<LedgerEntry> ledger(Visibility shown, Instant from, Instant to) {
        List<Object> args = new ArrayList<>(shown.parameters());
        args.add(from);
        args.add(to);
        return db.read(c -> Rows.list(c, "select f.manager_id, cm.display_name, f.merchant_id, m.name, f.applied_at,"
                + " f.loss_averted_cents from fix f join merchant m on m.id = f.merchant_id"
                + " left join app_user cm on cm.id = f.manager_id where " + shown.sql("m.assigned_manager_id")
                + " and f.status = 'APPLIED' and f.applied_at >= ? and f.applied_at < ? order by f.id", args,
                rows -> new LedgerEntry(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        Rows.instant(rows, "applied_at"), rows.getLong(6))));
    }

    private static Row row(ResultSet rows) throws SQLException {
        Instant appliedAt = Rows.instant(rows, "applied_at");
        Fix fix = new Fix(rows.getString("id"), FixKind.valueOf(rows.getString("kind")), rows.getString("target_id"),
                rows.getString("target_title"), rows.getString("merchant_id"), rows.getString("merchant_name"),
                rows.getString("issue_id"), rows.getString("requested_by"), rows.getString("requested_by_name"),
                map(rows.getString("before_json")), map(rows.getString("after_json")),
                rows.getLong("loss_averted_cents"), FixStatus.valueOf(rows.getString("status")), appliedAt,
                Rows.instant(rows, "undone_at"), appliedAt.plus(UNDO_WINDOW), rows.getLong("version"));
        return new Row(fix, rows.getString("assigned_manager_id"), rows.getString("manager_id"),
                rows.getString("credited_name"), rows.getLong("target_version_after"));
    }

    private static String json(Map<String, Object> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a fix snapshot", e);
        }
    }

    private static Map<String, Object> map(String json) throws SQLException {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new SQLException("a fix snapshot is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
