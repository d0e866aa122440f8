package io.lineone.server.listings;

import io.lineone.api.ListingAnomaly;
import io.lineone.api.ListingStatus;
import io.lineone.api.PricePoint;
import io.lineone.api.WeightUnit;
import io.lineone.server.db.Database;
import io.lineone.server.db.Rows;
import io.lineone.server.db.Tx;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Listings, their price history, and the issues the detectors opened (per subject and reason). */
public final class ListingStore {

    /** A listing as stored: what the feed sent and what the detectors saw. */
    public record Row(String id, String merchantId, String title, String category, long priceCents,
                      Long referencePriceCents, Long costCents, BigDecimal weightValue, WeightUnit weightUnit,
                      double unitsPerHour, ListingStatus status, Long lastGoodPriceCents,
                      Set<ListingAnomaly> anomalies, Instant updatedAt, long version) {

        public Detectors.ListingFacts facts() {
            return new Detectors.ListingFacts(priceCents, referencePriceCents, costCents, weightValue, weightUnit,
                    unitsPerHour, status, lastGoodPriceCents);
        }
    }

    /** The issue a detector opened for a subject and reason, and that issue's status now. */
    public record Finding(String subjectId, Detectors.Reason reason, String issueId, boolean open) {
    }

    private static final String COLUMNS = "id, merchant_id, title, category, price_cents, reference_price_cents,"
            + " cost_cents, weight_value, weight_unit, units_per_hour, status, last_good_price_cents, anomalies,"
            + " updated_at, version";
    private static final String GRAMS = "(case weight_unit when 'KG' then 1000 when 'JIN' then 500 else 1 end)";

    private final Database db;

    public ListingStore(Database db) {
        this.db = db;
    }

    public void insert(Tx tx, Row r) {
        tx.update("insert into listing (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.merchantId(), r.title(), r.category(), r.priceCents(), r.referencePriceCents(),
                r.costCents(), r.weightValue(), r.weightUnit(), r.unitsPerHour(), r.status(),
                r.lastGoodPriceCents(), anomalies(r.anomalies()), r.updatedAt(), r.version());
    }

