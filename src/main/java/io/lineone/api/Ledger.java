package io.lineone.api;

import java.time.Instant;
import java.util.List;

/** Loss averted by applied (not undone) fixes between {@code from} and {@code to}, grouped by manager, merchant or week. */
public record Ledger(Instant from, Instant to, String groupBy, long totalCents, int fixCount, List<LedgerRow> rows) {
}
