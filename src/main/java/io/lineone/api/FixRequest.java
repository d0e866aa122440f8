package io.lineone.api;

/** Body of {@code POST /fixes/preview}. */
public record FixRequest(FixKind kind, String targetId, String issueId) {
}
