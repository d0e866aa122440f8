package io.lineone.api;

/** Answer of {@code GET /health}. */
public record Health(String status, String version, String database) {
}
