package io.lineone.api;

/** Body of {@code POST /users}. */
public record NewUser(String login, String displayName, Role role, String password) {
}
