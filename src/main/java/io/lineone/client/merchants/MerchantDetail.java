package io.lineone.client.merchants;

import io.lineone.api.Band;
import io.lineone.api.Merchant;

/** The head of a merchant's detail pane, every value already formatted for the user's language. */
public record MerchantDetail(
        String id,
        String name,
        String shopName,
        String tier,
        String category,
        String region,
        String manager,
        String score,
        Band band,
        String openIssues,
        String moneyAtRisk,
        String lastContact,
        String lastContactExact) {

    public static MerchantDetail of(Merchant merchant, BookText text) {
        return new MerchantDetail(
                merchant.id(),
                merchant.name(),
                orEmpty(merchant.shopName()),
                text.tier(merchant.tier()),
                orEmpty(merchant.category()),
                orEmpty(merchant.region()),
                merchant.assignedManagerName() == null ? text.messages().get("merchants.manager.none")
                        : merchant.assignedManagerName(),
                text.score(merchant),
                BandChoice.bandOf(merchant),
                Integer.toString(merchant.openIssues()),
                text.money(merchant.moneyAtRiskCents()),
                text.ago(merchant.lastContactAt()),
                text.exact(merchant.lastContactAt()));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
