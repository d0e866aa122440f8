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
 * The whole book in memory, ordered, and the part of it that passes the filter. A keystroke is one pass into the
 * shown list (no sort, no allocation per row): over the shown rows when the query was typed further and few are
 * shown, otherwise a scan of the {@link SearchIndex} and one walk down the ordered book; a sort is one sort of the
 * book; a live change moves one row to its new place in both; a page streaming in is merged. UI thread.
 */
final class MerchantBook {

    /** Up to this many shown rows, a query typed further looks at them rather than at the index. */
    static final int NARROW_OVER_SHOWN = 4_000;

    private final Map<String, MerchantRow> byId = new HashMap<>();
    private final SearchIndex index = new SearchIndex();
    // The index slot of each row in order, side by side with it, so a pass reads the index's hits without visiting
    // the rows that miss.
    private int[] orderSlots = new int[0];
    private boolean[] hits = new boolean[0];
    private boolean[] termHits = new boolean[0];
    private final RowList shown = new RowList();
    // Made when a live change first needs it: a book shown from its snapshot needs no collation rules.
    private Collator collator;
    private MerchantRow[] order = new MerchantRow[0];
    private int size;
    private List<BookSort.By> sortedBy = BookSort.DEFAULT;
    private Comparator<MerchantRow> comparator = BookSort.comparator(sortedBy);
    private MerchantFilter filter = MerchantFilter.NONE;

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
        byId.clear();
        Arrays.fill(order, 0, size, null);
        size = 0;
        index.clear();
        shown.clear(true);
    }

    /**
     * Adds a page of rows made on a worker. A merchant the book already holds (a live change got there first) keeps
     * the newer of the two versions.
     */
    void addPage(Collection<MerchantRow> page) {
        List<MerchantRow> fresh = new ArrayList<>(page.size());
        for (MerchantRow row : page) {
            MerchantRow known = byId.get(row.id());
            if (known == null) {
                byId.put(row.id(), row);
                row.slot = index.add(row);
                fresh.add(row);
            } else if (row.merchant().version() > known.merchant().version()) {
                update(known, row.merchant());
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        fresh.sort(comparator);
        mergeIntoOrder(fresh);
        List<MerchantRow> passing = new ArrayList<>(fresh.size());
        for (MerchantRow row : fresh) {
            if (filter.test(row)) {
                passing.add(row);
            }
        }
        shown.merge(passing, comparator);
    }

    private void mergeIntoOrder(List<MerchantRow> added) {
        int length = Math.max(size + added.size(), order.length);
        MerchantRow[] merged = new MerchantRow[length];
        int[] mergedSlots = new int[length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < size || j < added.size()) {
            if (j < added.size() && (i == size || comparator.compare(added.get(j), order[i]) < 0)) {
                MerchantRow row = added.get(j++);
                mergedSlots[k] = row.slot;
                merged[k++] = row;
            } else {
                mergedSlots[k] = orderSlots[i];
                merged[k++] = order[i++];
            }
        }
        order = merged;
        orderSlots = mergedSlots;
        size = k;
    }

    /**
     * A merchant as the server now describes it: its row changes in place, moves if its place in the order changed,
     * leaves or joins the shown rows if the filter now says otherwise; a merchant not in the book joins it. An older
     * version than the row's is ignored.
     *
     * @return its row
     */
    MerchantRow put(Merchant merchant) {
        MerchantRow known = byId.get(merchant.id());
        if (known == null) {
            MerchantRow row = MerchantRow.of(merchant, collator());
            byId.put(row.id(), row);
            row.slot = index.add(row);
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
        int at = indexInOrder(row);
        int visible = shown.indexOf(row, comparator);
        if (visible < 0 && filter.test(row)) {
            // Not found where the order says: only if the book's order is out of step; look the slow way.
            visible = indexOfSlow(row);
        }
        if (row.update(now, this::collator)) {
            index.drop();
            row.slot = index.add(row);
            if (at >= 0) {
                orderSlots[at] = row.slot;
            }
        }
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
        MerchantRow row = byId.remove(id);
        if (row == null) {
            return;
        }
        index.drop();
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
        sortedBy = wanted;
        comparator = BookSort.comparator(sortedBy);
        Arrays.sort(order, 0, size, comparator);
        for (int i = 0; i < size; i++) {
            orderSlots[i] = order[i].slot;
        }
        refilter();
    }

    /**
     * Shows the rows that pass {@code wanted}: over the rows shown now when {@code wanted} only narrows the present
     * filter and few are shown, otherwise over the whole ordered book.
     */
    void filter(MerchantFilter wanted) {
        boolean narrowing = wanted.narrows(filter) && shown.size() <= NARROW_OVER_SHOWN;
        filter = wanted;
        if (narrowing && !wanted.passesAll()) {
            int count = 0;
            MerchantRow[] from = shown.rows();
            MerchantRow[] into = shown.spare(shown.size());
            for (int i = 0; i < shown.size(); i++) {
                if (wanted.test(from[i])) {
                    into[count++] = from[i];
                }
            }
            shown.swap(count);
        } else {
            refilter();
        }
    }

    private void refilter() {
        MerchantRow[] into = shown.spare(size);
        int count;
        if (filter.passesAll()) {
            System.arraycopy(order, 0, into, 0, size);
            count = size;
        } else {
            count = pass(into);
        }
        shown.swap(count);
    }

    /**
     * The rows of the whole book that pass the filter, in order: the index finds the rows holding every word, and
     * only those are visited (to check the menus, if any is set).
     */
    private int pass(MerchantRow[] into) {
        boolean[] found = textHits(filter.terms());
        boolean menus = !filter.onlyText();
        int passed = 0;
        for (int i = 0; i < size; i++) {
            if (found == null || found[orderSlots[i]]) {
                MerchantRow row = order[i];
                if (!menus || filter.menusPass(row.merchant())) {
                    into[passed++] = row;
                }
            }
        }
        return passed;
    }

    /** By slot, whether the slot's text holds every term; null when there is no term (every row does). */
    private boolean[] textHits(String[] terms) {
        if (terms.length == 0) {
            return null;
        }
        compactIfMostlyDead();
        int slots = index.slots();
        if (hits.length < slots) {
            hits = new boolean[slots + slots / 2];
            termHits = new boolean[hits.length];
        }
        Arrays.fill(hits, 0, slots, false);
        index.mark(terms[0], hits);
        for (int t = 1; t < terms.length; t++) {
            Arrays.fill(termHits, 0, slots, false);
            index.mark(terms[t], termHits);
            for (int s = 0; s < slots; s++) {
                hits[s] &= termHits[s];
            }
        }
        return hits;
    }

    /** Gives back the room the search index grew into while the book was loading. */
    void trim() {
        index.trim();
    }

    /** When rows gone or re-typed have left more dead text than live, the index is made again from the book. */
    private void compactIfMostlyDead() {
        if (index.dead() <= Math.max(1_000, size)) {
            return;
        }
        index.clear();
        for (int i = 0; i < size; i++) {
            order[i].slot = index.add(order[i]);
            orderSlots[i] = order[i].slot;
        }
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

    private void removeFromOrder(int at) {
        System.arraycopy(order, at + 1, order, at, size - at - 1);
        System.arraycopy(orderSlots, at + 1, orderSlots, at, size - at - 1);
        order[--size] = null;
    }

    private void insertInOrder(MerchantRow row) {
        int found = Arrays.binarySearch(order, 0, size, row, comparator);
        int at = found >= 0 ? found : -found - 1;
        if (order.length == size) {
            order = Arrays.copyOf(order, Math.max(16, size * 3 / 2 + 16));
            orderSlots = Arrays.copyOf(orderSlots, order.length);
        }
        System.arraycopy(order, at, order, at + 1, size - at);
        System.arraycopy(orderSlots, at, orderSlots, at + 1, size - at);
        order[at] = row;
        orderSlots[at] = row.slot;
        size++;
    }
}
