package io.lineone.client.merchants;

import io.lineone.api.Merchant;
import io.lineone.api.MerchantFacets;
import io.lineone.api.Page;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import io.lineone.client.net.MerchantsApi;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the merchants screen reads from the server, off the UI thread: the book a page at a time, each page's rows
 * made there too (their pinyin and collation keys: 500 of them are a few milliseconds), and the filters' choices.
 * Answers come back on the UI thread.
 */
final class BookPages {

    private final Backend backend;
    private final TaskExecutor executor;
    private final String assigned;

    BookPages(Backend backend, TaskExecutor executor, boolean wholeTeam) {
        this.backend = backend;
        this.executor = executor;
        this.assigned = wholeTeam ? MerchantsApi.ASSIGNED_ALL : MerchantsApi.ASSIGNED_ME;
    }

    /** Up to {@code limit} merchants after {@code cursor} (null: from the start), as rows. */
    void read(String cursor, int limit, Consumer<Rows> onPage, Consumer<Exception> onFailure) {
        executor.execute(() -> {
            Page<Merchant> page = backend.merchants().merchants(assigned, null, null, cursor, limit);
            Collator collator = MerchantRow.collator();
            List<MerchantRow> rows = new ArrayList<>(page.items().size());
            for (Merchant merchant : page.items()) {
                rows.add(MerchantRow.of(merchant, collator));
            }
            return new Rows(rows, page.nextCursor());
        }, onPage, onFailure);
    }

    /** The filters' choices and the book's size; without an answer the filters offer what the rows hold. */
    void facets(Consumer<MerchantFacets> onFacets) {
        executor.execute(() -> backend.merchants().facets(assigned), onFacets, failure -> { });
    }

    /** A page's rows, and the cursor of the next page (null: the book is complete). */
    record Rows(List<MerchantRow> rows, String next) {
    }
}
