package io.lineone.client.search;

/**
 * One result of the global search.
 *
 * @param title  what the result is called (a merchant's name, an issue's title)
 * @param detail a second line that tells like-named results apart
 */
public record SearchHit(Kind kind, String id, String title, String detail) {

    /** What a result leads to. */
    public enum Kind {
        MERCHANT,
        ISSUE
    }
}
