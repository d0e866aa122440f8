package io.lineone.server.merchants;

import io.lineone.api.Band;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantFacets;
import io.lineone.api.MerchantMetrics;
import io.lineone.api.MerchantSort;
import io.lineone.api.ScorePoint;
import io.lineone.api.Tier;
import io.lineone.server.auth.Visibility;
import io.lineone.server.core.DomainException;
import io.lineone.server.db.Database;
import io.lineone.server.db.Rows;
import io.lineone.server.db.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Merchants with their metrics and the lighthouse score computed when they were written, their manager's name, and
 * the activity the issue and conversation transactions keep beside them ({@code merchant_activity}).
 */
public final class MerchantStore {

    /**
     * What to list: the merchants of the books {@code shown}, narrowed by the filters that are not null, in
     * {@code sort} order from after {@code after} (null: the first page), at most {@code limit}.
     *
     * @param scored true: only scored merchants; false: only the unscored; null: both
     */
    public record Query(Visibility shown, String managerId, String text, Tier tier, Band band, String category,
                        String region, Boolean scored, MerchantSort sort, boolean descending, MerchantCursor after,
                        int limit) {

        /** The first {@code limit} of a book in name order, no filters: for the demo and tests. */
        public static Query firstOf(Visibility shown, int limit) {
            return new Query(shown, null, null, null, null, null, null, null, MerchantSort.NAME, false, null, limit);
        }
    }

