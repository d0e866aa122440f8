package io.lineone.api;

/** A fix that applies to an issue or a listing. */
public record FixOption(FixKind kind, String targetId, String targetTitle) {
}
