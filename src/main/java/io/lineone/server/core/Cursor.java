package io.lineone.server.core;

import io.lineone.api.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** An opaque paging cursor: the id of the last row the caller saw. */
public record Cursor(String afterId) {

    public static final Cursor FIRST = new Cursor(null);

    public static Cursor parse(String text) {
        if (text == null || text.isEmpty()) {
            return FIRST;
        }
        try {
            String id = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            if (!id.matches("[a-z]+_[a-z0-9]+")) {
                throw DomainException.invalid("cursor", "is not a cursor this server issued");
            }
            return new Cursor(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("cursor", "is not a cursor this server issued");
        }
    }

    public static String encode(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    /** Cuts rows fetched with {@code limit + 1} down to a page, with a cursor when there is more. */
    public static <T> Page<T> page(List<T> rows, int limit, Function<T, String> id) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), encode(id.apply(items.get(limit - 1))));
    }
}
