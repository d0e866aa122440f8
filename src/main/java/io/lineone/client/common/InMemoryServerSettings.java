package io.lineone.client.common;

import java.util.Optional;

/** Settings that last only as long as the process: for tests and for a one-off {@code --server}. */
public final class InMemoryServerSettings implements ServerSettings {

    private volatile String url;
    private volatile String login;

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
}
