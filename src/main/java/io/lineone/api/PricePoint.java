package io.lineone.api;

import java.time.Instant;

/** One price a listing had, from {@code at}; {@code flagged} when a detector found it wrong. */
public record PricePoint(long priceCents, Instant at, String actor, boolean flagged) {
}
