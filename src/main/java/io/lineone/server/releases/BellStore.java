package io.lineone.server.releases;

import io.lineone.api.Bell;
import io.lineone.api.BellComment;
import io.lineone.api.BellSeverity;
import io.lineone.api.BellStatus;
import io.lineone.server.db.Database;
import io.lineone.server.db.Rows;
import io.lineone.server.db.Tx;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bells with their evidence and comments. The impact (merchants touched, money at risk) is summed from the
 * evidence issues as a bell is read, so it follows those issues without being written twice.
 */
public final class BellStore {

    /** What to list; null filters match everything. {@code overdue} keeps only OPEN bells past their due time. */
    public record Query(BellStatus status, String releaseId, boolean overdue, String afterId, int limit) {
    }

    private static final String IMPACT = " from bell_evidence e join issue i on i.id = e.issue_id where e.bell_id = b.id";
    private static final String SELECT = "select b.id, b.release_id, r.name as release_name, b.pulled_by,"
            + " u.display_name as pulled_by_name, b.reason, b.severity, b.status, b.justification, b.created_at,"
            + " b.updated_at, b.acknowledge_due_at, b.acknowledged_at, b.fixed_at, b.closed_at, b.version,"
            + " (select count(distinct i.merchant_id)" + IMPACT + ") as impacted,"
            + " (select coalesce(sum(i.money_at_risk_cents), 0)" + IMPACT + ") as money"
            + " from bell b join product_release r on r.id = b.release_id join app_user u on u.id = b.pulled_by";

    private final Database db;

    public BellStore(Database db) {
        this.db = db;
    }

    public void insert(Tx tx, Bell bell) {
        tx.update("insert into bell (id, release_id, pulled_by, reason, severity, status, created_at,"
                + " updated_at, acknowledge_due_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", bell.id(),
                bell.releaseId(), bell.pulledBy(), bell.reason(), bell.severity(), bell.status(), bell.createdAt(),
                bell.updatedAt(), bell.acknowledgeDueAt(), bell.version());
    }

    /** Adds evidence issues a bell does not hold yet; returns how many were new. */
    public int addEvidence(Tx tx, String bellId, List<String> issueIds, Instant at) {
        int added = 0;
        for (String issueId : issueIds) {
            if (tx.first("select 1 from bell_evidence where bell_id = ? and issue_id = ?",
                    List.of(bellId, issueId), rows -> 1).isEmpty()) {
                added += tx.update("insert into bell_evidence (bell_id, issue_id, added_at) values (?, ?, ?)",
                        bellId, issueId, at);
            }
        }
        return added;
    }

    public void addComment(Tx tx, String bellId, BellComment comment) {
        tx.update("insert into bell_comment (bell_id, author_id, body, step, at) values (?, ?, ?, ?, ?)",
                bellId, comment.authorId(), comment.text(), comment.step(), comment.at());
    }

    /**
     * Writes a bell's new state if it is still at {@code expectedVersion}. A bell back to OPEN may be raised to
     * the supervisors again, so its escalation is forgotten.
     */
    public boolean update(Tx tx, Bell after, long expectedVersion) {
        return tx.update("update bell set status = ?, justification = ?, updated_at = ?,"
                + " acknowledge_due_at = ?, acknowledged_at = ?, fixed_at = ?, closed_at = ?, version = ?,"
                + " escalated_at = case when ? = 'OPEN' then null else escalated_at end"
                + " where id = ? and version = ?", after.status(), after.justification(), after.updatedAt(),
                after.acknowledgeDueAt(), after.acknowledgedAt(), after.fixedAt(), after.closedAt(), after.version(),
                after.status(), after.id(), expectedVersion) == 1;
    }

    /** Marks an overdue bell as raised, once: false if another backend (or an earlier run) already did. */
    public boolean markEscalated(Tx tx, String id, Instant at) {
        return tx.update("update bell set escalated_at = ? where id = ? and status = 'OPEN'"
                + " and escalated_at is null", at, id) == 1;
    }

    /** Ids of OPEN bells past their acknowledge time and not raised yet, oldest due first. */
    public List<String> overdueNotEscalated(Instant now, int limit) {
        return db.read(connection -> Rows.list(connection, "select id from bell where status = 'OPEN'"
                + " and acknowledge_due_at <= ? and escalated_at is null order by acknowledge_due_at limit ?",
                List.of(now, limit), rows -> rows.getString(1)));
    }

