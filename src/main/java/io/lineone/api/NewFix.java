package io.lineone.api;

/** Body of {@code POST /fixes} (with an {@code Idempotency-Key} header). */
public record NewFix(FixKind kind, String targetId, String issueId, long targetVersion) {
}
