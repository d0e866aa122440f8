package io.lineone.client.merchants;

import io.lineone.api.Merchant;
import io.lineone.api.Tier;
import io.lineone.client.common.SearchText;
import java.util.Objects;

/**
 * What the search box and the filter menus ask for, as one test a row passes or not. The cheap comparisons come
 * first and the text search last; nothing is allocated per row.
 *
 * @param terms     the query's folded words ({@link SearchText#terms}); a row must hold every one
 * @param tier      null for every tier
 * @param band      never null; {@link BandChoice#ALL} for every band, scored or not
 * @param category  null for every category
 * @param region    null for every region
 * @param managerId null for every manager's merchants
 */
public record MerchantFilter(String[] terms, Tier tier, BandChoice band, String category, String region,
                             String managerId) {

    public static final MerchantFilter NONE = new MerchantFilter(new String[0], null, BandChoice.ALL, null, null, null);

    public boolean test(MerchantRow row) {
        return menusPass(row.merchant()) && row.matches(terms);
    }

    /** Whether the merchant passes the menus (tier, band, category, region, manager), the words aside. */
    public boolean menusPass(Merchant m) {
        return (tier == null || tier == m.tier())
                && band.accepts(m)
                && (category == null || category.equals(m.category()))
                && (region == null || region.equals(m.region()))
                && (managerId == null || managerId.equals(m.assignedManagerId()));
    }

    /** Whether every row passes: the table can show the whole book without a pass over it. */
    public boolean passesAll() {
        return terms.length == 0 && tier == null && band == BandChoice.ALL && category == null && region == null
                && managerId == null;
    }

    /**
     * Whether every row this filter passes also passes {@code wider}: the same menus, and each of the wider query's
     * words inside one of this one's (a query typed further, or a word added). Such a filter need only look at the
     * rows {@code wider} let through.
     */
    public boolean narrows(MerchantFilter wider) {
        if (tier != wider.tier || band != wider.band || !Objects.equals(category, wider.category)
                || !Objects.equals(region, wider.region)
                || !Objects.equals(managerId, wider.managerId)) {
            return false;
        }
        for (String before : wider.terms) {
            boolean kept = false;
            for (String now : terms) {
                if (now.contains(before)) {
                    kept = true;
                    break;
                }
            }
            if (!kept) {
                return false;
            }
        }
        return true;
    }

    /** Whether only the text differs from {@code other}: the no-match text names the query then. */
    public boolean onlyText() {
        return tier == null && band == BandChoice.ALL && category == null && region == null && managerId == null;
    }
}
