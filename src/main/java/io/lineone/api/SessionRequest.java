package io.lineone.api;

/** Body of {@code POST /session}. */
public record SessionRequest(String login, String password) {
}
