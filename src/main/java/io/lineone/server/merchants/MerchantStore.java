package io.lineone.server.merchants;

import io.lineone.api.Band;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantMetrics;
import io.lineone.api.Tier;
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
import java.util.Locale;
import java.util.Optional;

/** Merchants with their metrics and the lighthouse score computed when they were written. */
public final class MerchantStore {

    /**
     * What to list: the merchants of the books {@code shown}; {@code afterId} null means the first page.
     */
    public record Query(Visibility shown, String text, Tier tier, Band band, String afterId, int limit) {
    }

    private static final String COLUMNS = "id, name, shop_name, tier, category, region, assigned_manager_id,"
            + " shipping_hours, pre_sale_response_seconds, after_sale_response_seconds, dsr, dispute_rate,"
            + " lighthouse_score, band, auto_deduction_paused, version";
    private static final String BY_ID = "select " + COLUMNS + " from merchant where id = ?";

    private final Database db;

    public MerchantStore(Database db) {
        this.db = db;
    }

    public void insert(Tx tx, Merchant merchant, Instant createdAt) {
        MerchantMetrics m = merchant.metrics();
        tx.update("insert into merchant (" + COLUMNS + ", search_text, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                merchant.id(), merchant.name(), merchant.shopName(), merchant.tier(), merchant.category(),
                merchant.region(), merchant.assignedManagerId(), m.shippingHours(), m.preSaleResponseSeconds(),
                m.afterSaleResponseSeconds(), m.dsr(), m.disputeRate(), merchant.lighthouseScore(), merchant.band(),
                merchant.autoDeductionPaused(), merchant.version(), searchText(merchant), createdAt);
    }

    public Optional<Merchant> find(String id) {
        return db.read(connection -> Rows.first(connection, BY_ID, List.of(id), MerchantStore::merchant));
    }

    public Optional<Merchant> find(Tx tx, String id) {
        return tx.first(BY_ID, List.of(id), MerchantStore::merchant);
    }

    /** Merchants in id order; asks for one row more than the limit so the caller knows if a next page exists. */
    public List<Merchant> list(Query query) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from merchant where ")
                .append(query.shown().sql("assigned_manager_id"));
        List<Object> args = new ArrayList<>(query.shown().parameters());
        if (query.text() != null && !query.text().isBlank()) {
            sql.append(" and search_text like ? escape '\\'");
            args.add(Rows.likeContains(query.text().strip().toLowerCase(Locale.ROOT)));
        }
        if (query.tier() != null) {
            sql.append(" and tier = ?");
            args.add(query.tier().name());
        }
        if (query.band() != null) {
            sql.append(" and band = ?");
            args.add(query.band().name());
        }
        if (query.afterId() != null) {
            sql.append(" and id > ?");
            args.add(query.afterId());
        }
        sql.append(" order by id limit ?");
        args.add(query.limit());
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                Rows.bind(select, args);
                List<Merchant> merchants = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        merchants.add(merchant(rows));
                    }
                }
                return merchants;
            }
        });
    }

    /** Moves a merchant to another manager if it is still at {@code expectedVersion}; returns whether it was. */
    public boolean updateAssignee(Tx tx, String id, String managerId, long expectedVersion) {
        return tx.update(
                "update merchant set assigned_manager_id = ?, version = version + 1 where id = ? and version = ?",
                managerId, id, expectedVersion) == 1;
    }

    /**
     * Locks a merchant's row until the transaction ends: the detectors of one merchant take turns, so two feed
     * changes (or a change and a fix) never judge the same listings from two different pasts.
     */
    public Optional<Merchant> lock(Tx tx, String id) {
        return tx.first(BY_ID + " for update", List.of(id), MerchantStore::merchant);
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
        MerchantMetrics metrics = new MerchantMetrics(
                rows.getDouble("shipping_hours"),
                rows.getDouble("pre_sale_response_seconds"),
                rows.getDouble("after_sale_response_seconds"),
                rows.getDouble("dsr"),
                rows.getDouble("dispute_rate"));
        return new Merchant(
                rows.getString("id"),
                rows.getString("name"),
                rows.getString("shop_name"),
                Tier.valueOf(rows.getString("tier")),
                rows.getString("category"),
                rows.getString("region"),
                rows.getString("assigned_manager_id"),
                metrics,
                rows.getInt("lighthouse_score"),
                Band.valueOf(rows.getString("band")),
                rows.getBoolean("auto_deduction_paused"),
                rows.getLong("version"));
    }
}
