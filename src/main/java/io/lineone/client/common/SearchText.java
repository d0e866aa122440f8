package io.lineone.client.common;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one way search text is folded, for both the rows (once, when they arrive) and the query
 * (once per keystroke), so that matching itself is a plain {@code contains}.
 */
public final class SearchText {

    private SearchText() {
    }

    /** NFKC turns full-width letters and digits typed by Chinese input methods into ASCII ones. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    /** A query's words; a row matches when it contains every one. */
    public static String[] terms(String query) {
        String folded = fold(query);
        return folded.isEmpty() ? new String[0] : folded.split("\\s+");
    }
}
