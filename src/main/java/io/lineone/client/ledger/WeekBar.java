package io.lineone.client.ledger;

import java.time.LocalDate;

/** One bar of the chart: the loss averted in the week starting {@code monday} (UTC, as the server groups). */
public record WeekBar(LocalDate monday, String label, long lossAvertedCents) {
}
