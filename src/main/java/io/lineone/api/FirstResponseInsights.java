package io.lineone.api;

import java.util.List;

/**
 * {@code GET /insights/first-response}: how fast issues opened in the window were first answered (issues not answered
 * yet are left out), with the share answered in under 19 s, the managed model's mark.
 */
public record FirstResponseInsights(int count, long medianMillis, long p90Millis, double shareUnder19s,
                                    List<ResponseBucket> histogram) {
}
