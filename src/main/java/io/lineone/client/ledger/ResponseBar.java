package io.lineone.client.ledger;

/**
 * One bar of the first-response histogram.
 *
 * @param label     its edges in words ("10–19 s")
 * @param share     its part of all first responses, 0–1
 * @param underMark whether it lies wholly under the 19 s mark
 */
public record ResponseBar(int fromSeconds, Integer toSeconds, String label, int count, double share,
                          boolean underMark) {
}
