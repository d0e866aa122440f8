package io.lineone.server.releases;

import io.lineone.api.Gate;
import io.lineone.api.Release;
import io.lineone.api.ReleaseStage;
import io.lineone.server.db.Database;
import io.lineone.server.db.Rows;
import io.lineone.server.db.Tx;
import io.lineone.server.issues.ReleaseDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Releases, with their gate counted from their bells as they are read, so it can never go stale. */
public final class ReleaseStore implements ReleaseDirectory {

    /** A stored release and the version its next change must compare against. */
    public record Row(Release release, long rowVersion) {
    }

    /** What to list; null filters match everything. */
    public record Query(ReleaseStage stage, String ownerId, String afterId, int limit) {
    }

    private static final String SELECT = "select r.id, r.product_area, r.name, r.version, r.owner_id,"
            + " u.display_name as owner_name, r.stage, r.exposure_percent, r.started_at, r.created_at, r.updated_at,"
            + " r.row_version, (select count(*) from bell b where b.release_id = r.id"
            + " and b.status in ('OPEN', 'ACKNOWLEDGED', 'FIXED')) as blocking"
            + " from product_release r join app_user u on u.id = r.owner_id";

    private final Database db;

    public ReleaseStore(Database db) {
        this.db = db;
    }

    public void insert(Tx tx, Release release) {
        tx.update("insert into product_release (id, product_area, name, version, owner_id, stage,"
                + " exposure_percent, started_at, created_at, updated_at, row_version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", release.id(), release.productArea(), release.name(),
                release.version(), release.ownerId(), release.stage(), release.exposurePercent(), release.startedAt(),
                release.createdAt(), release.updatedAt());
    }

    @Override
    public boolean exists(String releaseId) {
        return find(releaseId).isPresent();
    }

    public Optional<Row> find(String id) {
        return db.read(connection -> Rows.first(connection, SELECT + " where r.id = ?", List.of(id), ReleaseStore::row));
    }

    /**
     * Whether the user owns the named release or a release whose bells cite the issue: what a product owner may
     * read of issues, which belong to merchants' books they do not have.
     */
    @Override
    public boolean answersFor(String userId, String issueId, String releaseId) {
        return db.read(connection -> Rows.first(connection, "select 1 from product_release r where r.owner_id = ?"
                + " and (r.id = ? or exists (select 1 from bell b join bell_evidence e on e.bell_id = b.id"
                + " where b.release_id = r.id and e.issue_id = ?))", List.of(userId, releaseId == null ? "" : releaseId,
                issueId), rs -> true)).isPresent();
    }

    public Optional<Row> find(Tx tx, String id) {
        return tx.first(SELECT + " where r.id = ?", List.of(id), ReleaseStore::row);
    }

    /**
     * Reads a release and locks it until the transaction ends. Pulling a bell and advancing both lock first, so
     * a release cannot move on past a bell pulled at the same moment.
     */
    public Optional<Row> lock(Tx tx, String id) {
        if (tx.update("update product_release set row_version = row_version where id = ?", id) == 0) {
            return Optional.empty();
        }
        return find(tx, id);
    }

    /** Writes a new stage and exposure if the release is still at {@code expectedRowVersion}. */
    public boolean update(Tx tx, String id, ReleaseStage stage, int exposurePercent, Instant startedAt,
                          Instant updatedAt, long expectedRowVersion) {
        return tx.update("update product_release set stage = ?, exposure_percent = ?, started_at = ?,"
                + " updated_at = ?, row_version = row_version + 1 where id = ? and row_version = ?", stage,
                exposurePercent, startedAt, updatedAt, id, expectedRowVersion) == 1;
    }

    /** Releases in id order; ask for one row more than a page to learn whether another page exists. */
    public List<Release> list(Query query) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.stage() != null) {
            sql.append(" and r.stage = ?");
            args.add(query.stage());
        }
        if (query.ownerId() != null) {
            sql.append(" and r.owner_id = ?");
            args.add(query.ownerId());
        }
        if (query.afterId() != null) {
            sql.append(" and r.id > ?");
            args.add(query.afterId());
        }
        sql.append(" order by r.id limit ?");
        args.add(query.limit());
        return db.read(connection -> Rows.list(connection, sql.toString(), args, rows -> row(rows).release()));
    }

    public long count() {
        return db.read(connection -> Rows.first(connection, "select count(*) from product_release", List.of(),
                rows -> rows.getLong(1)).orElse(0L));
    }

    private static Row row(ResultSet rows) throws SQLException {
        int blocking = rows.getInt("blocking");
        Release release = new Release(rows.getString("id"), rows.getString("product_area"), rows.getString("name"),
                rows.getString("version"), rows.getString("owner_id"), rows.getString("owner_name"),
                ReleaseStage.valueOf(rows.getString("stage")), rows.getInt("exposure_percent"),
                blocking > 0 ? Gate.BLOCKED : Gate.OPEN, blocking, Rows.instant(rows, "started_at"),
                Rows.instant(rows, "created_at"), Rows.instant(rows, "updated_at"), null, null);
        return new Row(release, rows.getLong("row_version"));
    }
}
