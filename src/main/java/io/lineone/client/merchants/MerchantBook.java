package io.lineone.client.merchants;

import io.lineone.api.Merchant;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;

/**
 * The whole book in memory, ordered, and the part of it that passes the filter. A keystroke is one pass over the
 * ordered book into the shown list (no sort, no allocation per row) — over the shown rows only when the query was
 * typed further — done here or, from a {@link Snapshot}, on a worker; a sort is one sort of the book; a live change
 * moves one row to its new place in both; a page streaming in is merged. UI thread, but for {@link Snapshot#pass}.
 */
final class MerchantBook {

    private final Map<String, MerchantRow> byId = new HashMap<>();
    private final RowList shown = new RowList();
    // Made when a live change first needs it: a book shown from its snapshot needs no collation rules.
    private Collator collator;
    private MerchantRow[] order = new MerchantRow[0];
    private int size;
    private List<BookSort.By> sortedBy = BookSort.DEFAULT;
    private Comparator<MerchantRow> comparator = BookSort.comparator(sortedBy);
    private MerchantFilter filter = MerchantFilter.NONE;
    // Counts every change to the rows or their order (not to the filter: a pass's rows stay right whatever is shown
    // meanwhile), so a pass made on a worker from rows that changed since is not applied.
    private long changes;

    private Collator collator() {
        if (collator == null) {
            collator = MerchantRow.collator();
        }
        return collator;
    }

    /** The rows that pass the filter, in order. */
    ObservableList<MerchantRow> shown() {
        return shown;
    }

    int size() {
        return size;
    }

    MerchantRow find(String id) {
        return byId.get(id);
    }

    MerchantFilter filter() {
        return filter;
    }

    List<BookSort.By> sortedBy() {
        return sortedBy;
    }

    /** Every row, in order (a copy). */
    List<MerchantRow> all() {
        return List.of(Arrays.copyOf(order, size));
    }

    void clear() {
        changes++;
        byId.clear();
        Arrays.fill(order, 0, size, null);
        size = 0;
        shown.clear(true);
    }

