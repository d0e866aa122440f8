package io.lineone.api;

/** Body of {@code POST /bells/{id}/comments}. */
public record NewComment(String text) {
}
