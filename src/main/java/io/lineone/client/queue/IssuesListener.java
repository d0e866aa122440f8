package io.lineone.client.queue;

import io.lineone.api.Issue;
import java.util.Collection;

/**
 * Told of every batch of issues before it is applied (UI thread): the list as read ({@code list} true), or a
 * frame's events or an action's answer. The merchants screen keeps its counts from these.
 */
public interface IssuesListener {
    void heard(Collection<Issue> issues, boolean list);
}