    private static final String COLUMNS = "m.id, m.name, m.shop_name, m.tier, m.category, m.region,"
            + " m.assigned_manager_id, u.display_name as manager_name, m.shipping_hours, m.pre_sale_response_seconds,"
            + " m.after_sale_response_seconds, m.dsr, m.dispute_rate, m.lighthouse_score, m.band,"
            + " m.auto_deduction_paused, m.version, a.open_issues, a.money_at_risk_cents, a.last_contact_at";
    private static final String FROM = " from merchant m join merchant_activity a on a.merchant_id = m.id"
            + " left join app_user u on u.id = m.assigned_manager_id";
    private static final String BY_ID = "select " + COLUMNS + FROM + " where m.id = ?";
    private static final String INSERT = "insert into merchant (id, name, shop_name, tier, category, region,"
            + " assigned_manager_id, shipping_hours, pre_sale_response_seconds, after_sale_response_seconds, dsr,"
            + " dispute_rate, lighthouse_score, band, auto_deduction_paused, version, search_text, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_ACTIVITY = "insert into merchant_activity (merchant_id, open_issues,"
            + " money_at_risk_cents, last_contact_at) values (?, 0, 0, null)";
    private static final String INSERT_SCORE = "insert into merchant_score (merchant_id, at, score, shipping_hours,"
            + " pre_sale_response_seconds, after_sale_response_seconds, dsr, dispute_rate) values (?, ?, ?, ?, ?, ?, ?, ?)";

    private final Database db;

    public MerchantStore(Database db) {
        this.db = db;
    }

    /** A new merchant with its empty activity row and, when scored, the first point of its score history. */
    public void insert(Tx tx, Merchant merchant, Instant createdAt) {
        MerchantMetrics m = merchant.metrics();
        tx.update(INSERT, merchant.id(), merchant.name(), merchant.shopName(), merchant.tier(), merchant.category(),
                merchant.region(), merchant.assignedManagerId(), m == null ? null : m.shippingHours(),
                m == null ? null : m.preSaleResponseSeconds(), m == null ? null : m.afterSaleResponseSeconds(),
                m == null ? null : m.dsr(), m == null ? null : m.disputeRate(), merchant.lighthouseScore(),
                merchant.band(), merchant.autoDeductionPaused(), merchant.version(), searchText(merchant), createdAt);
        tx.update(INSERT_ACTIVITY, merchant.id());
        if (m != null) {
            appendScore(tx, merchant.id(), createdAt, merchant.lighthouseScore(), m);
        }
    }

    /**
     * Many merchants in one JDBC batch per table (the demo's 50,000 in seconds), each with its score history given
     * oldest first (its last point is the merchant's score now).
     */
    public void insertBatch(Tx tx, List<Merchant> merchants, Instant createdAt, List<List<ScoredMetrics>> histories) {
        tx.jdbc(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT);
                 PreparedStatement activity = connection.prepareStatement(INSERT_ACTIVITY);
                 PreparedStatement score = connection.prepareStatement(INSERT_SCORE)) {
                for (int i = 0; i < merchants.size(); i++) {
                    Merchant merchant = merchants.get(i);
                    MerchantMetrics m = merchant.metrics();
                    Rows.bind(insert, java.util.Arrays.asList(merchant.id(), merchant.name(), merchant.shopName(),
                            merchant.tier(), merchant.category(), merchant.region(), merchant.assignedManagerId(),
                            m == null ? null : m.shippingHours(), m == null ? null : m.preSaleResponseSeconds(),
                            m == null ? null : m.afterSaleResponseSeconds(), m == null ? null : m.dsr(),
                            m == null ? null : m.disputeRate(), merchant.lighthouseScore(), merchant.band(),
                            merchant.autoDeductionPaused(), merchant.version(), searchText(merchant), createdAt));
                    insert.addBatch();
                    activity.setString(1, merchant.id());
                    activity.addBatch();
                    for (ScoredMetrics point : histories.get(i)) {
                        bindScore(score, merchant.id(), point.at(), point.score(), point.metrics());
                        score.addBatch();
                    }
                }
                insert.executeBatch();
                activity.executeBatch();
                score.executeBatch();
            }
            return null;
        });
    }

    /** A point of a score history: the metrics at a time and the score they gave. */
    public record ScoredMetrics(Instant at, int score, MerchantMetrics metrics) {
    }

    public Optional<Merchant> find(String id) {
        return db.read(connection -> Rows.first(connection, BY_ID, List.of(id), MerchantStore::merchant));
    }

    public Optional<Merchant> find(Tx tx, String id) {
        return tx.first(BY_ID, List.of(id), MerchantStore::merchant);
    }

    /**
     * One page of merchants in one statement: filters, visibility and the keyset continue in SQL; asks for one row
     * more than the limit so the caller knows if a next page exists. Unscored (and never-contacted) merchants sort
     * last in both directions; ties are broken by id in the same direction.
     */
    public List<Merchant> list(Query query) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + FROM + " where ")
                .append(query.shown().sql("m.assigned_manager_id"));
        List<Object> args = new ArrayList<>(query.shown().parameters());
        where(query, sql, args);
        String column = column(query.sort());
        String op = query.descending() ? "<" : ">";
        MerchantCursor after = query.after();
        if (after != null) {
            boolean nullable = nullable(query.sort());
            if (after.value() == null) {
                sql.append(" and ").append(column).append(" is null and m.id ").append(op).append(" ?");
                args.add(after.id());
            } else {
                sql.append(" and (").append(nullable ? column + " is null or " : "")
                        .append("(").append(column).append(", m.id) ").append(op).append(" (?, ?))");
                args.add(value(query.sort(), after.value()));
                args.add(after.id());
            }
        }
        String direction = query.descending() ? " desc" : " asc";
        sql.append(" order by ").append(column).append(direction).append(" nulls last, m.id").append(direction)
                .append(" limit ?");
        args.add(query.limit());
        return db.read(connection -> Rows.list(connection, sql.toString(), args, MerchantStore::merchant));
    }

    private static void where(Query query, StringBuilder sql, List<Object> args) {
        if (query.managerId() != null) {
            sql.append(" and m.assigned_manager_id = ?");
            args.add(query.managerId());
        }
        if (query.text() != null && !query.text().isBlank()) {
            sql.append(" and m.search_text like ? escape '\\'");
            args.add(Rows.likeContains(query.text().strip().toLowerCase(Locale.ROOT)));
        }
        if (query.tier() != null) {
            sql.append(" and m.tier = ?");
            args.add(query.tier().name());
        }
        if (query.band() != null) {
            sql.append(" and m.band = ?");
            args.add(query.band().name());
        }
        if (query.category() != null) {
            sql.append(" and m.category = ?");
            args.add(query.category());
        }
        if (query.region() != null) {
            sql.append(" and m.region = ?");
            args.add(query.region());
        }
        if (query.scored() != null) {
            sql.append(query.scored() ? " and m.lighthouse_score is not null" : " and m.lighthouse_score is null");
        }
    }

    /** The sort value of a merchant, as its cursor carries it. */
    public static String sortValue(MerchantSort sort, Merchant merchant) {
        return switch (sort) {
            case NAME -> merchant.name();
            case SCORE -> merchant.lighthouseScore() == null ? null : merchant.lighthouseScore().toString();
            case OPEN_ISSUES -> Integer.toString(merchant.openIssues());
            case MONEY_AT_RISK -> Long.toString(merchant.moneyAtRiskCents());
            case LAST_CONTACT -> merchant.lastContactAt() == null ? null : merchant.lastContactAt().toString();
        };
    }

    private static String column(MerchantSort sort) {
        return switch (sort) {
            case NAME -> "m.name";
            case SCORE -> "m.lighthouse_score";
            case OPEN_ISSUES -> "a.open_issues";
            case MONEY_AT_RISK -> "a.money_at_risk_cents";
            case LAST_CONTACT -> "a.last_contact_at";
        };
    }

    private static boolean nullable(MerchantSort sort) {
        return sort == MerchantSort.SCORE || sort == MerchantSort.LAST_CONTACT;
    }

    private static Object value(MerchantSort sort, String text) {
        try {
            return switch (sort) {
                case NAME -> text;
                case SCORE, OPEN_ISSUES -> Integer.parseInt(text);
                case MONEY_AT_RISK -> Long.parseLong(text);
                case LAST_CONTACT -> Instant.parse(text);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw DomainException.invalid("cursor", "is not a cursor this server issued");
        }
    }

    /** The categories and regions among the merchants {@code shown}, and how many they are: one statement. */
    public MerchantFacets facets(Visibility shown) {
        String where = " from merchant m where " + shown.sql("m.assigned_manager_id");
        String sql = "select 'c' as facet, m.category as facet_value, count(*) as n" + where + " group by m.category"
                + " union all select 'r', m.region, count(*)" + where + " group by m.region";
        List<Object> args = new ArrayList<>(shown.parameters());
        args.addAll(shown.parameters());
        return db.read(connection -> {
            TreeSet<String> categories = new TreeSet<>();
            TreeSet<String> regions = new TreeSet<>();
            long total = 0;
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                Rows.bind(select, args);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getString("facet").equals("c")) {
                            categories.add(rows.getString("facet_value"));
                            total += rows.getLong("n");
                        } else {
                            regions.add(rows.getString("facet_value"));
                        }
                    }
                }
            }
            return new MerchantFacets(List.copyOf(categories), List.copyOf(regions), (int) total);
        });
    }

    /** Moves a merchant to another manager if it is still at {@code expectedVersion}; returns whether it was. */
    public boolean updateAssignee(Tx tx, String id, String managerId, long expectedVersion) {
        return tx.update(
                "update merchant set assigned_manager_id = ?, version = version + 1 where id = ? and version = ?",
                managerId, id, expectedVersion) == 1;
    }

    /**
     * New metrics and the score they give, if the merchant is still at {@code expectedVersion}, with a point of its
     * score history; returns whether it was.
     */
    public boolean updateMetrics(Tx tx, String id, MerchantMetrics m, int score, Band band, long expectedVersion,
                                 Instant at) {
        boolean updated = tx.update("update merchant set shipping_hours = ?, pre_sale_response_seconds = ?,"
                        + " after_sale_response_seconds = ?, dsr = ?, dispute_rate = ?, lighthouse_score = ?, band = ?,"
                        + " version = version + 1 where id = ? and version = ?",
                m.shippingHours(), m.preSaleResponseSeconds(), m.afterSaleResponseSeconds(), m.dsr(), m.disputeRate(),
                score, band, id, expectedVersion) == 1;
        if (updated) {
            appendScore(tx, id, at, score, m);
        }
        return updated;
    }

    private static void appendScore(Tx tx, String id, Instant at, int score, MerchantMetrics m) {
        tx.jdbc(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_SCORE)) {
                bindScore(insert, id, at, score, m);
                return insert.executeUpdate();
            }
        });
    }

    private static void bindScore(PreparedStatement insert, String id, Instant at, int score, MerchantMetrics m)
            throws SQLException {
        insert.setString(1, id);
        Rows.setInstant(insert, 2, at);
        insert.setInt(3, score);
        insert.setDouble(4, m.shippingHours());
        insert.setDouble(5, m.preSaleResponseSeconds());
        insert.setDouble(6, m.afterSaleResponseSeconds());
        insert.setDouble(7, m.dsr());
        insert.setDouble(8, m.disputeRate());
    }

    /** The newest {@code limit} points of a merchant's score history, oldest first. */
    public List<ScorePoint> scoreHistory(String id, int limit) {
        List<ScorePoint> newestFirst = db.read(connection -> Rows.list(connection,
                "select at, score from merchant_score where merchant_id = ? order by at desc, id desc limit ?",
                List.of(id, limit), rows -> new ScorePoint(Rows.instant(rows, "at"), rows.getInt("score"))));
        List<ScorePoint> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * Locks a merchant's row until the transaction ends: the detectors of one merchant take turns, so two feed
     * changes (or a change and a fix) never judge the same listings from two different pasts.
     */
    public Optional<Merchant> lock(Tx tx, String id) {
        // Locks the merchant's own row only (a lock cannot take the outer join's side), then reads it whole.
        if (tx.first("select id from merchant where id = ? for update", List.of(id), rows -> rows.getString(1))
                .isEmpty()) {
            return Optional.empty();
        }
        return find(tx, id);
    }

    /** Pauses or resumes auto-deduction if the merchant is still at {@code expectedVersion}; returns whether it was. */
    public boolean updateAutoDeductionPaused(Tx tx, String id, boolean paused, long expectedVersion) {
        return tx.update("update merchant set auto_deduction_paused = ?, version = version + 1 where id = ? and version = ?",
                paused, id, expectedVersion) == 1;
    }

    public long count() {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select count(*) from merchant");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static String searchText(Merchant merchant) {
        return (merchant.name() + " " + merchant.shopName()).toLowerCase(Locale.ROOT);
    }

    private static Merchant merchant(ResultSet rows) throws SQLException {
        int score = rows.getInt("lighthouse_score");
        boolean scored = !rows.wasNull();
        MerchantMetrics metrics = null;
        double shipping = rows.getDouble("shipping_hours");
        if (!rows.wasNull()) {
            metrics = new MerchantMetrics(shipping,
                    rows.getDouble("pre_sale_response_seconds"),
                    rows.getDouble("after_sale_response_seconds"),
                    rows.getDouble("dsr"),
                    rows.getDouble("dispute_rate"));
        }
        String band = rows.getString("band");
        return new Merchant(
                rows.getString("id"),
                rows.getString("name"),
                rows.getString("shop_name"),
                Tier.valueOf(rows.getString("tier")),
                rows.getString("category"),
                rows.getString("region"),
                rows.getString("assigned_manager_id"),
                rows.getString("manager_name"),
                metrics,
                scored ? score : null,
                band == null ? null : Band.valueOf(band),
                rows.getInt("open_issues"),
                rows.getLong("money_at_risk_cents"),
                Rows.instant(rows, "last_contact_at"),
                rows.getBoolean("auto_deduction_paused"),
                rows.getLong("version"));
    }
}