    /**
     * Adds a page of rows made on a worker. A merchant the book already holds (a live change got there first) keeps
     * the newer of the two versions.
     */
    void addPage(Collection<MerchantRow> page) {
        changes++;
        List<MerchantRow> fresh = new ArrayList<>(page.size());
        for (MerchantRow row : page) {
            MerchantRow known = byId.get(row.id());
            if (known == null) {
                byId.put(row.id(), row);
                fresh.add(row);
            } else if (row.merchant().version() > known.merchant().version()) {
                update(known, row.merchant());
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        fresh.sort(comparator);
        order = mergeInto(order, size, fresh);
        size += fresh.size();
        List<MerchantRow> passing = new ArrayList<>(fresh.size());
        for (MerchantRow row : fresh) {
            if (filter.test(row)) {
                passing.add(row);
            }
        }
        shown.merge(passing, comparator);
    }

    private MerchantRow[] mergeInto(MerchantRow[] into, int count, List<MerchantRow> added) {
        MerchantRow[] merged = new MerchantRow[Math.max(count + added.size(), into.length)];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < count || j < added.size()) {
            if (j < added.size() && (i == count || comparator.compare(added.get(j), into[i]) < 0)) {
                merged[k++] = added.get(j++);
            } else {
                merged[k++] = into[i++];
            }
        }
        return merged;
    }

    /**
     * A merchant as the server now describes it: its row changes in place, moves if its place in the order changed,
     * leaves or joins the shown rows if the filter now says otherwise; a merchant not in the book joins it. An older
     * version than the row's is ignored.
     *
     * @return its row
     */
    MerchantRow put(Merchant merchant) {
        changes++;
        MerchantRow known = byId.get(merchant.id());
        if (known == null) {
            MerchantRow row = MerchantRow.of(merchant, collator());
            byId.put(row.id(), row);
            insertInOrder(row);
            if (filter.test(row)) {
                shown.insert(shown.insertionPoint(row, comparator), row);
            }
            return row;
        }
        if (merchant.version() >= known.merchant().version()) {
            update(known, merchant);
        }
        return known;
    }

    /**
     * Changes a row's counts (open issues, money at risk, last contact), which the server does not push as merchant
     * events: the console keeps them from the issue events it hears.
     */
    void recount(MerchantRow row, Merchant counted) {
        update(row, counted);
    }

    private void update(MerchantRow row, Merchant now) {
        changes++;
        int at = indexInOrder(row);
        int visible = shown.indexOf(row, comparator);
        if (visible < 0 && filter.test(row)) {
            // Not found where the order says: only if the book's order is out of step; look the slow way.
            visible = indexOfSlow(row);
        }
        row.update(now, this::collator);
        if (at >= 0 && !inPlace(at)) {
            removeFromOrder(at);
            insertInOrder(row);
        }
        boolean passes = filter.test(row);
        if (visible >= 0) {
            if (!passes) {
                shown.removeAt(visible);
            } else if (!shown.inPlace(visible, comparator)) {
                shown.removeAt(visible);
                shown.insert(shown.insertionPoint(row, comparator), row);
            }
        } else if (passes) {
            shown.insert(shown.insertionPoint(row, comparator), row);
        }
    }

    private int indexOfSlow(MerchantRow row) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i) == row) {
                return i;
            }
        }
        return -1;
    }

    /** Takes a merchant out of the book (it left the manager's book). */
    void remove(String id) {
        changes++;
        MerchantRow row = byId.remove(id);
        if (row == null) {
            return;
        }
        int at = indexInOrder(row);
        if (at >= 0) {
            removeFromOrder(at);
        }
        int visible = shown.indexOf(row, comparator);
        if (visible < 0) {
            visible = indexOfSlow(row);
        }
        if (visible >= 0) {
            shown.removeAt(visible);
        }
    }

    /** Orders the book by {@code by} (the default when empty) and shows it so. */
    void sort(List<BookSort.By> by) {
        List<BookSort.By> wanted = by.isEmpty() ? BookSort.DEFAULT : List.copyOf(by);
        if (wanted.equals(sortedBy)) {
            return;
        }
        changes++;
        sortedBy = wanted;
        comparator = BookSort.comparator(sortedBy);
        Arrays.sort(order, 0, size, comparator);
        refilter();
    }

    /**
     * Shows the rows that pass {@code wanted}: one pass over the ordered book, or over the rows shown now when
     * {@code wanted} only narrows the present filter.
     */
    void filter(MerchantFilter wanted) {
        boolean narrowing = wanted.narrows(filter);
        filter = wanted;
        if (narrowing && !wanted.passesAll()) {
            shown.swap(pass(shown.rows(), shown.size(), filter, shown.spare(shown.size())));
        } else {
            refilter();
        }
    }

    /** How many rows a pass for {@code wanted} would look at. */
    int candidates(MerchantFilter wanted) {
        return wanted.narrows(filter) ? shown.size() : size;
    }

    /** The rows a pass for {@code wanted} looks at, copied so a worker can make it while the book goes on. */
    Snapshot snapshot(MerchantFilter wanted) {
        boolean narrowing = wanted.narrows(filter);
        MerchantRow[] candidates = narrowing ? Arrays.copyOf(shown.rows(), shown.size()) : Arrays.copyOf(order, size);
        return new Snapshot(wanted, candidates, changes);
    }

    /**
     * Shows the rows a worker's pass found, if no row has changed since its snapshot was taken (another filter shown
     * meanwhile does not matter: the pass looked at rows that were copied).
     *
     * @return false when the rows changed meanwhile: the pass must be made again
     */
    boolean apply(Snapshot snapshot, Passed passed) {
        if (snapshot.changes() != changes) {
            return false;
        }
        filter = snapshot.wanted();
        MerchantRow[] into = shown.spare(passed.count());
        System.arraycopy(passed.rows(), 0, into, 0, passed.count());
        shown.swap(passed.count());
        return true;
    }

    /**
     * The rows a pass looks at, in order, and the state of the book they were taken from. Its rows are read, never
     * changed, by the worker: a row changed meanwhile counts as a change of the book, and the pass is not applied.
     */
    record Snapshot(MerchantFilter wanted, MerchantRow[] candidates, long changes) {

        /** The pass itself, on any thread. */
        Passed pass() {
            MerchantRow[] into = new MerchantRow[candidates.length];
            return new Passed(into, MerchantBook.pass(candidates, candidates.length, wanted, into));
        }
    }

    /** The first {@code count} of {@code rows} passed, in order. */
    record Passed(MerchantRow[] rows, int count) {
    }

    private static int pass(MerchantRow[] from, int count, MerchantFilter filter, MerchantRow[] into) {
        int passed = 0;
        for (int i = 0; i < count; i++) {
            MerchantRow row = from[i];
            if (filter.test(row)) {
                into[passed++] = row;
            }
        }
        return passed;
    }

    private void refilter() {
        MerchantRow[] into = shown.spare(size);
        int count;
        if (filter.passesAll()) {
            System.arraycopy(order, 0, into, 0, size);
            count = size;
        } else {
            count = pass(order, size, filter, into);
        }
        shown.swap(count);
    }

    /** How many merchants each manager has in the book, by manager id (null for nobody's). */
    Map<String, Integer> countByManager() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < size; i++) {
            counts.merge(order[i].merchant().assignedManagerId(), 1, Integer::sum);
        }
        return counts;
    }

    private int indexInOrder(MerchantRow row) {
        int at = Arrays.binarySearch(order, 0, size, row, comparator);
        if (at >= 0 && order[at] == row) {
            return at;
        }
        for (int i = 0; i < size; i++) {
            if (order[i] == row) {
                return i;
            }
        }
        return -1;
    }

    private boolean inPlace(int index) {
        MerchantRow row = order[index];
        return (index == 0 || comparator.compare(order[index - 1], row) < 0)
                && (index == size - 1 || comparator.compare(row, order[index + 1]) < 0);
    }

    private void removeFromOrder(int index) {
        System.arraycopy(order, index + 1, order, index, size - index - 1);
        order[--size] = null;
    }

    private void insertInOrder(MerchantRow row) {
        int at = Arrays.binarySearch(order, 0, size, row, comparator);
        int index = at >= 0 ? at : -at - 1;
        if (order.length == size) {
            order = Arrays.copyOf(order, Math.max(16, size * 3 / 2 + 16));
        }
        System.arraycopy(order, index, order, index + 1, size - index);
        order[index] = row;
        size++;
    }
}
