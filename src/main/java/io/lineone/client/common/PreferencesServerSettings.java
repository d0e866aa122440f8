package io.lineone.client.common;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** Server URL and login kept in the user's Java preferences, node {@code io/lineone/client}. */
public final class PreferencesServerSettings implements ServerSettings {

    private static final System.Logger LOG = System.getLogger(PreferencesServerSettings.class.getName());
    static final String NODE = "io/lineone/client";
    static final String KEY = "serverUrl";
    static final String LOGIN = "login";

    private final Preferences node;

    public PreferencesServerSettings(Preferences node) {
        this.node = node;
    }

    public static PreferencesServerSettings forUser() {
        return new PreferencesServerSettings(Preferences.userRoot().node(NODE));
    }

    @Override
    public Optional<String> serverUrl() {
        String url = node.get(KEY, null);
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url);
    }

    @Override
    public void saveServerUrl(String url) {
        node.put(KEY, url);
        flush();
    }

    @Override
    public void clearServerUrl() {
        node.remove(KEY);
        flush();
    }

    @Override
    public Optional<String> login() {
        String login = node.get(LOGIN, null);
        return login == null || login.isBlank() ? Optional.empty() : Optional.of(login);
    }

    @Override
    public void saveLogin(String login) {
        node.put(LOGIN, login);
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Not fatal: the setting still holds for this run, it just may not survive a restart.
            LOG.log(System.Logger.Level.WARNING, "cannot store the sign-in settings", e);
        }
    }
}
