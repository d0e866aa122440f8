package io.lineone.client.common;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * "Show me this one", from anywhere in the session (a notification's click, a search result) to the screen that
 * can show it. That screen may not exist yet when asked, so the request waits here until it is {@link #take()
 * taken}. FX thread only.
 */
public class Wanted {

    private final ReadOnlyObjectWrapper<String> wanted = new ReadOnlyObjectWrapper<>();

    /** Asks for {@code id} to be shown; asking again for the same one asks again. */
    public void open(String id) {
        wanted.set(null);
        wanted.set(id);
    }

    /** The id asked for and not shown yet; null when none. */
    public ReadOnlyObjectProperty<String> wantedProperty() {
        return wanted.getReadOnlyProperty();
    }

    /** The id asked for, now considered shown; null when none was waiting. */
    public String take() {
        String id = wanted.get();
        wanted.set(null);
        return id;
    }
}
