package io.lineone.client.queue;

import io.lineone.api.IssueStatus;
import io.lineone.client.net.IssuesApi;
import java.util.Locale;

/**
 * The status filter. Open ones are filtered in memory from the open queue; RESOLVED and ALL need the resolved
 * issues too, so they widen what is loaded ({@link #query()}).
 */
public enum StatusChoice {
    OPEN(null),
    NEW(IssueStatus.NEW),
    ACKNOWLEDGED(IssueStatus.ACKNOWLEDGED),
    IN_PROGRESS(IssueStatus.IN_PROGRESS),
    WAITING_MERCHANT(IssueStatus.WAITING_MERCHANT),
    RESOLVED(IssueStatus.RESOLVED),
    ALL(null);

    private final IssueStatus status;

    StatusChoice(IssueStatus status) {
        this.status = status;
    }

    boolean test(IssueStatus value) {
        return switch (this) {
            case OPEN -> value.isOpen();
            case ALL -> true;
            default -> value == status;
        };
    }

    /** What to load from the server for this choice. */
    IssuesApi.IssueQuery query() {
        return this == RESOLVED || this == ALL ? IssuesApi.IssueQuery.ALL : IssuesApi.IssueQuery.OPEN;
    }

    public String labelKey() {
        return status != null ? "issue.status." + status.name()
                : "queue.filter.status." + name().toLowerCase(Locale.ROOT);
    }
}
