package io.lineone.loadgen;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies counted in 0.1 ms buckets up to a minute (beyond: the last bucket, the true maximum kept aside), so
 * millions of deliveries cost a counter each and a percentile can be read at any time while the run goes on.
 */
final class Histogram {

    private static final long BUCKET_NANOS = 100_000;
    private static final int BUCKETS = 600_000;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    void record(long nanos) {
        long value = Math.max(0, nanos);
        counts.incrementAndGet((int) Math.min(BUCKETS - 1, value / BUCKET_NANOS));
        total.incrementAndGet();
        max.accumulateAndGet(value, Math::max);
    }

    long count() {
        return total.get();
    }

    double maxMillis() {
        return total.get() == 0 ? Double.NaN : max.get() / 1e6;
    }

    /** The {@code p}th percentile in milliseconds (upper edge of its bucket; p 100 is the true maximum). */
    double percentileMillis(double p) {
        long n = total.get();
        if (n == 0) {
            return Double.NaN;
        }
        if (p >= 100) {
            return maxMillis();
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100 * n));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min((i + 1) * BUCKET_NANOS, max.get()) / 1e6;
            }
        }
        return maxMillis();
    }
}
