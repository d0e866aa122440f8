package io.lineone.api;

/** A user as the API shows it: the password never leaves the server. */
public record User(String id, String login, String displayName, Role role) {
}