    /** Inserts many listings with their first price in one go (the demo seed); JDBC batches, no detectors. */
    public void insertAll(Tx tx, List<Row> rows, String actorId) {
        tx.jdbc(c -> {
            try (java.sql.PreparedStatement insert = c.prepareStatement("insert into listing (" + COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 java.sql.PreparedStatement price = c.prepareStatement("insert into listing_price (listing_id,"
                         + " price_cents, at, actor_id, flagged) values (?, ?, ?, ?, ?)")) {
                for (Row r : rows) {
                    Rows.bind(insert, java.util.Arrays.asList(r.id(), r.merchantId(), r.title(), r.category(),
                            r.priceCents(), r.referencePriceCents(), r.costCents(), r.weightValue(), r.weightUnit(),
                            r.unitsPerHour(), r.status(), r.lastGoodPriceCents(), anomalies(r.anomalies()),
                            r.updatedAt(), r.version()));
                    insert.addBatch();
                    Rows.bind(price, java.util.Arrays.asList(r.id(), r.priceCents(), r.updatedAt(), actorId, false));
                    price.addBatch();
                }
                insert.executeBatch();
                price.executeBatch();
            }
            return null;
        });
    }

    /** How many listings there are, for the demo seed's "already seeded" check. */
    public long count() {
        return db.read(c -> Rows.first(c, "select count(*) from listing", List.of(), rows -> rows.getLong(1))
                .orElse(0L));
    }

    /** The live listings of a merchant, for the demo feed's picks. */
    public List<Row> live(String merchantId) {
        return db.read(c -> Rows.list(c, "select " + COLUMNS + " from listing where merchant_id = ? and status = 'LIVE'"
                + " order by id", List.of(merchantId), ListingStore::row));
    }

    /** Writes a listing if it is still at {@code expectedVersion}; returns whether it was. */
    public boolean update(Tx tx, Row r, long expectedVersion) {
        return tx.update("update listing set title = ?, category = ?, price_cents = ?, reference_price_cents = ?,"
                        + " cost_cents = ?, weight_value = ?, weight_unit = ?, units_per_hour = ?, status = ?,"
                        + " last_good_price_cents = ?, anomalies = ?, updated_at = ?, version = ?"
                        + " where id = ? and version = ?",
                r.title(), r.category(), r.priceCents(), r.referencePriceCents(), r.costCents(), r.weightValue(),
                r.weightUnit(), r.unitsPerHour(), r.status(), r.lastGoodPriceCents(), anomalies(r.anomalies()),
                r.updatedAt(), r.version(), r.id(), expectedVersion) == 1;
    }

    public Optional<Row> find(String id) {
        return db.read(c -> Rows.first(c, "select " + COLUMNS + " from listing where id = ?", List.of(id),
                ListingStore::row));
    }

    public Optional<Row> find(Tx tx, String id) {
        return tx.first("select " + COLUMNS + " from listing where id = ?", List.of(id), ListingStore::row);
    }

    /** A merchant's listings in id order, a page at a time (ask for one more than the page). */
    public List<Row> page(String merchantId, String afterId, int limit) {
        return db.read(c -> Rows.list(c, "select " + COLUMNS + " from listing where merchant_id = ?"
                        + (afterId == null ? "" : " and id > ?") + " order by id limit ?",
                afterId == null ? List.of(merchantId, limit) : List.of(merchantId, afterId, limit),
                ListingStore::row));
    }

    /** Every listing of a merchant, in the caller's transaction (a coupon's scope is checked against all). */
    public List<Row> ofMerchant(Tx tx, String merchantId) {
        return tx.list("select " + COLUMNS + " from listing where merchant_id = ? order by id", List.of(merchantId),
                ListingStore::row);
    }

    /** The listings of {@code ids} that belong to {@code merchantId}, in the caller's transaction. */
    public List<Row> ofMerchant(Tx tx, String merchantId, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(merchantId);
        args.addAll(ids);
        return tx.list("select " + COLUMNS + " from listing where merchant_id = ? and id in ("
                + placeholders(ids.size()) + ") order by id", args, ListingStore::row);
    }

    public void appendPrice(Tx tx, String listingId, long priceCents, Instant at, String actorId, boolean flagged) {
        tx.update("insert into listing_price (listing_id, price_cents, at, actor_id, flagged) values (?, ?, ?, ?, ?)",
                listingId, priceCents, at, actorId, flagged);
    }

    /** A listing's prices, newest first, from before the row {@code beforeId} (null: from the newest). */
    public List<Map.Entry<Long, PricePoint>> prices(String listingId, Long beforeId, int limit) {
        return db.read(c -> Rows.list(c, "select id, price_cents, at, actor_id, flagged from listing_price"
                        + " where listing_id = ?" + (beforeId == null ? "" : " and id < ?") + " order by id desc limit ?",
                beforeId == null ? List.of(listingId, limit) : List.of(listingId, beforeId, limit),
                rows -> Map.entry(rows.getLong("id"), new PricePoint(rows.getLong("price_cents"),
                        Rows.instant(rows, "at"), rows.getString("actor_id"), rows.getBoolean("flagged")))));
    }

    /** The open issues about each of {@code listingIds}, oldest first. */
    public Map<String, List<String>> openIssues(List<String> listingIds) {
        if (listingIds.isEmpty()) {
            return Map.of();
        }
        return db.read(c -> group(Rows.list(c, "select listing_id, id from issue where status <> 'RESOLVED'"
                + " and listing_id in (" + placeholders(listingIds.size()) + ") order by id", listingIds,
                rows -> Map.entry(rows.getString(1), rows.getString(2)))));
    }

    public Map<String, List<String>> openIssues(Tx tx, List<String> listingIds) {
        if (listingIds.isEmpty()) {
            return Map.of();
        }
        return group(tx.list("select listing_id, id from issue where status <> 'RESOLVED'"
                + " and listing_id in (" + placeholders(listingIds.size()) + ") order by id", listingIds,
                rows -> Map.entry(rows.getString(1), rows.getString(2))));
    }

    /**
     * The median price per gram of a category's live, weighed listings; null with fewer than
     * {@link Detectors#MIN_MEDIAN_SAMPLE} of them. Computed in the database so a large category is not read.
     */
    public Double medianCentsPerGram(Tx tx, String category) {
        return tx.first("select count(*), percentile_cont(0.5) within group (order by price_cents / (weight_value * "
                        + GRAMS + ")) from listing where category = ? and status = 'LIVE' and weight_value > 0",
                List.of(category), rows -> rows.getLong(1) < Detectors.MIN_MEDIAN_SAMPLE ? -1.0 : rows.getDouble(2))
                .filter(median -> median > 0).orElse(null);
    }

    /** What the detectors opened for a merchant's subjects: by subject id and reason. */
    public Map<String, Finding> findings(Tx tx, String merchantId) {
        return findings(tx, merchantId, null);
    }

    /** What the detectors opened for some of a merchant's subjects ({@code subjectIds}; null: all of them). */
    public Map<String, Finding> findings(Tx tx, String merchantId, List<String> subjectIds) {
        List<Object> args = new ArrayList<>();
        args.add(merchantId);
        if (subjectIds != null) {
            if (subjectIds.isEmpty()) {
                return new HashMap<>();
            }
            args.addAll(subjectIds);
        }
        return tx.list("select f.subject_id, f.reason, f.issue_id, i.status from detector_finding f"
                        + " join issue i on i.id = f.issue_id where f.merchant_id = ?"
                        + (subjectIds == null ? "" : " and f.subject_id in (" + placeholders(subjectIds.size()) + ")"),
                args,
                rows -> new Finding(rows.getString(1), Detectors.Reason.valueOf(rows.getString(2)), rows.getString(3),
                        !"RESOLVED".equals(rows.getString(4))))
                .stream().collect(Collectors.toMap(f -> key(f.subjectId(), f.reason()), f -> f, (a, b) -> a,
                        HashMap::new));
    }

    /** Records the issue opened for a subject and reason, replacing one that was resolved meanwhile. */
    public void putFinding(Tx tx, String subjectId, Detectors.Reason reason, String merchantId, String issueId,
                           Instant at) {
        tx.update("delete from detector_finding where subject_id = ? and reason = ?", subjectId, reason);
        tx.update("insert into detector_finding (subject_id, reason, merchant_id, issue_id, opened_at)"
                + " values (?, ?, ?, ?, ?)", subjectId, reason, merchantId, issueId, at);
    }

    public void removeFinding(Tx tx, String subjectId, Detectors.Reason reason) {
        tx.update("delete from detector_finding where subject_id = ? and reason = ?", subjectId, reason);
    }

    static String key(String subjectId, Detectors.Reason reason) {
        return subjectId + "/" + reason.name();
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static Map<String, List<String>> group(List<Map.Entry<String, String>> pairs) {
        Map<String, List<String>> byListing = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : pairs) {
            byListing.computeIfAbsent(pair.getKey(), k -> new ArrayList<>()).add(pair.getValue());
        }
        return byListing;
    }

    private static String anomalies(Set<ListingAnomaly> anomalies) {
        return anomalies.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Row row(ResultSet rows) throws SQLException {
        String flags = rows.getString("anomalies");
        Set<ListingAnomaly> anomalies = EnumSet.noneOf(ListingAnomaly.class);
        if (flags != null && !flags.isEmpty()) {
            Arrays.stream(flags.split(",")).map(ListingAnomaly::valueOf).forEach(anomalies::add);
        }
        String unit = rows.getString("weight_unit");
        return new Row(rows.getString("id"), rows.getString("merchant_id"), rows.getString("title"),
                rows.getString("category"), rows.getLong("price_cents"), nullableLong(rows, "reference_price_cents"),
                nullableLong(rows, "cost_cents"), rows.getBigDecimal("weight_value"),
                unit == null ? null : WeightUnit.valueOf(unit), rows.getDouble("units_per_hour"),
                ListingStatus.valueOf(rows.getString("status")), nullableLong(rows, "last_good_price_cents"),
                anomalies, Rows.instant(rows, "updated_at"), rows.getLong("version"));
    }

    static Long nullableLong(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }
}
