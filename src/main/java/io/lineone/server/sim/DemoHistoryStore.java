package io.lineone.server.sim;

import io.lineone.api.IssueCategory;
import io.lineone.api.IssueSource;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.server.db.Database;
import io.lineone.server.db.Rows;
import io.lineone.server.db.Tx;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The demo's past written in JDBC batches: weeks of issues with their history as if the team had worked them, then
 * every merchant's activity counted afresh from them. Only for seeding a new demo database — nothing here tells the
 * live stream, since nobody is watching yet.
 */
final class DemoHistoryStore {

    /** A merchant and its manager (null: nobody's). */
    record Owner(String merchantId, String managerId) {
    }

    /** A release as the demo's history needs it. */
    record ReleaseRow(String id, String name, String stage, int exposurePercent) {
    }

    /** An issue of the past, answered at {@code firstResponseAt} and resolved at {@code resolvedAt} (null: open). */
    record PastIssue(String id, String merchantId, IssueCategory category, IssueSource source, Priority priority,
                     String title, String description, String rootCause, long moneyAtRiskCents, String assigneeId,
                     Instant createdAt, Instant firstResponseAt, Instant resolvedAt, Instant firstResponseDueAt,
                     Instant resolutionBaseDueAt) {
    }

    private final Database db;

    DemoHistoryStore(Database db) {
        this.db = db;
    }

    List<Owner> owners() {
        return db.read(c -> Rows.list(c, "select id, assigned_manager_id from merchant order by id", List.of(),
                rows -> new Owner(rows.getString(1), rows.getString(2))));
    }

    List<ReleaseRow> releases() {
        return db.read(c -> Rows.list(c, "select id, name, stage, exposure_percent from product_release order by id",
                List.of(), rows -> new ReleaseRow(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getInt(4))));
    }

    /** The rollout of a release began at {@code startedAt} (the demo's releases began before it was seeded). */
    void started(Tx tx, String releaseId, Instant startedAt) {
        tx.update("update product_release set started_at = ? where id = ?", startedAt, releaseId);
    }

    /** The issues with their history: created, answered (acknowledged) and, when resolved, resolved with a cause. */
    void insert(Tx tx, List<PastIssue> issues) {
        tx.jdbc(connection -> {
            try (PreparedStatement issue = connection.prepareStatement("insert into issue (id, merchant_id, category,"
                    + " source, priority, status, title, description, listing_id, release_id, root_cause,"
                    + " money_at_risk_cents, assignee_id, created_at, updated_at, first_response_at, resolved_at,"
                    + " first_response_due_at, resolution_base_due_at, pause_count, paused_millis, paused_since, version)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, null, ?)");
                 PreparedStatement history = connection.prepareStatement("insert into issue_history (issue_id, at,"
                         + " actor_id, action, from_status, to_status, note, root_cause) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (PastIssue p : issues) {
                    IssueStatus status = p.resolvedAt() != null ? IssueStatus.RESOLVED
                            : p.firstResponseAt() != null ? IssueStatus.ACKNOWLEDGED : IssueStatus.NEW;
                    Instant updated = p.resolvedAt() != null ? p.resolvedAt()
                            : p.firstResponseAt() != null ? p.firstResponseAt() : p.createdAt();
                    Rows.bind(issue, Arrays.asList(p.id(), p.merchantId(), p.category(), p.source(), p.priority(),
                            status, p.title(), p.description(), p.resolvedAt() != null ? p.rootCause() : null,
                            p.moneyAtRiskCents(), p.firstResponseAt() != null ? p.assigneeId() : null, p.createdAt(),
                            updated, p.firstResponseAt(), p.resolvedAt(), p.firstResponseDueAt(),
                            p.resolutionBaseDueAt(), p.resolvedAt() != null ? 3L : p.firstResponseAt() != null ? 2L : 1L));
                    issue.addBatch();
                    step(history, p.id(), p.createdAt(), null, "created", null, IssueStatus.NEW, null);
                    if (p.firstResponseAt() != null) {
                        step(history, p.id(), p.firstResponseAt(), p.assigneeId(), "status", IssueStatus.NEW,
                                IssueStatus.ACKNOWLEDGED, null);
                    }
                    if (p.resolvedAt() != null) {
                        step(history, p.id(), p.resolvedAt(), p.assigneeId(), "status", IssueStatus.ACKNOWLEDGED,
                                IssueStatus.RESOLVED, p.rootCause());
                    }
                }
                issue.executeBatch();
                history.executeBatch();
            }
            return null;
        });
    }

    private static void step(PreparedStatement history, String issueId, Instant at, String actorId, String action,
                             IssueStatus from, IssueStatus to, String rootCause) throws java.sql.SQLException {
        Rows.bind(history, Arrays.asList(issueId, at, actorId, action, from, to, null, rootCause));
        history.addBatch();
    }

    /**
     * Every merchant's open issues, money at risk and last contact counted from what is stored — once, after the
     * seed, instead of one delta per seeded issue.
     */
    void recountActivity(Tx tx) {
        tx.update("update merchant_activity a set"
                + " open_issues = (select count(*) from issue i where i.merchant_id = a.merchant_id"
                + " and i.status <> 'RESOLVED'),"
                + " money_at_risk_cents = (select coalesce(sum(i.money_at_risk_cents), 0) from issue i"
                + " where i.merchant_id = a.merchant_id and i.status <> 'RESOLVED'),"
                + " last_contact_at = (select max(h.at) from issue i join issue_history h on h.issue_id = i.id"
                + " where i.merchant_id = a.merchant_id and h.action = 'status' and h.actor_id is not null)");
    }
}
