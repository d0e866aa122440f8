package io.lineone.client.merchants;

import io.lineone.api.Merchant;
import io.lineone.api.User;
import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The last book a user saw on one server, as the console keeps it between runs: who it belongs to, when it was
 * current, and each merchant with the keys its row derives (search text with pinyin, collation keys), so the next
 * start can show it sorted and searchable before the server answers — without loading the pinyin table or the
 * collation rules first.
 *
 * @param format  {@link BookSnapshots#FORMAT} when written; another value is an old or newer file, never read
 * @param keysBy  the Java runtime whose collator made the keys; keys from another one may order differently
 * @param server  the server it came from ({@link BookSnapshots#DEMO} for the embedded demo workspace)
 * @param user    whose book it is
 * @param savedAt when the book was read from the server
 */
public record BookSnapshot(int format, String keysBy, String server, User user, Instant savedAt, List<Row> rows) {

    /** One merchant and its row's keys ({@code typed} null when neither name nor shop is Chinese). */
    public record Row(Merchant merchant, String spelled, String typed, byte[] name, byte[] shop, byte[] region,
                      byte[] manager) {

        MerchantRow toRow() {
            return MerchantRow.restored(merchant, new MerchantRow.Keys(spelled, typed, name, shop, region, manager));
        }

        static Row of(MerchantRow row) {
            MerchantRow.Keys keys = row.keys();
            return new Row(row.merchant(), keys.spelled(), keys.typed(), keys.name(), keys.shop(), keys.region(),
                    keys.manager());
        }
    }

    /** The book's rows as they are now, ready to be written. */
    static BookSnapshot ofRows(String server, User user, Instant savedAt, List<MerchantRow> rows) {
        List<Row> kept = new ArrayList<>(rows.size());
        for (MerchantRow row : rows) {
            kept.add(Row.of(row));
        }
        return new BookSnapshot(BookSnapshots.FORMAT, BookSnapshots.keysBy(), server, user, savedAt, kept);
    }

    /** A snapshot of {@code merchants} (their rows' keys made here: blocking, not for the FX thread). */
    public static BookSnapshot of(String server, User user, Instant savedAt, Collection<Merchant> merchants) {
        Collator collator = MerchantRow.collator();
        List<MerchantRow> rows = new ArrayList<>(merchants.size());
        for (Merchant merchant : merchants) {
            rows.add(MerchantRow.of(merchant, collator));
        }
        return ofRows(server, user, savedAt, rows);
    }

    /** The rows to show. */
    List<MerchantRow> toRows() {
        List<MerchantRow> shown = new ArrayList<>(rows.size());
        for (Row row : rows) {
            shown.add(row.toRow());
        }
        return shown;
    }
}
