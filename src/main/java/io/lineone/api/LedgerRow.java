package io.lineone.api;

/** One group of the ledger; for weeks {@code key} is the ISO date of the week's Monday (UTC). */
public record LedgerRow(String key, String label, long lossAvertedCents, int fixCount) {
}
