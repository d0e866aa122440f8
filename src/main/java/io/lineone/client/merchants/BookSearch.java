package io.lineone.client.merchants;

import io.lineone.client.common.TaskExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Hands the book each new search or filter as the user types. A pass over few rows (a query typed further looks only
 * at the rows shown) is made at once on the UI thread; a pass over many is made on a worker from a snapshot, so the
 * window keeps taking keys. Only the newest query's pass is ever shown: one asked for earlier is dropped when it
 * comes back late, or not even made when a newer one is already waiting. UI thread.
 */
final class BookSearch {

    /** Up to this many rows a pass is made on the UI thread: well under a millisecond. */
    static final int AT_ONCE = 4_000;
    // A pass whose book changed meanwhile (live changes, a page arriving) is made again; after this many, at once.
    private static final int TRIES = 3;

    private final MerchantBook book;
    private final TaskExecutor worker;
    private final AtomicInteger newest = new AtomicInteger();
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
            book.filter(filter);
            shown.accept(filter);
            return;
        }
        pass(generation, filter, 1);
    }

    private void pass(int generation, MerchantFilter filter, int attempt) {
        if (attempt > TRIES) {
            book.filter(filter);
            shown.accept(filter);
            return;
        }
        MerchantBook.Snapshot snapshot = book.snapshot(filter);
        worker.execute(() -> generation == newest.get() ? snapshot.pass() : null, passed -> {
            if (passed == null || generation != newest.get()) {
                return;
            }
            if (book.apply(snapshot, passed)) {
                shown.accept(filter);
            } else {
                pass(generation, filter, attempt + 1);
            }
        }, failure -> {
            if (generation == newest.get()) {
                book.filter(filter);
                shown.accept(filter);
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
