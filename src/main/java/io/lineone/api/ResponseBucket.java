package io.lineone.api;

/** First responses that took from {@code fromSeconds} up to (not including) {@code toSeconds}; null: open-ended. */
public record ResponseBucket(int fromSeconds, Integer toSeconds, int count) {
}
