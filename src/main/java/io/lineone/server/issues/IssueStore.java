package io.lineone.server.issues;

import io.lineone.api.IssueCategory;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.IssueSource;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.server.auth.Visibility;
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
import java.util.Set;
import java.util.stream.Collectors;

/** Issues and their history, with the merchant's name and manager and the assignee's name joined in. */
public final class IssueStore {

    /** The part of an issue that changes as it is worked on. */
    public record State(
            IssueStatus status,
            String rootCause,
            String assigneeId,
            Instant updatedAt,
            Instant firstResponseAt,
            Instant resolvedAt,
            int pauseCount,
            long pausedMillis,
            Instant pausedSince,
            long version) {
    }

    /**
     * An issue as stored. {@code managerId} is the manager whose queue holds it: the one it was transferred to, else
     * the merchant's assigned manager now (joined, not stored); {@code resolutionBaseDueAt} is the resolution due
     * time before pauses; {@code duplicateOf} the issue this one was resolved as a duplicate of.
     */
    public record Row(
            String id,
            String merchantId,
            String merchantName,
            String managerId,
            IssueCategory category,
            IssueSource source,
            Priority priority,
            String title,
            String description,
            String listingId,
            String releaseId,
            long moneyAtRiskCents,
            Instant createdAt,
            Instant firstResponseDueAt,
            Instant resolutionBaseDueAt,
            State state,
            String assigneeName,
            String duplicateOf) {

        /** A new issue: in its merchant's manager's queue, a duplicate of nothing. */
        public Row(String id, String merchantId, String merchantName, String managerId, IssueCategory category,
                   IssueSource source, Priority priority, String title, String description, String listingId,
                   String releaseId, long moneyAtRiskCents, Instant createdAt, Instant firstResponseDueAt,
                   Instant resolutionBaseDueAt, State state, String assigneeName) {
            this(id, merchantId, merchantName, managerId, category, source, priority, title, description, listingId,
                    releaseId, moneyAtRiskCents, createdAt, firstResponseDueAt, resolutionBaseDueAt, state,
                    assigneeName, null);
        }

        public Row with(State newState, String newAssigneeName, String newReleaseId) {
            return new Row(id, merchantId, merchantName, managerId, category, source, priority, title, description,
                    listingId, newReleaseId, moneyAtRiskCents, createdAt, firstResponseDueAt, resolutionBaseDueAt,
                    newState, newAssigneeName, duplicateOf);
        }

        /** The row after a management step: another queue, priority (with its due times) or original. */
        public Row managed(String newManagerId, Priority newPriority, Instant newFirstResponseDueAt,
                           Instant newResolutionBaseDueAt, State newState, String newAssigneeName,
                           String newDuplicateOf) {
            return new Row(id, merchantId, merchantName, newManagerId, category, source, newPriority, title,
                    description, listingId, releaseId, moneyAtRiskCents, createdAt, newFirstResponseDueAt,
                    newResolutionBaseDueAt, newState, newAssigneeName, newDuplicateOf);
        }
    }

    /**
     * What to list; null or empty filters match everything. {@code shown} restricts to the books it sees;
     * {@code assigneeId} to one assignee, or {@code unassigned} to none.
     */
    public record Query(Visibility shown, String merchantId, String releaseId, Set<IssueStatus> statuses, Set<Priority> priorities,
                        Set<IssueCategory> categories, String assigneeId, boolean unassigned, String afterId,
                        int limit) {
    }

    /** A history step to append; {@code detail} says what a management step changed (see IssueHistoryEntry). */
    public record HistoryStep(String issueId, Instant at, String actorId, String action, IssueStatus fromStatus,
                              IssueStatus toStatus, String note, String rootCause, String detail) {

        public HistoryStep(String issueId, Instant at, String actorId, String action, IssueStatus fromStatus,
                           IssueStatus toStatus, String note, String rootCause) {
            this(issueId, at, actorId, action, fromStatus, toStatus, note, rootCause, null);
        }
    }

