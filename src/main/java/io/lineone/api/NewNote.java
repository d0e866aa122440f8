package io.lineone.api;

/** Body of {@code POST /issues/{id}/notes}. */
public record NewNote(String text) {
}
