package io.lineone.client.merchants;

import io.lineone.api.Merchant;
import java.text.Collator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The few values that 50,000 rows share — a few dozen categories and regions, a handful of managers — held once
 * instead of once per row as each page's JSON makes them: the texts and the collation keys their columns sort by.
 * Any thread; a value seen more often than {@link #LIMIT} different ones is simply not shared.
 */
final class SharedValues {

    static final int LIMIT = 2_000;

    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();
    private static final Map<String, byte[]> KEYS = new ConcurrentHashMap<>();

    private SharedValues() {
    }

    /** {@code merchant} with its category, region and manager held once for every row that has the same. */
    static Merchant shared(Merchant m) {
        String category = text(m.category());
        String region = text(m.region());
        String managerId = text(m.assignedManagerId());
        String managerName = text(m.assignedManagerName());
        if (category == m.category() && region == m.region() && managerId == m.assignedManagerId()
                && managerName == m.assignedManagerName()) {
            return m;
        }
        return new Merchant(m.id(), m.name(), m.shopName(), m.tier(), category, region, managerId, managerName,
                m.metrics(), m.lighthouseScore(), m.band(), m.openIssues(), m.moneyAtRiskCents(), m.lastContactAt(),
                m.autoDeductionPaused(), m.version());
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String known = TEXTS.get(value);
        if (known != null) {
            return known;
        }
        if (TEXTS.size() >= LIMIT) {
            return value;
        }
        known = TEXTS.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    /**
     * The collation key of a value many rows share (a region, a manager's name); {@code collator} belongs to the
     * calling thread. Keys of equal texts under the one collation rule are equal, so one serves every row.
     */
    static byte[] key(String value, Collator collator) {
        String text = value == null ? "" : value;
        byte[] known = KEYS.get(text);
        if (known != null) {
            return known;
        }
        byte[] made = collator.getCollationKey(text).toByteArray();
        if (KEYS.size() < LIMIT) {
            KEYS.putIfAbsent(text, made);
        }
        return made;
    }
}
