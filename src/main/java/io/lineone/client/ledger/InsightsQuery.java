package io.lineone.client.ledger;

import io.lineone.client.net.InsightsApi.Bucket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One read's window and bucket. */
record InsightsQuery(Instant from, Instant to, Bucket bucket) {

    /**
     * The window ending at the next whole hour after {@code now}: the buckets line up with the clock and the issue
     * opened this minute is in.
     */
    static InsightsQuery ending(Instant now, InsightsWindow window, Bucket bucket) {
        Instant to = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        Instant from = bucket == Bucket.DAY
                ? now.truncatedTo(ChronoUnit.DAYS).minus(window.days() - 1L, ChronoUnit.DAYS)
                : to.minus(window.length());
        return new InsightsQuery(from, to, bucket);
    }
}