    /** The manager whose queue holds an issue, as SQL over {@code i} (issue) and {@code m} (its merchant). */
    static final String MANAGER = "coalesce(i.handler_id, m.assigned_manager_id)";

    private static final String SELECT = "select i.id, i.merchant_id, m.name as merchant_name,"
            + " " + MANAGER + " as manager_id, i.duplicate_of, i.category, i.source, i.priority, i.status, i.title,"
            + " i.description, i.listing_id, i.release_id, i.root_cause, i.money_at_risk_cents, i.assignee_id,"
            + " u.display_name as assignee_name, i.created_at, i.updated_at, i.first_response_at, i.resolved_at,"
            + " i.first_response_due_at, i.resolution_base_due_at, i.pause_count, i.paused_millis, i.paused_since,"
            + " i.version from issue i join merchant m on m.id = i.merchant_id"
            + " left join app_user u on u.id = i.assignee_id";

    private final Database db;

    public IssueStore(Database db) {
        this.db = db;
    }

    public void insert(Tx tx, Row row) {
        State s = row.state();
        tx.update("insert into issue (id, merchant_id, category,"
                + " source, priority, status, title, description, listing_id, release_id, root_cause,"
                + " money_at_risk_cents, assignee_id, created_at, updated_at, first_response_at, resolved_at,"
                + " first_response_due_at, resolution_base_due_at, pause_count, paused_millis, paused_since, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.id(), row.merchantId(), row.category().name(), row.source().name(), row.priority().name(),
                s.status().name(), row.title(), row.description(), row.listingId(), row.releaseId(), s.rootCause(),
                row.moneyAtRiskCents(), s.assigneeId(), row.createdAt(), s.updatedAt(), s.firstResponseAt(),
                s.resolvedAt(), row.firstResponseDueAt(), row.resolutionBaseDueAt(), s.pauseCount(), s.pausedMillis(),
                s.pausedSince(), s.version());
        if (s.status() != IssueStatus.RESOLVED) {
            activity(tx, row.merchantId(), 1, row.moneyAtRiskCents());
        }
    }

    /** Writes a new state if the issue is still at {@code expectedVersion}; returns whether it was. */
    public boolean update(Tx tx, String id, State s, String releaseId, long expectedVersion) {
        Optional<Before> before = before(tx, id, expectedVersion);
        boolean updated = tx.update("update issue set status = ?, root_cause = ?, release_id = ?,"
                + " assignee_id = ?, updated_at = ?, first_response_at = ?, resolved_at = ?, pause_count = ?,"
                + " paused_millis = ?, paused_since = ?, version = ? where id = ? and version = ?",
                s.status().name(), s.rootCause(), releaseId, s.assigneeId(), s.updatedAt(), s.firstResponseAt(), s.resolvedAt(),
                s.pauseCount(), s.pausedMillis(), s.pausedSince(), s.version(), id, expectedVersion) == 1;
        if (updated) {
            before.ifPresent(b -> b.moved(tx, s.status()));
        }
        return updated;
    }

    /**
     * What a merchant's activity row needs to know of an issue before a change: whether it was open, and its money.
     * Read at the version the change is conditioned on, so a successful change started from exactly this.
     */
    private record Before(String merchantId, IssueStatus status, long moneyAtRiskCents) {

        /** Counts the issue in or out of its merchant's open issues when it was resolved or reopened. */
        void moved(Tx tx, IssueStatus after) {
            boolean wasOpen = status != IssueStatus.RESOLVED;
            boolean isOpen = after != IssueStatus.RESOLVED;
            if (wasOpen != isOpen) {
                activity(tx, merchantId, isOpen ? 1 : -1, isOpen ? moneyAtRiskCents : -moneyAtRiskCents);
            }
        }
    }

