package io.lineone.client.queue;

import io.lineone.api.Issue;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Issues as the server described them, for {@link LiveIssues#apply}: one batch is one change of the rows,
 * wherever it came from.
 *
 * @param created     ids the events announced as new (a new P1 among them raises the alarm)
 * @param describedAt when the server described these issues; null for events, each described as of its change
 */
record IssueBatch(Source source, Collection<Issue> issues, Set<String> created, Instant describedAt) {

    enum Source {
        /** The server's whole list for the loaded scope: rows missing from it leave the queue. */
        LIST,
        /** One frame's events, the newest version of each issue. */
        EVENTS,
        /** One issue as an action's answer or a re-read just gave it. */
        ANSWER
    }

    /** @param askedAt when the list was asked for */
    static IssueBatch list(List<Issue> issues, Instant askedAt) {
        return new IssueBatch(Source.LIST, issues, Set.of(), askedAt);
    }

    static IssueBatch events(Collection<Issue> newest, Set<String> created) {
        return new IssueBatch(Source.EVENTS, newest, created, null);
    }

    static IssueBatch answer(Issue issue, Instant at) {
        return new IssueBatch(Source.ANSWER, List.of(issue), Set.of(), at);
    }

    /** When the server last described {@code issue}: a paused issue's time left is frozen as of then. */
    Instant describedAt(Issue issue, Instant appliedAt) {
        if (describedAt != null) {
            return describedAt;
        }
        return issue.updatedAt() != null ? issue.updatedAt() : appliedAt;
    }
}
