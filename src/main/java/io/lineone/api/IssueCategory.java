package io.lineone.api;

/** What an issue is about. The first three are the commonest money-losers at promotion peaks. */
public enum IssueCategory {
    PRICING_ERROR,
    COUPON_OVERSPEND,
    WEIGHT_UNIT,
    INVENTORY,
    CASH_FLOW,
    IP_PROTECTION,
    LOGISTICS,
    AFTER_SALES,
    RULES,
    OTHER
}
