package io.lineone.client.merchants;

import io.lineone.api.Merchant;
import io.lineone.client.common.SearchText;
import java.text.Collator;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A merchant as the table holds it. Everything a keystroke or a sort reads is made once, when the row is made (on a
 * worker for a page of the book): the folded search text with its pinyin, and the collation keys that put Chinese
 * names in 拼音 order. The merchant itself is a property, so a live change repaints the row's cells in place.
 */
public final class MerchantRow {

    private final String id;
    private final ReadOnlyObjectWrapper<Merchant> merchant;
    // The name's and shop's search text (SearchText.Forms): as letters (pinyin, Latin text), and as typed in Chinese
    // (null when neither is Chinese). A word without Chinese characters is looked for in the first only.
    private String spelledKey;
    private String typedKey;
    // Collation keys as bytes (compared unsigned, as the collator's own keys compare): a row from the book's snapshot
    // brings them made, so showing it needs neither the collation rules nor the pinyin table.
    private byte[] nameKey;
    private byte[] shopKey;
    private byte[] regionKey;
    private byte[] managerKey;
    // Where the book holding this row keeps its search text (SearchIndex); the book's to set.
    int slot = -1;

    private MerchantRow(Merchant merchant, Collator collator) {
        this.id = merchant.id();
        this.merchant = new ReadOnlyObjectWrapper<>(merchant);
        index(merchant, collator);
    }

    private MerchantRow(Merchant merchant, Keys keys) {
        this.id = merchant.id();
        this.merchant = new ReadOnlyObjectWrapper<>(merchant);
        this.spelledKey = keys.spelled();
        this.typedKey = keys.typed();
        this.nameKey = keys.name();
        this.shopKey = keys.shop();
        this.regionKey = keys.region();
        this.managerKey = keys.manager();
    }

    /** Everything a row derives from its merchant's texts, as a snapshot of the book keeps it. */
    record Keys(String spelled, String typed, byte[] name, byte[] shop, byte[] region, byte[] manager) {
    }

    /** A row from keys made earlier (by {@link #keys()}, for the same merchant). */
    static MerchantRow restored(Merchant merchant, Keys keys) {
        return new MerchantRow(SharedValues.shared(merchant), keys);
    }

    /** The row's derived keys, to keep with its merchant. */
    Keys keys() {
        return new Keys(spelledKey, typedKey, nameKey, shopKey, regionKey, managerKey);
    }

    /** Makes a row; {@code collator} is used only by the calling thread (collators are not thread-safe). */
    public static MerchantRow of(Merchant merchant, Collator collator) {
        return new MerchantRow(SharedValues.shared(merchant), collator);
    }

    /** A collator for one thread: Chinese collation, which orders Han characters by their pinyin. */
    public static Collator collator() {
        Collator collator = Collator.getInstance(java.util.Locale.CHINA);
        collator.setStrength(Collator.SECONDARY);
        return collator;
    }

    private void index(Merchant m, Collator collator) {
        // The separator keeps a term from matching across the end of the name and the start of the shop.
        SearchText.Forms name = SearchText.forms(m.name());
        SearchText.Forms shop = SearchText.forms(m.shopName());
        spelledKey = name.spelled() + '\n' + shop.spelled();
        typedKey = name.typed() == null && shop.typed() == null ? null
                : text(name.typed()) + '\n' + text(shop.typed());
        nameKey = collator.getCollationKey(text(m.name())).toByteArray();
        shopKey = collator.getCollationKey(text(m.shopName())).toByteArray();
        regionKey = SharedValues.key(m.region(), collator);
        managerKey = SharedValues.key(m.assignedManagerName(), collator);
    }

    /**
     * Takes a newer state of the merchant; the keys are made again only if a text they come from changed. UI
     * thread.
     *
     * @return whether the search text changed
     */
    boolean update(Merchant changed, Supplier<Collator> collator) {
        Merchant now = SharedValues.shared(changed);
        Merchant before = merchant.get();
        String spelled = spelledKey;
        String typed = typedKey;
        if (!Objects.equals(before.name(), now.name()) || !Objects.equals(before.shopName(), now.shopName())
                || !Objects.equals(before.region(), now.region())
                || !Objects.equals(before.assignedManagerName(), now.assignedManagerName())) {
            index(now, collator.get());
        }
        merchant.set(now);
        return !spelled.equals(spelledKey) || !Objects.equals(typed, typedKey);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    public String id() {
        return id;
    }

    public Merchant merchant() {
        return merchant.get();
    }

    public ReadOnlyObjectProperty<Merchant> merchantProperty() {
        return merchant.getReadOnlyProperty();
    }

    /** Whether the row's name or shop holds every term (already folded by {@link SearchText#terms}). */
    public boolean matches(String[] terms) {
        for (String term : terms) {
            if (!spelledKey.contains(term)
                    && (typedKey == null || !SearchText.hasHan(term) || !typedKey.contains(term))) {
                return false;
            }
        }
        return true;
    }

    static int compareKeys(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    byte[] nameKey() {
        return nameKey;
    }

    byte[] shopKey() {
        return shopKey;
    }

    byte[] regionKey() {
        return regionKey;
    }

    byte[] managerKey() {
        return managerKey;
    }

    @Override
    public String toString() {
        return "MerchantRow[" + id + " " + merchant.get().name() + "]";
    }
}
