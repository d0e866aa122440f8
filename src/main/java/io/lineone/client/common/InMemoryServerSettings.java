package io.lineone.client.common;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Settings that last only as long as the process: for tests and for a one-off {@code --server}. */
public final class InMemoryServerSettings implements ServerSettings {

    private volatile String url;
    private volatile String login;
    private final Map<String, String> userSettings = new ConcurrentHashMap<>();

    public InMemoryServerSettings(String url) {
        this.url = url;
    }

    @Override
    public Optional<String> serverUrl() {
        return Optional.ofNullable(url);
    }

    @Override
    public void saveServerUrl(String url) {
        this.url = url;
    }

    @Override
    public void clearServerUrl() {
        this.url = null;
    }

    @Override
    public Optional<String> login() {
        return Optional.ofNullable(login);
    }

    @Override
    public void saveLogin(String login) {
        this.login = login;
    }

    @Override
    public UserSettings forUser(String serverUrl, String userId) {
        return settingsUnder(serverUrl + "|" + userId + "|");
    }

    @Override
    public UserSettings console() {
        return settingsUnder("console|");
    }

    private UserSettings settingsUnder(String prefix) {
        return new UserSettings() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(userSettings.get(prefix + key));
            }

            @Override
            public void put(String key, String value) {
                userSettings.put(prefix + key, value);
            }
        };
    }
}
