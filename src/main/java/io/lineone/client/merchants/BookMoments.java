package io.lineone.client.merchants;

import java.util.function.LongConsumer;

/**
 * The book's moments the benchmark's probe listens to: the first page in the table's list, each search shown, the
 * whole book in. Nobody listens unless a probe attaches. UI thread.
 */
final class BookMoments {

    private LongConsumer firstRows = at -> { };
    private Runnable filtered = () -> { };
    private Runnable allRows = () -> { };

    /** Told, with {@link System#nanoTime}, when the first page is in the table's list. */
    void onFirstRows(LongConsumer listener) {
        this.firstRows = listener;
    }

    /** Told each time the rows of a new search or filter are shown. */
    void onFiltered(Runnable listener) {
        this.filtered = listener;
    }

    /** Told when the whole book is in. */
    void onAllRows(Runnable listener) {
        this.allRows = listener;
    }

    void firstRows() {
        firstRows.accept(System.nanoTime());
    }

    void filtered() {
        filtered.run();
    }

    void allRows() {
        allRows.run();
    }
}
