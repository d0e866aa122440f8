package io.lineone.api;

/**
 * The bells of one product area pulled in one UTC month.
 *
 * @param month                    {@code 2026-11}
 * @param medianAcknowledgeSeconds from pulled to acknowledged, over those acknowledged; null when none was
 * @param medianResolveSeconds     from pulled to resolved, over those resolved; null when none was
 * @param overruledShare           overruled among those closed (resolved or overruled), 0 to 1: the false-alarm
 *                                 rate; 0 when none is closed
 */
public record BellMonth(
        String productArea,
        String month,
        int pulled,
        int acknowledged,
        Long medianAcknowledgeSeconds,
        int resolved,
        Long medianResolveSeconds,
        int overruled,
        double overruledShare) {
}
