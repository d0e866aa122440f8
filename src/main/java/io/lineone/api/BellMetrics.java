package io.lineone.api;

import java.time.Instant;
import java.util.List;

/**
 * How the bells of a period went, by product area and month: the answer of {@code GET /bells/metrics}.
 *
 * @param from   the first instant counted (bells pulled from then on)
 * @param to     the first instant not counted
 * @param months one entry per product area and UTC month with bells, by area then month
 */
public record BellMetrics(Instant from, Instant to, List<BellMonth> months) {
}
