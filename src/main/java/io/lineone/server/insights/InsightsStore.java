package io.lineone.server.insights;

import io.lineone.api.IssueCategory;
import io.lineone.server.auth.Visibility;
import io.lineone.server.db.Database;
import io.lineone.server.db.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The issues of a window as the insights read them: counted by bucket and category in the database, or read as
 * narrow rows for what is easier to say in Java (percentiles, clusters, rollout exposure). Every query keeps to the
 * books {@code shown}, with an issue's book following the queue it is in (handed over, else its merchant's manager).
 */
public final class InsightsStore {

    /** The manager whose queue holds an issue: the same rule as the issue queue's. */
    private static final String MANAGER = "coalesce(i.handler_id, m.assigned_manager_id)";
    private static final String FROM = " from issue i join merchant m on m.id = i.merchant_id";

    /** Issues of one category opened in one bucket ({@code bucket} counts buckets of the size since the epoch). */
    public record BucketCount(long bucket, IssueCategory category, int count) {
    }

    public record RootCause(String rootCause, IssueCategory category, int count) {
    }

    /** An issue as the clusters and suggested bells need it. */
    public record IssueRow(String id, String merchantId, IssueCategory category, String rootCause, String releaseId,
                           long moneyAtRiskCents, Instant createdAt) {
    }

    /** A release that may deserve a bell: rolling out or live, started, and no bell blocking it now. */
    public record Candidate(String id, String name, String productArea, int exposurePercent, Instant startedAt) {
    }

    private final Database db;

    public InsightsStore(Database db) {
        this.db = db;
    }

    public List<BucketCount> categoryCounts(Visibility shown, Instant from, Instant to, long bucketSeconds) {
        String bucket = "floor(extract(epoch from i.created_at) / " + bucketSeconds + ")";
        String sql = "select " + bucket + " as bucket, i.category, count(*) as n" + FROM + where(shown)
                + " group by " + bucket + ", i.category";
        return db.read(c -> Rows.list(c, sql, args(shown, from, to), rows -> new BucketCount(rows.getLong("bucket"),
                IssueCategory.valueOf(rows.getString("category")), rows.getInt("n"))));
    }

    public List<RootCause> rootCauses(Visibility shown, Instant from, Instant to, int limit) {
        String sql = "select i.root_cause, i.category, count(*) as n" + FROM + where(shown)
                + " and i.root_cause is not null group by i.root_cause, i.category"
                + " order by n desc, i.root_cause, i.category limit ?";
        List<Object> args = args(shown, from, to);
        args.add(limit);
        return db.read(c -> Rows.list(c, sql, args, rows -> new RootCause(rows.getString("root_cause"),
                IssueCategory.valueOf(rows.getString("category")), rows.getInt("n"))));
    }

    /** How long each issue opened in the window and answered took to its first response, in milliseconds. */
    public List<Long> firstResponseMillis(Visibility shown, Instant from, Instant to) {
        String sql = "select (extract(epoch from i.first_response_at) - extract(epoch from i.created_at)) * 1000"
                + " as millis" + FROM + where(shown) + " and i.first_response_at is not null";
        return db.read(c -> Rows.list(c, sql, args(shown, from, to), rows -> Math.max(0, Math.round(rows.getDouble(1)))));
    }

    /** The window's issues with a root cause or a release: what clusters are made of. */
    public List<IssueRow> clusterable(Visibility shown, Instant from, Instant to) {
        String sql = "select i.id, i.merchant_id, i.category, i.root_cause, i.release_id, i.money_at_risk_cents,"
                + " i.created_at" + FROM + where(shown) + " and (i.root_cause is not null or i.release_id is not null)";
        return db.read(c -> Rows.list(c, sql, args(shown, from, to), InsightsStore::issue));
    }

    /** The window's issues of some categories, or naming a release, for a release's rise against its baseline. */
    public List<IssueRow> areaIssues(Visibility shown, Instant from, Instant to, Set<IssueCategory> categories,
                                     String releaseId) {
        StringBuilder sql = new StringBuilder("select i.id, i.merchant_id, i.category, i.root_cause, i.release_id,"
                + " i.money_at_risk_cents, i.created_at").append(FROM).append(where(shown)).append(" and (i.release_id = ?");
        List<Object> args = args(shown, from, to);
        args.add(releaseId);
        if (!categories.isEmpty()) {
            sql.append(" or i.category in (")
                    .append(categories.stream().map(x -> "?").collect(Collectors.joining(", "))).append(')');
            args.addAll(categories.stream().map(Enum::name).toList());
        }
        sql.append(')');
        return db.read(c -> Rows.list(c, sql.toString(), args, InsightsStore::issue));
    }

    public List<Candidate> candidates() {
        return db.read(c -> Rows.list(c, "select r.id, r.name, r.product_area, r.exposure_percent, r.started_at"
                + " from product_release r where r.stage in ('ROLLING_OUT', 'LIVE') and r.started_at is not null"
                + " and not exists (select 1 from bell b where b.release_id = r.id"
                + " and b.status in ('OPEN', 'ACKNOWLEDGED', 'FIXED')) order by r.id", List.of(),
                rows -> new Candidate(rows.getString("id"), rows.getString("name"), rows.getString("product_area"),
                        rows.getInt("exposure_percent"), Rows.instant(rows, "started_at"))));
    }

    /** Release names by id, for the clusters of releases. */
    public List<String[]> releaseNames(Set<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String sql = "select id, name from product_release where id in ("
                + ids.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
        return db.read(c -> Rows.list(c, sql, new ArrayList<>(ids),
                rows -> new String[] {rows.getString(1), rows.getString(2)}));
    }

    private static String where(Visibility shown) {
        return " where " + shown.sql(MANAGER) + " and i.created_at >= ? and i.created_at < ?";
    }

    private static List<Object> args(Visibility shown, Instant from, Instant to) {
        List<Object> args = new ArrayList<>(shown.parameters());
        args.add(from);
        args.add(to);
        return args;
    }

    private static IssueRow issue(java.sql.ResultSet rows) throws java.sql.SQLException {
        return new IssueRow(rows.getString("id"), rows.getString("merchant_id"),
                IssueCategory.valueOf(rows.getString("category")), rows.getString("root_cause"),
                rows.getString("release_id"), rows.getLong("money_at_risk_cents"), Rows.instant(rows, "created_at"));
    }
}
