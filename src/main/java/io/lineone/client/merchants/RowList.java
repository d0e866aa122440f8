package io.lineone.client.merchants;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableListBase;

/**
 * The rows the table shows, in order: an array the book rewrites whole (a keystroke, a sort) or changes in a few
 * places (a live change, a page of the book streaming in), telling the table exactly what changed. A whole rewrite
 * goes into a second array, swapped in, so filtering allocates nothing once both have grown to the book's size;
 * the old array is the change's "removed" list. Read-only to everyone but the book; UI thread.
 */
final class RowList extends ObservableListBase<MerchantRow> {

    private MerchantRow[] rows = new MerchantRow[0];
    private MerchantRow[] spare = new MerchantRow[0];
    private int size;

    @Override
    public MerchantRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return rows[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** The rows, in the first {@link #size} places of the array; read them, never change them. */
    MerchantRow[] rows() {
        return rows;
    }

    /** The array to write the next whole content into, at least {@code capacity} long; then {@link #swap}. */
    MerchantRow[] spare(int capacity) {
        if (spare.length < capacity) {
            spare = new MerchantRow[Math.max(capacity, spare.length * 3 / 2 + 16)];
        }
        return spare;
    }

    /** Shows the first {@code count} rows of {@link #spare} instead of the present ones, as one change. */
    void swap(int count) {
        MerchantRow[] old = rows;
        int oldSize = size;
        rows = spare;
        size = count;
        spare = old;
        if (oldSize == 0 && count == 0) {
            return;
        }
        // The change names the old rows as a view of the old array, valid while the listeners run: the list's own
        // change builder would copy 50,000 of them, on the UI thread, at every keystroke.
        fireChange(new Rewrite(this, Arrays.asList(old).subList(0, oldSize), count));
        // The old rows stay referenced by the spare array only until the next rewrite: clear the tail now.
        Arrays.fill(spare, 0, oldSize, null);
    }

    /** The whole content replaced: one change, from 0 to the new size, removing every old row. */
    private static final class Rewrite extends ListChangeListener.Change<MerchantRow> {

        private final List<MerchantRow> removed;
        private final int count;
        private boolean read;

        Rewrite(RowList list, List<MerchantRow> removed, int count) {
            super(list);
            this.removed = removed;
            this.count = count;
        }

        @Override
        public boolean next() {
            if (read) {
                return false;
            }
            read = true;
            return true;
        }

        @Override
        public void reset() {
            read = false;
        }

        @Override
        public int getFrom() {
            checkRead();
            return 0;
        }

        @Override
        public int getTo() {
            checkRead();
            return count;
        }

        @Override
        public List<MerchantRow> getRemoved() {
            checkRead();
            return removed;
        }

        @Override
        protected int[] getPermutation() {
            checkRead();
            return new int[0];
        }

        private void checkRead() {
            if (!read) {
                throw new IllegalStateException("Invalid Change state: next() must be called before inspecting the Change.");
            }
        }
    }

    /** Where {@code row} is, by binary search in an order made by {@code comparator}; -1 if it is not here. */
    int indexOf(MerchantRow row, Comparator<MerchantRow> comparator) {
        int at = Arrays.binarySearch(rows, 0, size, row, comparator);
        if (at >= 0 && rows[at] == row) {
            return at;
        }
        return -1;
    }

    /** Where {@code row} would go in an order made by {@code comparator}. */
    int insertionPoint(MerchantRow row, Comparator<MerchantRow> comparator) {
        int at = Arrays.binarySearch(rows, 0, size, row, comparator);
        return at >= 0 ? at : -at - 1;
    }

    /** Whether {@code row}, at {@code index}, still sits between its neighbours. */
    boolean inPlace(int index, Comparator<MerchantRow> comparator) {
        MerchantRow row = rows[index];
        return (index == 0 || comparator.compare(rows[index - 1], row) < 0)
                && (index == size - 1 || comparator.compare(row, rows[index + 1]) < 0);
    }

    void insert(int index, MerchantRow row) {
        grow(size + 1);
        System.arraycopy(rows, index, rows, index + 1, size - index);
        rows[index] = row;
        size++;
        beginChange();
        nextAdd(index, index + 1);
        endChange();
    }

    void removeAt(int index) {
        MerchantRow removed = rows[index];
        System.arraycopy(rows, index + 1, rows, index, size - index - 1);
        rows[--size] = null;
        beginChange();
        nextRemove(index, removed);
        endChange();
    }

    /**
     * Merges {@code added} (in the order {@code comparator} makes, none of them here yet) into the rows as one
     * change of many small additions, so the table keeps its selection and scroll position.
     */
    void merge(List<MerchantRow> added, Comparator<MerchantRow> comparator) {
        if (added.isEmpty()) {
            return;
        }
        int total = size + added.size();
        MerchantRow[] into = spare(total);
        int[] at = new int[added.size()];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < size || j < added.size()) {
            if (j < added.size() && (i == size || comparator.compare(added.get(j), rows[i]) < 0)) {
                at[j] = k;
                into[k++] = added.get(j++);
            } else {
                into[k++] = rows[i++];
            }
        }
        MerchantRow[] old = rows;
        int oldSize = size;
        rows = into;
        size = total;
        spare = old;
        Arrays.fill(spare, 0, oldSize, null);
        beginChange();
        for (int index : at) {
            nextAdd(index, index + 1);
        }
        endChange();
    }

    /** Empties the list. */
    void clear(boolean tell) {
        if (size == 0) {
            return;
        }
        List<MerchantRow> removed = List.copyOf(Arrays.asList(rows).subList(0, size));
        Arrays.fill(rows, 0, size, null);
        size = 0;
        if (tell) {
            beginChange();
            nextRemove(0, removed);
            endChange();
        }
    }

    private void grow(int capacity) {
        if (rows.length < capacity) {
            rows = Arrays.copyOf(rows, Math.max(capacity, rows.length * 3 / 2 + 16));
        }
    }
}