    private static Optional<Before> before(Tx tx, String id, long version) {
        return tx.first("select merchant_id, status, money_at_risk_cents from issue where id = ? and version = ?",
                List.of(id, version), rows -> new Before(rows.getString(1), IssueStatus.valueOf(rows.getString(2)),
                        rows.getLong(3)));
    }

    /**
     * One delta on the merchant's activity row, in the transaction of the issue's change: a per-merchant row, so
     * concurrent intake for different merchants never waits on each other, and the book's list sorts by an index.
     */
    private static void activity(Tx tx, String merchantId, int openIssues, long moneyAtRiskCents) {
        tx.update("update merchant_activity set open_issues = open_issues + ?,"
                + " money_at_risk_cents = money_at_risk_cents + ? where merchant_id = ?",
                openIssues, moneyAtRiskCents, merchantId);
    }

    /**
     * Writes a management step (a transfer, a new priority, a duplicate link, a reopening) if the issue is still at
     * {@code expectedVersion}; returns whether it was. {@code handlerId} is the manager it was transferred to, or
     * null to leave it where it is.
     */
    public boolean updateManaged(Tx tx, Row row, String handlerId, long expectedVersion) {
        State s = row.state();
        Optional<Before> before = before(tx, row.id(), expectedVersion);
        boolean updated = tx.update("update issue set status = ?, root_cause = ?, assignee_id = ?, updated_at = ?,"
                + " first_response_at = ?, resolved_at = ?, pause_count = ?, paused_millis = ?, paused_since = ?,"
                + " priority = ?, first_response_due_at = ?, resolution_base_due_at = ?, duplicate_of = ?,"
                + " handler_id = coalesce(?, handler_id), version = ? where id = ? and version = ?",
                s.status().name(), s.rootCause(), s.assigneeId(), s.updatedAt(), s.firstResponseAt(), s.resolvedAt(),
                s.pauseCount(), s.pausedMillis(), s.pausedSince(), row.priority().name(), row.firstResponseDueAt(),
                row.resolutionBaseDueAt(), row.duplicateOf(), handlerId, s.version(), row.id(), expectedVersion) == 1;
        if (updated) {
            before.ifPresent(b -> b.moved(tx, s.status()));
        }
        return updated;
    }

    /** The open issues of every queue, each with its manager; for the team's load. */
    public List<Row> open() {
        return list(new Query(Visibility.EVERYTHING, null, null, Set.of(IssueStatus.NEW, IssueStatus.ACKNOWLEDGED,
                IssueStatus.IN_PROGRESS, IssueStatus.WAITING_MERCHANT), null, null, null, false, null,
                Integer.MAX_VALUE));
    }

    public Optional<Row> find(String id) {
        return db.read(connection -> Rows.first(connection, SELECT + " where i.id = ?", List.of(id), IssueStore::row));
    }

    public Optional<Row> find(Tx tx, String id) {
        return tx.first(SELECT + " where i.id = ?", List.of(id), IssueStore::row);
    }

