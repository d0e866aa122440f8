package io.lineone.api;

import java.time.Instant;

/** Answer of {@code POST /session}: the bearer token is shown once, here. */
public record Session(String token, Instant expiresAt, User user) {
}
