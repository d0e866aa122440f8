package io.lineone.client.merchants;

import io.lineone.client.common.SearchText;

/**
 * Loads the pinyin table and the Chinese collation rules on a background thread while the console starts (they take
 * seconds the first time on a busy machine), so the merchants screen's first page is not held up by them.
 */
public final class BookWarmUp {

    private BookWarmUp() {
    }

    public static void start() {
        Thread warm = new Thread(() -> MerchantRow.collator().getCollationKey(SearchText.key("杭州西湖 Hangzhou")
                .substring(0, 4)), "lineone-book-warm-up");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }
}
