package io.lineone.client.common;

import java.util.Optional;

/** Where the console remembers the server it last signed in to, and as whom (never the password). */
public interface ServerSettings {

    Optional<String> serverUrl();

    void saveServerUrl(String url);

    /** Forgets the server, so the next start opens the demo workspace. */
    void clearServerUrl();

    /** The login last signed in with, to fill in after a sign-out or at the next start. */
    Optional<String> login();

    void saveLogin(String login);

    /** The settings of one user of one server, kept apart from every other user's. */
    UserSettings forUser(String serverUrl, String userId);

    /** The console's own settings, whoever signs in (language, theme, the window). */
    UserSettings console();
}
