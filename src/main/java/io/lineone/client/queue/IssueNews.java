package io.lineone.client.queue;

import io.lineone.api.Issue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Who hears of the live issues besides their rows: screens that keep counts from every batch, the benchmark's
 * probe of each applied event, and the alarms for a new P1 or an issue handed over. UI thread.
 */
final class IssueNews {

    private final UrgentIssueAlert alert;
    private final List<IssuesListener> listeners = new ArrayList<>();
    private AppliedListener probe;

    IssueNews(UrgentIssueAlert alert) {
        this.alert = alert;
    }

    Runnable onIssues(IssuesListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void probeWith(AppliedListener listener) {
        probe = listener;
    }

    /** A batch about to be applied: the list as read ({@code list}), or events or an answer. */
    void heard(Collection<Issue> issues, boolean list) {
        for (IssuesListener listener : List.copyOf(listeners)) {
            listener.heard(issues, list);
        }
    }

    /** After a batch was applied: its events to the probe, new P1s and hand-overs to the alarms. */
    void applied(boolean fromEvents, List<Issue> applied, Instant appliedAt, List<Issue> urgent, List<Issue> handed) {
        AppliedListener listening = probe;
        if (listening != null && fromEvents) {
            for (Issue done : applied) {
                listening.applied(done, appliedAt);
            }
        }
        urgent.forEach(alert::newUrgentIssue);
        handed.forEach(alert::handedOver);
    }
}
