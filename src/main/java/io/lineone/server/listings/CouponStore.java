package io.lineone.server.listings;

import io.lineone.api.Coupon;
import io.lineone.api.MerchantCash;
import io.lineone.server.db.Database;
import io.lineone.server.db.Rows;
import io.lineone.server.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Coupons with their listing scope, and merchants' cash. */
public final class CouponStore {

    private static final String COLUMNS = "id, merchant_id, discount_cents, percent_off, stackable, budget_cents,"
            + " spent_cents, active, whole_shop, version";

    private final Database db;

    public CouponStore(Database db) {
        this.db = db;
    }

    public void insert(Tx tx, Coupon c, Instant at) {
        tx.update("insert into coupon (" + COLUMNS + ", updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.id(), c.merchantId(), c.discountCents(), c.percentOff(), c.stackable(), c.budgetCents(),
                c.spentCents(), c.active(), c.listingIds().isEmpty(), c.version(), at);
        for (String listingId : c.listingIds()) {
            tx.update("insert into coupon_listing (coupon_id, listing_id) values (?, ?)", c.id(), listingId);
        }
    }

    /** Writes the changeable fields if the coupon is still at {@code expectedVersion}; returns whether it was. */
    public boolean update(Tx tx, Coupon c, long expectedVersion, Instant at) {
        return tx.update("update coupon set stackable = ?, budget_cents = ?, spent_cents = ?, active = ?,"
                        + " updated_at = ?, version = ? where id = ? and version = ?", c.stackable(), c.budgetCents(),
                c.spentCents(), c.active(), at, c.version(), c.id(), expectedVersion) == 1;
    }

    public Optional<Coupon> find(String id) {
        return db.read(c -> Rows.first(c, "select " + COLUMNS + " from coupon where id = ?", List.of(id),
                CouponStore::row)).map(coupon -> withScope(coupon, db.read(c -> scope(c, coupon.id()))));
    }

    public Optional<Coupon> find(Tx tx, String id) {
        return tx.first("select " + COLUMNS + " from coupon where id = ?", List.of(id), CouponStore::row)
                .map(coupon -> withScope(coupon, tx.jdbc(c -> scope(c, coupon.id()))));
    }

    /** A merchant's coupons in id order, a page at a time (ask for one more than the page). */
    public List<Coupon> ofMerchant(String merchantId, String afterId, int limit) {
        return db.read(c -> {
            List<Coupon> coupons = Rows.list(c, "select " + COLUMNS + " from coupon where merchant_id = ?"
                            + (afterId == null ? "" : " and id > ?") + " order by id limit ?",
                    afterId == null ? List.of(merchantId, limit) : List.of(merchantId, afterId, limit),
                    CouponStore::row);
            return withScopes(c, coupons);
        });
    }

    /** The coupons that can apply to a listing (whole-shop ones and those naming it), in id order. */
    public List<Coupon> ofListing(String merchantId, String listingId, String afterId, int limit) {
        return db.read(c -> {
            List<Object> args = new ArrayList<>(List.of(merchantId, listingId));
            if (afterId != null) {
                args.add(afterId);
            }
            args.add(limit);
            List<Coupon> coupons = Rows.list(c, "select " + COLUMNS + " from coupon where merchant_id = ? and"
                    + " (whole_shop or id in (select coupon_id from coupon_listing where listing_id = ?))"
                    + (afterId == null ? "" : " and id > ?") + " order by id limit ?", args, CouponStore::row);
            return withScopes(c, coupons);
        });
    }

