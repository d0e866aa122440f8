package io.lineone.client.common;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * "Show me this issue", from anywhere in the session (a notification's click) to whoever can show it: the main
 * window turns to the queue, and the queue selects the issue and opens its drawer. The queue screen may not exist
 * yet when asked, so the request waits here until it is {@link #take() taken}. FX thread only.
 */
public final class IssueLinks {

    private final ReadOnlyObjectWrapper<String> wanted = new ReadOnlyObjectWrapper<>();

    /** Asks for the issue {@code issueId} to be shown; asking again for the same one asks again. */
    public void open(String issueId) {
        wanted.set(null);
        wanted.set(issueId);
    }

    /** The issue asked for and not shown yet; null when none. */
    public ReadOnlyObjectProperty<String> wantedProperty() {
        return wanted.getReadOnlyProperty();
    }

    /** The issue asked for, now considered shown; null when none was waiting. */
    public String take() {
        String id = wanted.get();
        wanted.set(null);
        return id;
    }
}
