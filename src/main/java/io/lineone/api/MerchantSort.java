package io.lineone.api;

/** What {@code GET /merchants?sort=} orders by; ties are broken by id. */
public enum MerchantSort { NAME, SCORE, OPEN_ISSUES, MONEY_AT_RISK, LAST_CONTACT }
