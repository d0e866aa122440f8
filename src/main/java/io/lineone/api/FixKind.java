package io.lineone.api;

/** The one-click fixes. */
public enum FixKind {
    DELIST_LISTING,
    RESTORE_PRICE,
    DISABLE_COUPON_STACKING,
    CORRECT_WEIGHT_UNIT,
    PAUSE_AUTO_DEDUCTION
}
