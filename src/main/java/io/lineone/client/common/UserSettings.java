package io.lineone.client.common;

import java.util.Optional;

/** What the console remembers for one signed-in user on this computer (the queue's columns, sort and view). */
public interface UserSettings {

    Optional<String> get(String key);

    void put(String key, String value);
}
