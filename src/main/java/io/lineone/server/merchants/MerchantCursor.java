package io.lineone.server.merchants;

import io.lineone.api.MerchantSort;
import io.lineone.server.core.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The keyset cursor of {@code GET /merchants}: the sort and order it was issued for, and the last row's sort value
 * and id. Opaque to callers; one issued for another sort or order is refused, since its value means nothing there.
 *
 * @param value the last row's sort value as text (a number, an instant or a name); null for an unscored or
 *              never-contacted merchant, which sort last
 */
public record MerchantCursor(MerchantSort sort, boolean descending, String id, String value) {

    private static final String NULL = "~";

    public String encode() {
        String text = sort.name() + ";" + (descending ? "d" : "a") + ";" + id + ";" + (value == null ? NULL : "=" + value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor in {@code text} for a list sorted by {@code sort}; null for the first page. */
    public static MerchantCursor parse(String text, MerchantSort sort, boolean descending) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(";", 4);
        } catch (IllegalArgumentException e) {
            throw refused();
        }
        if (parts.length != 4 || !parts[2].matches("[a-z]+_[a-z0-9]+")
                || !(parts[3].equals(NULL) || parts[3].startsWith("="))) {
            throw refused();
        }
        if (!parts[0].equals(sort.name()) || !parts[1].equals(descending ? "d" : "a")) {
            throw DomainException.invalid("cursor", "was issued for another sort or order");
        }
        return new MerchantCursor(sort, descending, parts[2], parts[3].equals(NULL) ? null : parts[3].substring(1));
    }

    private static DomainException refused() {
        return DomainException.invalid("cursor", "is not a cursor this server issued");
    }
}
