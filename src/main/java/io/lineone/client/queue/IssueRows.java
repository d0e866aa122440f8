package io.lineone.client.queue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.collections.ObservableListBase;

/**
 * The queue's backing list. Read-only to everyone else; {@link LiveIssues} changes it only through
 * {@link #apply}, which reports a whole frame's removals, updates and additions as <em>one</em> change, so
 * a burst of events costs the sorted and filtered views and the table one pass, not one per event.
 */
final class IssueRows extends ObservableListBase<IssueRow> {

    private final List<IssueRow> rows = new ArrayList<>();

    @Override
    public IssueRow get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /**
     * Applies one batch as one change.
     *
     * @param removed rows to take out
     * @param updated rows whose issue was replaced (already set on the row)
     * @param added   new rows, appended
     */
    void apply(Collection<IssueRow> removed, Collection<IssueRow> updated, List<IssueRow> added) {
        if (removed.isEmpty() && updated.isEmpty() && added.isEmpty()) {
            return;
        }
        beginChange();
        try {
            if (!removed.isEmpty()) {
                Set<IssueRow> gone = identitySet(removed);
                for (int i = rows.size() - 1; i >= 0; i--) {
                    if (gone.contains(rows.get(i))) {
                        nextRemove(i, rows.remove(i));
                    }
                }
            }
            if (!updated.isEmpty()) {
                Set<IssueRow> changed = identitySet(updated);
                for (int i = 0; i < rows.size(); i++) {
                    if (changed.contains(rows.get(i))) {
                        nextUpdate(i);
                    }
                }
            }
            if (!added.isEmpty()) {
                int from = rows.size();
                rows.addAll(added);
                nextAdd(from, rows.size());
            }
        } finally {
            endChange();
        }
    }

    private static Set<IssueRow> identitySet(Collection<IssueRow> rows) {
        Set<IssueRow> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(rows);
        return set;
    }
}
