package io.lineone.client.merchants;

import io.lineone.api.Merchant;
import io.lineone.client.common.SearchText;

/** A merchant as the table holds it, with its search text folded once rather than per keystroke. */
public record MerchantRow(Merchant merchant, String searchKey) {

    public static MerchantRow of(Merchant merchant) {
        // The separator keeps a term from matching across the end of the name and the start of the shop.
        return new MerchantRow(merchant,
                SearchText.key(merchant.name()) + '\n' + SearchText.key(merchant.shopName()));
    }

    public boolean matches(String[] terms) {
        for (String term : terms) {
            if (!searchKey.contains(term)) {
                return false;
            }
        }
        return true;
    }
}
