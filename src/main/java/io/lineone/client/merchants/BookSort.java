package io.lineone.client.merchants;

import io.lineone.api.Merchant;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * How the book is ordered: by one or more columns, each by its meaning — names in Chinese collation (拼音 order),
 * money and counts as numbers, the unscored after every score whichever way the score is sorted, a merchant never
 * contacted as the longest ago. Ties end in the merchant's id, so the order is total and a row's place can be found
 * by binary search.
 */
public final class BookSort {

    /** The columns the book sorts by. */
    public enum Key {
        NAME, SHOP, TIER, REGION, SCORE, OPEN_ISSUES, MONEY_AT_RISK, LAST_CONTACT, MANAGER
    }

    /** One column of the order. */
    public record By(Key key, boolean ascending) {
    }

    /** The default: names A to Z. */
    public static final List<By> DEFAULT = List.of(new By(Key.NAME, true));

    private BookSort() {
    }

    /** The comparator for {@code order}; the default when it is empty. */
    public static Comparator<MerchantRow> comparator(List<By> order) {
        List<By> keys = order.isEmpty() ? DEFAULT : order;
        Comparator<MerchantRow> result = null;
        for (By by : keys) {
            Comparator<MerchantRow> next = of(by);
            result = result == null ? next : result.thenComparing(next);
        }
        return result.thenComparing(MerchantRow::id);
    }

    private static Comparator<MerchantRow> of(By by) {
        if (by.key() == Key.SCORE) {
            return (a, b) -> compareScores(a.merchant().lighthouseScore(), b.merchant().lighthouseScore(),
                    by.ascending());
        }
        Comparator<MerchantRow> natural = natural(by.key());
        return by.ascending() ? natural : natural.reversed();
    }

    private static Comparator<MerchantRow> natural(Key key) {
        return switch (key) {
            case NAME -> (a, b) -> MerchantRow.compareKeys(a.nameKey(), b.nameKey());
            case SHOP -> (a, b) -> MerchantRow.compareKeys(a.shopKey(), b.shopKey());
            case REGION -> (a, b) -> MerchantRow.compareKeys(a.regionKey(), b.regionKey());
            case MANAGER -> (a, b) -> MerchantRow.compareKeys(a.managerKey(), b.managerKey());
            case TIER -> (a, b) -> Integer.compare(tierRank(a.merchant()), tierRank(b.merchant()));
            case OPEN_ISSUES -> (a, b) -> Integer.compare(a.merchant().openIssues(), b.merchant().openIssues());
            case MONEY_AT_RISK -> (a, b) -> Long.compare(a.merchant().moneyAtRiskCents(),
                    b.merchant().moneyAtRiskCents());
            case LAST_CONTACT -> (a, b) -> contact(a.merchant()).compareTo(contact(b.merchant()));
            case SCORE -> throw new IllegalArgumentException("the score sorts the unscored last both ways");
        };
    }

    /** Unscored merchants (null) after every scored one, ascending or descending. */
    static int compareScores(Integer a, Integer b, boolean ascending) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return ascending ? Integer.compare(a, b) : Integer.compare(b, a);
    }

    private static int tierRank(Merchant merchant) {
        return merchant.tier() == null ? Integer.MAX_VALUE : merchant.tier().ordinal();
    }

    private static Instant contact(Merchant merchant) {
        return merchant.lastContactAt() == null ? Instant.MIN : merchant.lastContactAt();
    }
}
