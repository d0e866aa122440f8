package io.lineone.client.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /**
     * Under {@code users/<digest>}: a preference node's name is limited in length and characters, and a server URL
     * and user id may be neither, so they are named by their SHA-256.
     */
    @Override
    public UserSettings forUser(String serverUrl, String userId) {
        return settingsIn(node.node("users").node(digest(serverUrl + "|" + userId)));
    }

    @Override
    public UserSettings console() {
        return settingsIn(node.node("console"));
    }

    private static UserSettings settingsIn(Preferences user) {
        return new UserSettings() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(user.get(key, null));
            }

            @Override
            public void put(String key, String value) {
                user.put(key, value);
                flush(user);
            }
        };
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private void flush() {
        flush(node);
    }

    private static void flush(Preferences node) {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Not fatal: the setting still holds for this run, it just may not survive a restart.
            LOG.log(System.Logger.Level.WARNING, "cannot store the console's settings", e);
        }
    }
}
