package io.lineone.client.net;

import io.lineone.api.Page;
import java.util.ArrayList;
import java.util.List;

/** Reading a whole list through its pages. */
public final class Pages {

    /** The largest page the server serves. */
    public static final int MAX = 500;

    private Pages() {
    }

    /** One page of a list, given the cursor of the previous one (null for the first). */
    @FunctionalInterface
    public interface Fetch<T> {
        Page<T> page(String cursor) throws BackendException;
    }

    /** Follows {@code nextCursor} to the end of a list. */
    public static <T> List<T> all(Fetch<T> fetch) throws BackendException {
        List<T> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = fetch.page(cursor);
            all.addAll(page.items());
            // A server that hands back the cursor it was given would keep us here forever.
            if (page.nextCursor() != null && page.nextCursor().equals(cursor)) {
                throw BackendException.unexpected(String.valueOf(cursor), null);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }
}
