package io.lineone.client.queue;

import io.lineone.api.Priority;
import java.util.Locale;

/**
 * The queue's saved filters, one key each (1 … 4): the views a manager flips between all day. A view is a set of
 * filter values; changing a filter by hand leaves the view (none is then marked).
 */
public enum QueueView {
    ALL_OPEN,
    P1,
    BREACHING,
    WAITING_MERCHANT;

    /** Sets the filters to this view's; whose queue (a supervisor's choice of manager) stays as it is. */
    void apply(QueueFilters filters) {
        String manager = filters.managerProperty().get();
        filters.reset();
        filters.managerProperty().set(manager);
        switch (this) {
            case ALL_OPEN -> {
                // reset is the whole open queue
            }
            case P1 -> filters.priorityProperty().set(new FilterChoice<>(Priority.P1));
            case BREACHING -> filters.breachingOnlyProperty().set(true);
            case WAITING_MERCHANT -> filters.statusProperty().set(StatusChoice.WAITING_MERCHANT);
        }
    }

    /** The view the filters are set to now, if they are exactly one's. */
    static QueueView of(QueueFilters filters) {
        boolean plain = filters.queryProperty().get().isBlank()
                && filters.assigneeProperty().get() == AssigneeChoice.ALL
                && filters.categoryProperty().get().value() == null;
        if (!plain) {
            return null;
        }
        boolean anyPriority = filters.priorityProperty().get().value() == null;
        boolean breaching = filters.breachingOnlyProperty().get();
        StatusChoice status = filters.statusProperty().get();
        if (status == StatusChoice.OPEN && anyPriority && !breaching) {
            return ALL_OPEN;
        }
        if (status == StatusChoice.OPEN && !breaching && filters.priorityProperty().get().value() == Priority.P1) {
            return P1;
        }
        if (status == StatusChoice.OPEN && anyPriority && breaching) {
            return BREACHING;
        }
        if (status == StatusChoice.WAITING_MERCHANT && anyPriority && !breaching) {
            return WAITING_MERCHANT;
        }
        return null;
    }

    public String labelKey() {
        return "queue.view." + name().toLowerCase(Locale.ROOT);
    }
}
