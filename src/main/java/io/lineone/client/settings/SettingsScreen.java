package io.lineone.client.settings;

import io.lineone.client.common.ConsoleControls;
import io.lineone.client.common.ConsoleSettings;
import io.lineone.client.common.ServerSettings;
import io.lineone.client.common.SignedIn;

/**
 * What the settings screen works on besides the backend.
 *
 * @param console  the console's own settings (language, theme, text size, notifications)
 * @param servers  where the server to sign in to is kept
 * @param controls the console as a whole, which applies a choice at once
 * @param signedIn the session on screen
 * @param about    what the About section tells
 */
public record SettingsScreen(ConsoleSettings console, ServerSettings servers, ConsoleControls controls,
                             SignedIn signedIn, About about) {
}
