package io.lineone.client.merchants;

import io.lineone.api.Merchant;
import io.lineone.client.common.SearchText;
import java.text.CollationKey;
import java.text.Collator;
import java.util.Objects;
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
    private CollationKey nameKey;
    private CollationKey shopKey;
    private CollationKey regionKey;
    private CollationKey managerKey;

    private MerchantRow(Merchant merchant, Collator collator) {
        this.id = merchant.id();
        this.merchant = new ReadOnlyObjectWrapper<>(merchant);
        index(merchant, collator);
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
        nameKey = collator.getCollationKey(text(m.name()));
        shopKey = collator.getCollationKey(text(m.shopName()));
        regionKey = SharedValues.key(m.region(), collator);
        managerKey = SharedValues.key(m.assignedManagerName(), collator);
    }

    /**
     * Takes a newer state of the merchant; the keys are made again only if a text they come from changed. UI
     * thread.
     */
    void update(Merchant changed, Collator collator) {
        Merchant now = SharedValues.shared(changed);
        Merchant before = merchant.get();
        if (!Objects.equals(before.name(), now.name()) || !Objects.equals(before.shopName(), now.shopName())
                || !Objects.equals(before.region(), now.region())
                || !Objects.equals(before.assignedManagerName(), now.assignedManagerName())) {
            index(now, collator);
        }
        merchant.set(now);
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

    CollationKey nameKey() {
        return nameKey;
    }

    CollationKey shopKey() {
        return shopKey;
    }

    CollationKey regionKey() {
        return regionKey;
    }

    CollationKey managerKey() {
        return managerKey;
    }

    @Override
    public String toString() {
        return "MerchantRow[" + id + " " + merchant.get().name() + "]";
    }
}
