package io.lineone.client.merchants;

import io.lineone.client.common.TaskExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Hands the book each new search or filter as the user types. A pass over few rows (a query typed further looks only
 * at the rows shown) is made at once on the UI thread; a pass over many is made on a worker from a snapshot, so the
 * window keeps taking keys. A pass is shown only if it is newer than the one shown: one that comes back after a later
 * query's rows are on screen is dropped, and one still waiting for the worker when a later query came is not made.
 * While the user types on, each pass that comes back in time is shown, so the table follows the typing. UI thread.
 */
final class BookSearch {

    /** Up to this many rows a pass is made on the UI thread: well under a millisecond. */
    static final int AT_ONCE = 4_000;
    // A pass whose book changed meanwhile (live changes, a page arriving) is made again; after this many, at once.
    private static final int TRIES = 3;

    private final MerchantBook book;
    private final TaskExecutor worker;
    private final AtomicInteger newest = new AtomicInteger();
    // The query whose rows are shown.
    private int applied;
    private MerchantFilter wanted = MerchantFilter.NONE;
    private Consumer<MerchantFilter> shown = f -> { };

    BookSearch(MerchantBook book, TaskExecutor worker) {
        this.book = book;
        this.worker = worker;
    }

    /** Shows the rows that pass {@code filter}, now or once the worker has found them. */
    void request(MerchantFilter filter) {
        int generation = newest.incrementAndGet();
        wanted = filter;
        if (filter.passesAll() || book.candidates(filter) <= AT_ONCE) {
            showAtOnce(generation, filter);
            return;
        }
        pass(generation, filter, 1);
    }

    private void showAtOnce(int generation, MerchantFilter filter) {
        book.filter(filter);
        applied = generation;
        shown.accept(filter);
    }

    private void pass(int generation, MerchantFilter filter, int attempt) {
        if (attempt > TRIES) {
            showAtOnce(generation, filter);
            return;
        }
        MerchantBook.Snapshot snapshot = book.snapshot(filter);
        worker.execute(() -> generation == newest.get() ? snapshot.pass() : null, passed -> {
            if (passed == null || generation <= applied) {
                return;
            }
            if (book.apply(snapshot, passed)) {
                applied = generation;
                shown.accept(filter);
            } else if (generation == newest.get()) {
                pass(generation, filter, attempt + 1);
            }
        }, failure -> {
            if (generation == newest.get()) {
                showAtOnce(generation, filter);
            }
        });
    }

    /** The filter asked for last; its rows may not be shown yet. */
    MerchantFilter wanted() {
        return wanted;
    }

    /** Told, on the UI thread, each time the rows of the newest filter are shown (for the benchmark's probe). */
    void onShown(Consumer<MerchantFilter> listener) {
        this.shown = listener;
    }
}
