package io.lineone.client.ledger;

import java.time.Duration;

/** How far back the insights look: the last 7 or 30 days. */
public enum InsightsWindow {
    DAYS_7(7), DAYS_30(30);

    private final int days;

    InsightsWindow(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }

    public Duration length() {
        return Duration.ofDays(days);
    }
}
