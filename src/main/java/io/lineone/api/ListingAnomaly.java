package io.lineone.api;

/** What the detectors see wrong with a listing now (the merchant-level cash shortfall is on {@link MerchantCash}). */
public enum ListingAnomaly {
    DECIMAL_SLIP,
    BELOW_HALF_REFERENCE,
    BELOW_COST,
    COUPON_STACK,
    COUPON_BUDGET,
    WEIGHT_UNIT
}
