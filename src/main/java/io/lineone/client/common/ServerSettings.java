package io.lineone.client.common;

import java.util.Optional;

/** Where the console remembers the server it last signed in to. */
public interface ServerSettings {

    Optional<String> serverUrl();

    void saveServerUrl(String url);

    /** Forgets the server, so the next start opens the demo workspace. */
    void clearServerUrl();
}
