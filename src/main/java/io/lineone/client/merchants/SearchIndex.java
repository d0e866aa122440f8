package io.lineone.client.merchants;

import io.lineone.client.common.SearchText;
import java.util.Arrays;

/**
 * Every row's search text laid end to end in two long buffers — the letters (names and shops as pinyin, initials and
 * Latin text) and the Chinese as typed — so that a keystroke's pass over a big book is a scan of contiguous memory
 * with the JDK's vectorised {@code indexOf} instead of a visit to every row's objects: over 50,000 rows, about a
 * tenth of the time, which lets the pass run on the UI thread between two frames. Each row has a slot; a slot's text
 * never changes (a row whose text changed takes a new slot and its old one is dead until the book compacts). UI
 * thread.
 */
final class SearchIndex {

    // Between two slots' texts, so a word never matches across rows; a word holding it matches nothing.
    private static final char END = '\u0001';

    private final Buffer spelled = new Buffer();
    private final Buffer typed = new Buffer();
    private int slots;
    private int dead;

    /** Takes the row's text into a new slot. */
    int add(MerchantRow row) {
        MerchantRow.Keys keys = row.keys();
        spelled.append(keys.spelled(), slots);
        typed.append(keys.typed(), slots);
        return slots++;
    }

    /** The slot's row left the book, or took a new slot. */
    void drop() {
        dead++;
    }

    int slots() {
        return slots;
    }

    /** How many slots hold text no row has any more. */
    int dead() {
        return dead;
    }

    /** Gives back the room the buffers grew into. */
    void trim() {
        spelled.trim(slots);
        typed.trim(slots);
    }

    void clear() {
        spelled.clear();
        typed.clear();
        slots = 0;
        dead = 0;
    }

    /**
     * Sets {@code hits[slot]} for every slot whose text holds {@code term} the way {@link MerchantRow#matches} reads
     * it: in the letters, or, for a word with Chinese in it, also in the Chinese as typed. Other slots are left alone.
     */
    void mark(String term, boolean[] hits) {
        if (term.indexOf(END) >= 0) {
            return;
        }
        spelled.mark(term, hits, slots);
        if (SearchText.hasHan(term)) {
            typed.mark(term, hits, slots);
        }
    }

    /** One buffer of texts, slot after slot, each followed by {@link #END}, and where each slot's text starts. */
    private static final class Buffer {

        private final StringBuilder text = new StringBuilder();
        // starts[slot] is where the slot's text begins; starts[slots] is the buffer's length.
        private int[] starts = new int[1];

        void append(String value, int slot) {
            if (slot + 2 > starts.length) {
                starts = Arrays.copyOf(starts, Math.max(16, starts.length * 2));
            }
            starts[slot] = text.length();
            if (value != null) {
                text.append(value);
            }
            text.append(END);
            starts[slot + 1] = text.length();
        }

        void trim(int slots) {
            text.trimToSize();
            starts = Arrays.copyOf(starts, slots + 1);
        }

        void clear() {
            text.setLength(0);
            starts = new int[1];
        }

        void mark(String term, boolean[] hits, int slots) {
            int slot = 0;
            int at = text.indexOf(term);
            while (at >= 0) {
                while (starts[slot + 1] <= at) {
                    slot++;
                }
                hits[slot] = true;
                // The rest of this slot's text cannot add anything: on to the next slot's.
                if (++slot >= slots) {
                    return;
                }
                at = text.indexOf(term, starts[slot]);
            }
        }
    }
}
