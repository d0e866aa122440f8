package io.lineone.client.ledger;

import io.lineone.api.Fix;
import io.lineone.api.Ledger;
import java.util.List;

/** What one read of the ledger screen brings: the totals, the groupings and the newest fixes. */
record LedgerSnapshot(Ledger week, Ledger month, Ledger byManager, Ledger weeks, List<Fix> fixes) {
}
