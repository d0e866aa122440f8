package io.lineone.testing;

import io.lineone.api.Band;
import io.lineone.api.Gate;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantMetrics;
import io.lineone.api.Release;
import io.lineone.api.ReleaseStage;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.api.User;
import io.lineone.server.auth.UserStore;
import io.lineone.server.db.Database;
import io.lineone.server.merchants.MerchantStore;
import io.lineone.server.releases.ReleaseStore;
import java.time.Instant;

/** Rows written straight through the stores, for store tests that need users and merchants to refer to. */
public final class StoreRows {

    /** When every row here was created. */
    public static final Instant AT = Instant.parse("2026-11-11T08:00:00.123Z");

    private static final MerchantMetrics METRICS = new MerchantMetrics(24.5, 30.25, 45.125, 4.75, 0.0035);

    private StoreRows() {
    }

    /** A user named "名字 {login}" whose password hash is "hash-of-{login}". */
    public static User user(Database db, String id, String login, Role role) {
        User user = new User(id, login, "名字 " + login, role);
        db.inTransaction(connection -> {
            new UserStore(db).insert(connection, user, "hash-of-" + login, AT);
            return null;
        });
        return user;
    }

    /** Managers usr_a ("a") and usr_b ("b") with a merchant each, mer_a and mer_b, and mer_x of nobody's. */
    public static void twoBooks(Database db) {
        user(db, "usr_a", "a", Role.MANAGER);
        user(db, "usr_b", "b", Role.MANAGER);
        merchant(db, "mer_a", "usr_a");
        merchant(db, "mer_b", "usr_b");
        merchant(db, "mer_x", null);
    }

    /** A PLANNED release {@code id} of product owner {@code ownerId}. */
    public static Release release(Database db, String id, String ownerId) {
        Release release = new Release(id, "优惠券", "发布 " + id, "1.0.0", ownerId, null, ReleaseStage.PLANNED, 0,
                Gate.OPEN, 0, null, AT, AT, null, null);
        db.inTransaction(tx -> {
            new ReleaseStore(db).insert(tx, release);
            return null;
        });
        return release;
    }

    /** A GREEN SME merchant named "商家 {id}" in the book of {@code managerId} (null: nobody's). */
    public static Merchant merchant(Database db, String id, String managerId) {
        Merchant merchant = new Merchant(id, "商家 " + id, "店 " + id, Tier.SME, "食品生鲜", "浙江", managerId, null,
                METRICS, Band.GREEN.floor() + 1, Band.GREEN, 0, 0, null, false, 1);
        db.inTransaction(connection -> {
            new MerchantStore(db).insert(connection, merchant, AT);
            return null;
        });
        return merchant;
    }
}