    /** Issues in id order; ask for one row more than a page to learn whether another page exists. */
    public List<Row> list(Query query) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where ")
                .append(query.shown().sql(MANAGER));
        List<Object> args = new ArrayList<>(query.shown().parameters());
        if (query.merchantId() != null) {
            sql.append(" and i.merchant_id = ?");
            args.add(query.merchantId());
        }
        if (query.releaseId() != null) {
            sql.append(" and i.release_id = ?");
            args.add(query.releaseId());
        }
        in(sql, args, "i.status", query.statuses());
        in(sql, args, "i.priority", query.priorities());
        in(sql, args, "i.category", query.categories());
        if (query.unassigned()) {
            sql.append(" and i.assignee_id is null");
        } else if (query.assigneeId() != null) {
            sql.append(" and i.assignee_id = ?");
            args.add(query.assigneeId());
        }
        if (query.afterId() != null) {
            sql.append(" and i.id > ?");
            args.add(query.afterId());
        }
        sql.append(" order by i.id limit ?");
        args.add(query.limit());
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                Rows.bind(select, args);
                List<Row> result = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        result.add(row(rows));
                    }
                }
                return result;
            }
        });
    }

    /** Open issues of the merchants of one manager, oldest first, at most {@code limit}; for the simulator. */
    public List<Row> openOfManager(String managerId, int limit) {
        return list(new Query(Visibility.bookOf(managerId), null, null, Set.of(IssueStatus.NEW, IssueStatus.ACKNOWLEDGED,
                IssueStatus.IN_PROGRESS, IssueStatus.WAITING_MERCHANT), null, null, null, false, null, limit));
    }

    public void appendHistory(Tx tx, HistoryStep step) {
        tx.update("insert into issue_history (issue_id, at, actor_id, action, from_status, to_status, note,"
                + " root_cause, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                step.issueId(), step.at(), step.actorId(), step.action(), step.fromStatus(), step.toStatus(),
                step.note(), step.rootCause(), step.detail());
        if (step.actorId() != null && "status".equals(step.action())) {
            // A step by the team (not the feed or a detector) is a contact with the merchant.
            tx.update("update merchant_activity set last_contact_at = ?"
                    + " where merchant_id = (select merchant_id from issue where id = ?)"
                    + " and (last_contact_at is null or last_contact_at < ?)"
                    + " and exists (select 1 from app_user u where u.id = ? and u.role <> 'SERVICE')",
                    step.at(), step.issueId(), step.at(), step.actorId());
        }
    }

    public List<IssueHistoryEntry> history(String issueId) {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select h.at, h.actor_id,"
                    + " u.display_name, h.action, h.from_status, h.to_status, h.note, h.root_cause,"
                    + " h.detail from issue_history h left join app_user u on u.id = h.actor_id"
                    + " where h.issue_id = ? order by h.id")) {
                select.setString(1, issueId);
                List<IssueHistoryEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new IssueHistoryEntry(Rows.instant(rows, "at"), rows.getString("actor_id"),
                                rows.getString("display_name"), rows.getString("action"),
                                status(rows.getString("from_status")), status(rows.getString("to_status")),
                                rows.getString("note"), rows.getString("root_cause"), rows.getString("detail")));
                    }
                }
                return entries;
            }
        });
    }

    /** How many issues there are; for the demo seed's "first run" check. */
    public long count() {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select count(*) from issue");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static void in(StringBuilder sql, List<Object> args, String column, Set<? extends Enum<?>> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        sql.append(" and ").append(column).append(" in (")
                .append(values.stream().map(v -> "?").collect(Collectors.joining(", "))).append(')');
        values.forEach(v -> args.add(v.name()));
    }

    private static IssueStatus status(String name) {
        return name == null ? null : IssueStatus.valueOf(name);
    }

    private static Row row(ResultSet rows) throws SQLException {
        State state = new State(
                IssueStatus.valueOf(rows.getString("status")),
                rows.getString("root_cause"),
                rows.getString("assignee_id"),
                Rows.instant(rows, "updated_at"),
                Rows.instant(rows, "first_response_at"),
                Rows.instant(rows, "resolved_at"),
                rows.getInt("pause_count"),
                rows.getLong("paused_millis"),
                Rows.instant(rows, "paused_since"),
                rows.getLong("version"));
        return new Row(
                rows.getString("id"),
                rows.getString("merchant_id"),
                rows.getString("merchant_name"),
                rows.getString("manager_id"),
                IssueCategory.valueOf(rows.getString("category")),
                IssueSource.valueOf(rows.getString("source")),
                Priority.valueOf(rows.getString("priority")),
                rows.getString("title"),
                rows.getString("description"),
                rows.getString("listing_id"),
                rows.getString("release_id"),
                rows.getLong("money_at_risk_cents"),
                Rows.instant(rows, "created_at"),
                Rows.instant(rows, "first_response_due_at"),
                Rows.instant(rows, "resolution_base_due_at"),
                state,
                rows.getString("assignee_name"),
                rows.getString("duplicate_of"));
    }
}
