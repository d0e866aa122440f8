package io.lineone.client.merchants;

import io.lineone.api.Band;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantMetrics;
import io.lineone.api.Tier;
import java.time.Instant;

/** Merchants with the fields the book sorts and filters on, for the merchants screen's tests. */
final class BookMerchants {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private BookMerchants() {
    }

    static Merchant merchant(String id, String name, String shop, Tier tier, Integer score, int open, long money,
                             Instant lastContact, String managerId, String managerName) {
        return new Merchant(id, name, shop, tier, "食品", "浙江", managerId, managerName,
                score == null ? null : new MerchantMetrics(18.5, 19, 95, 4.82, 0.0035), score,
                score == null ? null : Band.of(score), open, money, lastContact, false, 1);
    }

    static Merchant merchant(String id, String name, Integer score) {
        return merchant(id, name, name + "店", Tier.SME, score, 0, 0, null, "u-1", "李娜");
    }

    static Merchant version(Merchant m, long version, String managerId, String managerName) {
        return new Merchant(m.id(), m.name(), m.shopName(), m.tier(), m.category(), m.region(), managerId, managerName,
                m.metrics(), m.lighthouseScore(), m.band(), m.openIssues(), m.moneyAtRiskCents(), m.lastContactAt(),
                m.autoDeductionPaused(), version);
    }

    static Merchant rescored(Merchant m, long version, Integer score) {
        return new Merchant(m.id(), m.name(), m.shopName(), m.tier(), m.category(), m.region(), m.assignedManagerId(),
                m.assignedManagerName(), m.metrics(), score, score == null ? null : Band.of(score), m.openIssues(),
                m.moneyAtRiskCents(), m.lastContactAt(), m.autoDeductionPaused(), version);
    }
}
