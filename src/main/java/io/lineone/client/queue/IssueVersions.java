package io.lineone.client.queue;

import io.lineone.api.Issue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a description of an issue may replace what the queue holds. Events, answers and a list read
 * arrive in any order, so a newer version wins; the versions of issues that left the queue are kept so a late,
 * older version cannot bring them back; and a list read is the truth about every issue no event touched since it
 * was asked for (even an older version: a restored database).
 */
final class IssueVersions {

    private final Map<String, Long> gone = new HashMap<>();
    private final Set<String> touchedSinceRead = new HashSet<>();

    /** A list read was asked for (or has been applied): from now on, what events touch is newer than it. */
    void readFromNow() {
        touchedSinceRead.clear();
    }

    void touched(String id) {
        touchedSinceRead.add(id);
    }

    boolean touchedSinceRead(String id) {
        return touchedSinceRead.contains(id);
    }

    void left(String id, long version) {
        gone.put(id, version);
    }

    void back(String id) {
        gone.remove(id);
    }

    boolean accepts(boolean list, IssueRow row, Issue issue) {
        boolean truth = list && !touchedSinceRead.contains(issue.id());
        if (row != null) {
            return issue.version() > row.version() || (truth && issue.version() != row.version());
        }
        Long version = gone.get(issue.id());
        return version == null || issue.version() > version || truth;
    }
}
