package io.lineone.client.queue;

import io.lineone.api.Issue;
import java.util.Locale;

/** Whose issues the queue shows: every issue of my merchants, mine, or nobody's yet. */
public enum AssigneeChoice {
    ALL,
    MINE,
    UNASSIGNED;

    boolean test(Issue issue, String myId) {
        return switch (this) {
            case ALL -> true;
            case MINE -> myId.equals(issue.assigneeId());
            case UNASSIGNED -> issue.assigneeId() == null;
        };
    }

    public String labelKey() {
        return "queue.filter.assignee." + name().toLowerCase(Locale.ROOT);
    }
}
