package io.lineone.api;

import java.time.Instant;

/** A lighthouse score at a time: one point of a merchant's trend. */
public record ScorePoint(Instant at, int score) {
}