    /** What the statistics need of every bell pulled in {@code [from, to)}. */
    List<BellStatistics.Sample> samples(Instant from, Instant to) {
        return db.read(connection -> Rows.list(connection, "select r.product_area, b.created_at, b.acknowledged_at,"
                + " b.closed_at, b.status from bell b join product_release r on r.id = b.release_id"
                + " where b.created_at >= ? and b.created_at < ?", List.of(from, to),
                rows -> new BellStatistics.Sample(rows.getString(1), Rows.instant(rows, "created_at"),
                        Rows.instant(rows, "acknowledged_at"), Rows.instant(rows, "closed_at"),
                        BellStatus.valueOf(rows.getString("status")))));
    }

    public Optional<Bell> find(String id, Instant now) {
        return db.read(connection -> find(connection, id, now));
    }

    public Optional<Bell> find(Tx tx, String id, Instant now) {
        return tx.jdbc(connection -> find(connection, id, now));
    }

    /** Bells newest first; ask for one row more than a page to learn whether another page exists. */
    public List<Bell> list(Query query, Instant now) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.status() != null) {
            sql.append(" and b.status = ?");
            args.add(query.status());
        }
        if (query.releaseId() != null) {
            sql.append(" and b.release_id = ?");
            args.add(query.releaseId());
        }
        if (query.overdue()) {
            sql.append(" and b.status = 'OPEN' and b.acknowledge_due_at <= ?");
            args.add(now);
        }
        if (query.afterId() != null) {
            sql.append(" and b.id < ?");
            args.add(query.afterId());
        }
        sql.append(" order by b.id desc limit ?");
        args.add(query.limit());
        return db.read(connection -> complete(connection,
                Rows.list(connection, sql.toString(), args, rows -> header(rows, now)), now));
    }

    private Optional<Bell> find(Connection connection, String id, Instant now) throws SQLException {
        List<Bell> found = Rows.list(connection, SELECT + " where b.id = ?", List.of(id), rows -> header(rows, now));
        return complete(connection, found, now).stream().findFirst();
    }

    /** Fills in the evidence ids and comments of bells read without them, two queries for the lot. */
    private static List<Bell> complete(Connection connection, List<Bell> bells, Instant now) throws SQLException {
        if (bells.isEmpty()) {
            return bells;
        }
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        Map<String, List<BellComment>> comments = new LinkedHashMap<>();
        List<Object> ids = new ArrayList<>();
        for (Bell bell : bells) {
            evidence.put(bell.id(), new ArrayList<>());
            comments.put(bell.id(), new ArrayList<>());
            ids.add(bell.id());
        }
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        for (String[] pair : Rows.list(connection, "select bell_id, issue_id from bell_evidence where bell_id in ("
                + in + ") order by added_at, issue_id", ids, rows -> new String[] {rows.getString(1), rows.getString(2)})) {
            evidence.get(pair[0]).add(pair[1]);
        }
        Rows.list(connection, "select c.bell_id, c.author_id, u.display_name, c.body, c.step, c.at from bell_comment c"
                + " join app_user u on u.id = c.author_id where c.bell_id in (" + in + ") order by c.id", ids, rows -> {
                    comments.get(rows.getString(1)).add(new BellComment(rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), Rows.instant(rows, "at")));
                    return null;
                });
        List<Bell> complete = new ArrayList<>(bells.size());
        for (Bell b : bells) {
            complete.add(new Bell(b.id(), b.releaseId(), b.releaseName(), b.pulledBy(), b.pulledByName(), b.reason(),
                    b.severity(), b.status(), List.copyOf(evidence.get(b.id())), b.impactedMerchants(),
                    b.moneyAtRiskCents(), b.justification(), List.copyOf(comments.get(b.id())), b.createdAt(),
                    b.updatedAt(), b.acknowledgeDueAt(), b.acknowledgedAt(), b.fixedAt(), b.closedAt(), b.overdue(),
                    b.version()));
        }
        return complete;
    }

    private static Bell header(ResultSet rows, Instant now) throws SQLException {
        BellStatus status = BellStatus.valueOf(rows.getString("status"));
        Instant due = Rows.instant(rows, "acknowledge_due_at");
        return new Bell(rows.getString("id"), rows.getString("release_id"), rows.getString("release_name"),
                rows.getString("pulled_by"), rows.getString("pulled_by_name"), rows.getString("reason"),
                BellSeverity.valueOf(rows.getString("severity")), status, List.of(), rows.getInt("impacted"),
                rows.getLong("money"), rows.getString("justification"), List.of(), Rows.instant(rows, "created_at"),
                Rows.instant(rows, "updated_at"), due, Rows.instant(rows, "acknowledged_at"),
                Rows.instant(rows, "fixed_at"), Rows.instant(rows, "closed_at"),
                status == BellStatus.OPEN && !now.isBefore(due), rows.getLong("version"));
    }
}