    /** A merchant's active coupons with their scopes, in the caller's transaction. */
    public List<Coupon> active(Tx tx, String merchantId) {
        List<Coupon> coupons = tx.list("select " + COLUMNS + " from coupon where merchant_id = ? and active"
                + " order by id", List.of(merchantId), CouponStore::row);
        if (coupons.isEmpty()) {
            return coupons;
        }
        Map<String, List<String>> scopes = new HashMap<>();
        tx.list("select cl.coupon_id, cl.listing_id from coupon_listing cl join coupon c on c.id = cl.coupon_id"
                        + " where c.merchant_id = ? and c.active order by cl.listing_id", List.of(merchantId),
                rows -> Map.entry(rows.getString(1), rows.getString(2)))
                .forEach(e -> scopes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return coupons.stream().map(coupon -> withScope(coupon, scopes.getOrDefault(coupon.id(), List.of()))).toList();
    }

    /**
     * What a coupon would spend per hour on the merchant's live listings in its scope other than
     * {@code exceptListingId}, at their current prices and sales — summed by the database.
     */
    public double spendPerHourOfOthers(Tx tx, Coupon c, String exceptListingId) {
        String perUnit = c.discountCents() != null ? "least(price_cents, ?)" : "price_cents * ? / 100.0";
        Object amount = c.discountCents() != null ? c.discountCents() : (long) (c.percentOff() == null ? 0 : c.percentOff());
        String scope = c.listingIds().isEmpty() ? ""
                : " and id in (select listing_id from coupon_listing where coupon_id = ?)";
        List<Object> args = new ArrayList<>(List.of(amount, c.merchantId(), exceptListingId));
        if (!c.listingIds().isEmpty()) {
            args.add(c.id());
        }
        return tx.first("select coalesce(sum(" + perUnit + " * units_per_hour), 0) from listing"
                + " where merchant_id = ? and status = 'LIVE' and id <> ?" + scope, args, rows -> rows.getDouble(1))
                .orElse(0.0);
    }

    public Optional<MerchantCash> cash(String merchantId, boolean paused) {
        return db.read(c -> Rows.first(c, "select merchant_id, balance_cents, pending_deduction_cents, updated_at,"
                + " version from merchant_cash where merchant_id = ?", List.of(merchantId), rows -> cash(rows, paused)));
    }

    public Optional<MerchantCash> cash(Tx tx, String merchantId, boolean paused) {
        return tx.first("select merchant_id, balance_cents, pending_deduction_cents, updated_at, version"
                + " from merchant_cash where merchant_id = ?", List.of(merchantId), rows -> cash(rows, paused));
    }

    /** Writes a merchant's cash: a first row at version 1, or the next version of the one there. */
    public void putCash(Tx tx, MerchantCash cash) {
        if (cash.version() == 1) {
            tx.update("insert into merchant_cash (merchant_id, balance_cents, pending_deduction_cents, updated_at,"
                    + " version) values (?, ?, ?, ?, ?)", cash.merchantId(), cash.balanceCents(),
                    cash.pendingDeductionCents(), cash.updatedAt(), cash.version());
        } else {
            tx.update("update merchant_cash set balance_cents = ?, pending_deduction_cents = ?, updated_at = ?,"
                    + " version = ? where merchant_id = ?", cash.balanceCents(), cash.pendingDeductionCents(),
                    cash.updatedAt(), cash.version(), cash.merchantId());
        }
    }

    private static MerchantCash cash(ResultSet rows, boolean paused) throws SQLException {
        long balance = rows.getLong(2);
        long pending = rows.getLong(3);
        return new MerchantCash(rows.getString(1), balance, pending, paused, !paused && balance < pending,
                Rows.instant(rows, "updated_at"), rows.getLong(5));
    }

    private static List<String> scope(java.sql.Connection c, String couponId) throws SQLException {
        return Rows.list(c, "select listing_id from coupon_listing where coupon_id = ? order by listing_id",
                List.of(couponId), rows -> rows.getString(1));
    }

    /** A page of coupons with their listing scopes, read in one statement rather than one per coupon. */
    private static List<Coupon> withScopes(java.sql.Connection c, List<Coupon> coupons) throws SQLException {
        if (coupons.isEmpty()) {
            return coupons;
        }
        List<Object> ids = coupons.stream().<Object>map(Coupon::id).toList();
        Map<String, List<String>> scopes = new HashMap<>();
        Rows.list(c, "select coupon_id, listing_id from coupon_listing where coupon_id in ("
                        + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") order by listing_id",
                ids, rows -> Map.entry(rows.getString(1), rows.getString(2)))
                .forEach(e -> scopes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return coupons.stream().map(coupon -> withScope(coupon, scopes.getOrDefault(coupon.id(), List.of()))).toList();
    }

    private static Coupon withScope(Coupon c, List<String> listingIds) {
        return new Coupon(c.id(), c.merchantId(), List.copyOf(listingIds), c.discountCents(), c.percentOff(),
                c.stackable(), c.budgetCents(), c.spentCents(), c.active(), c.version());
    }

    private static Coupon row(ResultSet rows) throws SQLException {
        Integer percent = rows.getInt("percent_off");
        if (rows.wasNull()) {
            percent = null;
        }
        return new Coupon(rows.getString("id"), rows.getString("merchant_id"), List.of(),
                ListingStore.nullableLong(rows, "discount_cents"), percent, rows.getBoolean("stackable"),
                rows.getLong("budget_cents"), rows.getLong("spent_cents"), rows.getBoolean("active"),
                rows.getLong("version"));
    }
}
