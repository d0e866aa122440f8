package io.lineone.client.merchants;

import io.lineone.api.Band;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantMetrics;
import io.lineone.client.common.Messages;

/** A merchant's scorecard, every value already formatted for the user's language. */
public record MerchantDetail(
        String id,
        String name,
        String shopName,
        String tier,
        String category,
        String region,
        String score,
        Band band,
        String shippingHours,
        String preSaleResponse,
        String afterSaleResponse,
        String dsr,
        String disputeRate) {

    public static MerchantDetail of(Merchant merchant, Messages messages) {
        MerchantMetrics metrics = merchant.metrics();
        Integer score = merchant.lighthouseScore();
        Band band = score == null ? null : merchant.band() == null ? Band.of(score) : merchant.band();
        return new MerchantDetail(
                merchant.id(),
                merchant.name(),
                text(merchant.shopName()),
                merchant.tier() == null ? "" : messages.get("tier." + merchant.tier().name()),
                text(merchant.category()),
                text(merchant.region()),
                score == null ? BandChipCell.NO_SCORE
                        : messages.format("merchants.detail.scoreValue", score, messages.get("band." + band.name())),
                band,
                metrics == null ? "" : messages.format("merchants.detail.hoursValue", metrics.shippingHours()),
                metrics == null ? "" : messages.format("merchants.detail.secondsValue", metrics.preSaleResponseSeconds()),
                metrics == null ? "" : messages.format("merchants.detail.secondsValue", metrics.afterSaleResponseSeconds()),
                metrics == null ? "" : messages.format("merchants.detail.dsrValue", metrics.dsr()),
                metrics == null ? "" : messages.format("merchants.detail.rateValue", metrics.disputeRate()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
