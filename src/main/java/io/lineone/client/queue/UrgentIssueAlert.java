package io.lineone.client.queue;

import io.lineone.api.Issue;

/** Raises the alarm for a new P1 of this manager's merchants (UI thread). */
public interface UrgentIssueAlert {
    void newUrgentIssue(Issue issue);

    /** An open issue of someone else's queue came into this manager's, assigned to them (a transfer). */
    default void handedOver(Issue issue) {
    }
}
