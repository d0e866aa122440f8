package io.lineone.client.net;

import io.lineone.api.DuplicateLink;
import io.lineone.api.Issue;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueReopen;
import io.lineone.api.IssueTransfer;
import io.lineone.api.ManagerLoad;
import io.lineone.api.NewIssue;
import io.lineone.api.Page;
import io.lineone.api.PriorityChange;
import io.lineone.api.User;
import java.util.List;

/** Issues, the steps that move them (each with If-Match: STALE if someone changed the issue since) and the team. */
public interface IssuesApi {

    /**
     * Filters of {@code GET /issues}; null matches everything.
     *
     * @param status one status, several separated by commas, or {@code OPEN} (all but RESOLVED)
     */
    record IssueQuery(String status) {
        /** Every issue not yet resolved, of every merchant the caller may see. */
        public static final IssueQuery OPEN = new IssueQuery("OPEN");
        /** Every issue of every merchant the caller may see. */
        public static final IssueQuery ALL = new IssueQuery(null);
    }

    /** One page of issues, oldest first. */
    Page<Issue> issues(IssueQuery query, String cursor, Integer limit) throws BackendException;

    /** Every issue matching {@code query}, all pages fetched. */
    default List<Issue> allIssues(IssueQuery query) throws BackendException {
        return Pages.all(cursor -> issues(query, cursor, Pages.MAX));
    }

    Issue issue(String id) throws BackendException;

    /** Who did what to an issue, oldest first. */
    List<IssueHistoryEntry> issueHistory(String id) throws BackendException;

    /**
     * Makes the caller the assignee, if the issue is still at {@code version}.
     *
     * @throws BackendException {@link BackendException.Kind#STALE} if someone changed it since
     */
    Issue claimIssue(String id, long version) throws BackendException;

    /**
     * Moves, notes or tags an issue, if it is still at {@code version} ({@code If-Match}).
     *
     * @throws BackendException {@link BackendException.Kind#STALE} if someone changed it since
     */
    Issue updateIssue(String id, IssuePatch patch, long version) throws BackendException;

    /** Opens an issue by hand (a MANAGER for one of their own merchants). */
    Issue createIssue(NewIssue issue) throws BackendException;

    /** Hands the issue to another manager's queue, as its assignee, with a note. */
    Issue transferIssue(String id, IssueTransfer transfer, long version) throws BackendException;

    /** Gives the issue another priority with a reason; the server recounts its SLA due times. */
    Issue changeIssuePriority(String id, PriorityChange change, long version) throws BackendException;

    /** A resolved issue back in progress, with a reason. */
    Issue reopenIssue(String id, IssueReopen reopen, long version) throws BackendException;

    /** Resolves the issue as a duplicate of another. */
    Issue markDuplicate(String id, DuplicateLink link, long version) throws BackendException;

    /** The managers an issue (or a merchant) may be handed to, by name. */
    List<User> managers() throws BackendException;

    /** Each manager's open, breaching and unclaimed issues and money at risk (SUPERVISOR, ADMIN). */
    List<ManagerLoad> teamLoad() throws BackendException;
}
