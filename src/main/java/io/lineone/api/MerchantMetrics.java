package io.lineone.api;

/**
 * Service metrics a merchant is scored on.
 *
 * @param shippingHours          average hours from order to hand-over to the carrier
 * @param preSaleResponseSeconds average first answer to a pre-sale question
 * @param afterSaleResponseSeconds average first answer to an after-sale request
 * @param dsr                    detailed seller rating, 1 to 5
 * @param disputeRate            share of orders disputed, 0 to 1
 */
public record MerchantMetrics(
        double shippingHours,
        double preSaleResponseSeconds,
        double afterSaleResponseSeconds,
        double dsr,
        double disputeRate) {
}
