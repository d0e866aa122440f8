package io.lineone.api;

/**
 * Body of {@code POST /issues/{id}/messages}: the text as the sender saw it (a saved reply already filled in by
 * the client), and the saved reply it started from, if any.
 */
public record NewMessage(String text, String templateId) {
}
