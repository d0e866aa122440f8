package io.lineone.client.merchants;

import io.lineone.client.common.StartupTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The last session's book while it stands in for the server's: put in the book at the first load, its rows then
 * taken over in place by the server's pages (so a selection holds), the rows only it had dropped once the server's
 * book is whole, and the whole book kept again for the next start. UI thread.
 */
final class KeptBook {

    private final MerchantBook book;
    private final BookSnapshots.Slot slot;
    // While rows from the kept book are shown: the ids the server has not confirmed yet; null otherwise.
    private Set<String> unconfirmed;
    private final ReadOnlyObjectWrapper<Instant> savedAt = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding shown = savedAt.isNotNull();

    /** @param slot the user's kept book; null when there is none to show or keep */
    KeptBook(MerchantBook book, BookSnapshots.Slot slot) {
        this.book = book;
        this.slot = slot;
    }

    /** Reads the kept book, if there is one, and hands it to {@code then}. */
    void read(Consumer<Optional<BookSnapshot>> then) {
        if (slot != null) {
            slot.read(then);
        }
    }

    /** Puts the kept book's rows into the (empty) book; false when there is none. */
    boolean show(Optional<BookSnapshot> kept) {
        if (kept.isEmpty()) {
            return false;
        }
        List<MerchantRow> rows = kept.get().toRows();
        unconfirmed = new HashSet<>();
        for (MerchantRow row : rows) {
            unconfirmed.add(row.id());
        }
        savedAt.set(kept.get().savedAt());
        book.addPage(rows);
        return true;
    }

    /** The book is read again from the start: nothing kept is shown any more. */
    void forget() {
        unconfirmed = null;
        savedAt.set(null);
    }

    /**
     * A page from the server: rows shown from the kept book take the server's version in place, whatever its version
     * number — the kept one may hold counts the server has since changed.
     */
    void addPage(List<MerchantRow> rows) {
        if (unconfirmed == null) {
            book.addPage(rows);
            return;
        }
        List<MerchantRow> fresh = new ArrayList<>(rows.size());
        for (MerchantRow row : rows) {
            MerchantRow kept = unconfirmed.remove(row.id()) ? book.find(row.id()) : null;
            if (kept == null) {
                fresh.add(row);
            } else if (row.merchant().version() >= kept.merchant().version()) {
                book.recount(kept, row.merchant());
            }
        }
        book.addPage(fresh);
    }

    /** The whole book is the server's now: what only the kept book had leaves. */
    void confirmed() {
        if (unconfirmed != null) {
            for (String gone : unconfirmed) {
                book.remove(gone);
            }
            forget();
        }
    }

    /** Keeps the book for the next start, then notes the start complete. */
    void keep() {
        if (slot == null) {
            StartupTimeline.finish();
            return;
        }
        slot.save(book.all(), Instant.now(), StartupTimeline::finish);
    }

    /** When the kept book shown was read from the server; null while none is shown. */
    ReadOnlyObjectProperty<Instant> savedAtProperty() {
        return savedAt.getReadOnlyProperty();
    }

    /** Whether the rows shown are the kept book's, not yet the server's. */
    BooleanBinding shown() {
        return shown;
    }
}
