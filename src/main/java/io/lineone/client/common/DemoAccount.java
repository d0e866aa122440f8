package io.lineone.client.common;

import io.lineone.api.Role;

/** One account of the demo workspace that the sign-in screen offers, so every role can be tried without typing. */
public record DemoAccount(String login, String displayName, Role role) {
}
