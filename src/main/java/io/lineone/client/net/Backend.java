package io.lineone.client.net;

import io.lineone.api.Bell;
import io.lineone.api.BellMetrics;
import io.lineone.api.BellStatus;
import io.lineone.api.DuplicateLink;
import io.lineone.api.Coupon;
import io.lineone.api.Fix;
import io.lineone.api.FixOption;
import io.lineone.api.FixPreview;
import io.lineone.api.FixRequest;
import io.lineone.api.Health;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueReopen;
import io.lineone.api.IssueTransfer;
import io.lineone.api.ManagerLoad;
import io.lineone.api.Ledger;
import io.lineone.api.Listing;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantCash;
import io.lineone.api.NewFix;
import io.lineone.api.NewBell;
import io.lineone.api.NewIssue;
import io.lineone.api.Page;
import io.lineone.api.PriorityChange;
import io.lineone.api.PricePoint;
import io.lineone.api.Release;
import io.lineone.api.ReplyTemplate;
import io.lineone.api.ReleaseAdvance;
import io.lineone.api.ReleaseStage;
import io.lineone.api.Session;
import io.lineone.api.Tier;
import io.lineone.api.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The calls the console makes to a LineOne server. Every method blocks on the network, so
 * callers run them through a {@code TaskExecutor}; view models depend on this interface so their
 * tests can answer without a server.
 */
public interface Backend {

    /** Merchants assigned to the caller (the manager's own book). */
    String ASSIGNED_ME = "me";
    /** Every merchant the caller may see. */
    String ASSIGNED_ALL = "all";
    /** The largest page the server serves. */
    int MAX_PAGE = 500;

    Health health() throws BackendException;

    /** Signs in to the server at {@code serverUrl}; later calls go there with the new token. */
    Session signIn(String serverUrl, String login, String password) throws BackendException;

    /** Revokes the token on the server; afterwards no call carries it, even if revoking failed. */
    void signOut() throws BackendException;

    User me() throws BackendException;

    /**
     * One page of merchants.
     *
     * @param assigned {@link #ASSIGNED_ME}, {@code "all"} or null for the server's default
     * @param q        free-text search or null
     * @param tier     tier filter or null
     * @param cursor   {@code nextCursor} of the previous page or null for the first
     * @param limit    page size or null for the server's default
     */
    Page<Merchant> merchants(String assigned, String q, Tier tier, String cursor, Integer limit)
            throws BackendException;

    Merchant merchant(String id) throws BackendException;

    /** Every merchant in the caller's own book, all pages fetched. */
    default List<Merchant> allMyMerchants() throws BackendException {
        return allPages(cursor -> merchants(ASSIGNED_ME, null, null, cursor, MAX_PAGE));
    }

    /** Every merchant the caller may see (a supervisor's or an admin's: the whole program), all pages fetched. */
    default List<Merchant> allVisibleMerchants() throws BackendException {
        return allPages(cursor -> merchants(ASSIGNED_ALL, null, null, cursor, MAX_PAGE));
    }

    /** One page of a list, given the cursor of the previous one (null for the first). */
    @FunctionalInterface
    interface PageFetch<T> {
        Page<T> page(String cursor) throws BackendException;
    }

    /** Follows {@code nextCursor} to the end of a list. */
    static <T> List<T> allPages(PageFetch<T> fetch) throws BackendException {
        List<T> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = fetch.page(cursor);
            all.addAll(page.items());
            // A server that hands back the cursor it was given would keep us here forever.
            if (page.nextCursor() != null && page.nextCursor().equals(cursor)) {
                throw BackendException.unexpected(String.valueOf(cursor), null);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

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
        return allPages(cursor -> issues(query, cursor, MAX_PAGE));
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

    // ---- managing issues and the team (each step with If-Match; STALE if someone changed the issue since)

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

    /** The managers an issue may be handed to, by name. */
    List<User> managers() throws BackendException;

    /** Each manager's open, breaching and unclaimed issues and money at risk (SUPERVISOR, ADMIN). */
    List<ManagerLoad> teamLoad() throws BackendException;
    // ---- An issue's conversation with its merchant, its internal notes, saved replies ----

    /** One page of an issue's conversation, oldest first. */
    Page<IssueMessage> messages(String issueId, String cursor, Integer limit) throws BackendException;

    /** An issue's whole conversation, oldest first. */
    default List<IssueMessage> allMessages(String issueId) throws BackendException {
        return allPages(cursor -> messages(issueId, cursor, MAX_PAGE));
    }

    /**
     * Replies to the merchant (the text as the user saw it, a saved reply already filled in); the first reply is
     * the issue's first response. It leaves through the server's outbox, PENDING until delivered.
     *
     * @param templateId the saved reply the text started from, or null
     */
    IssueMessage sendMessage(String issueId, String text, String templateId) throws BackendException;

    /** One page of an issue's internal notes, oldest first. */
    Page<IssueNote> notes(String issueId, String cursor, Integer limit) throws BackendException;

    default List<IssueNote> allNotes(String issueId) throws BackendException {
        return allPages(cursor -> notes(issueId, cursor, MAX_PAGE));
    }

    /** Adds an internal note: for the team, never sent to the merchant. */
    IssueNote addNote(String issueId, String text) throws BackendException;

    /** The saved replies for a category (with those for every category), in both languages. */
    List<ReplyTemplate> replyTemplates(IssueCategory category) throws BackendException;

    /** One page of releases; {@code stage} null for every stage, {@code mine} for the caller's own only. */
    Page<Release> releases(ReleaseStage stage, boolean mine, String cursor, Integer limit) throws BackendException;

    /** Every release, all pages fetched. */
    default List<Release> allReleases() throws BackendException {
        return allPages(cursor -> releases(null, false, cursor, MAX_PAGE));
    }

    /** One release with its bells and the issues that name it. */
    Release release(String id) throws BackendException;

    /**
     * Moves a release on (its owner only).
     *
     * @throws BackendException 409 while a bell blocks it
     */
    Release advanceRelease(String id, ReleaseAdvance advance) throws BackendException;

    /** One page of bells, newest first; null filters match everything. */
    Page<Bell> bells(BellStatus status, String releaseId, boolean overdueOnly, String cursor, Integer limit)
            throws BackendException;

    /** Every bell, all pages fetched. */
    default List<Bell> allBells() throws BackendException {
        return allPages(cursor -> bells(null, null, false, cursor, MAX_PAGE));
    }

    Bell bell(String id) throws BackendException;

    /** How the last year's bells went, by product area and month. */
    BellMetrics bellMetrics() throws BackendException;

    /**
     * Pulls a bell on a release. Sending the same {@code idempotencyKey} with the same body again returns the
     * first answer and pulls nothing twice, so a send that may or may not have arrived is simply retried.
     *
     * @throws BackendException 422 if the key was used with another body
     */
    Bell pullBell(String releaseId, NewBell bell, String idempotencyKey) throws BackendException;

    /**
     * One step of a bell's workflow.
     *
     * @param text the step's note, or for {@link BellAction#OVERRULE} the required justification; may be null
     */
    Bell stepBell(String id, BellAction action, String text) throws BackendException;

    Bell commentOnBell(String id, String text) throws BackendException;

    Bell addBellEvidence(String id, List<String> issueIds) throws BackendException;

    // ------------------------------------------------------------------ listings, fixes and the ledger

    /** How {@code GET /ledger} groups its rows. */
    enum LedgerGroup {
        WEEK, MERCHANT, MANAGER;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One page of a merchant's listings, each with what the detectors see in it now. */
    Page<Listing> listings(String merchantId, String cursor, Integer limit) throws BackendException;

    /** Every listing of a merchant, all pages fetched. */
    default List<Listing> allListings(String merchantId) throws BackendException {
        return allPages(cursor -> listings(merchantId, cursor, MAX_PAGE));
    }

    Listing listing(String id) throws BackendException;

    /** A listing's prices, newest first. */
    Page<PricePoint> listingPrices(String listingId, String cursor, Integer limit) throws BackendException;

    /** The coupons of a merchant's shop. */
    Page<Coupon> merchantCoupons(String merchantId, String cursor, Integer limit) throws BackendException;

    /** A merchant's cash balance and pending automatic deduction. */
    MerchantCash merchantCash(String merchantId) throws BackendException;

    /** The fixes that apply to an issue ({@code issueId}) or to a listing ({@code listingId}); pass one of them. */
    List<FixOption> fixOptions(String issueId, String listingId) throws BackendException;

    /** What a fix would change, the loss it averts and the target's version to confirm against. */
    FixPreview previewFix(FixRequest request) throws BackendException;

    /**
     * Applies a previewed fix. Sending the same {@code idempotencyKey} with the same body again returns the first
     * answer and applies nothing twice, so a send that may or may not have arrived is simply retried.
     *
     * @throws BackendException {@link BackendException.Kind#STALE} if the target changed since the preview
     */
    Fix applyFix(NewFix fix, String idempotencyKey) throws BackendException;

    /**
     * Puts back what a fix changed.
     *
     * @throws BackendException 409 if the target changed since, or the fix is past its undo window
     */
    Fix undoFix(String id) throws BackendException;

    /** One page of fixes, newest first; null filters match everything the caller may see. */
    Page<Fix> fixes(String merchantId, String issueId, String cursor, Integer limit) throws BackendException;

    Fix fix(String id) throws BackendException;

    /** Loss averted by the fixes applied in {@code [from, to)}, grouped. */
    Ledger ledger(Instant from, Instant to, LedgerGroup groupBy) throws BackendException;

    /**
     * Follows {@code GET /events} from {@code lastEventId} (null: from now on) until closed, reconnecting on
     * its own. The listener is called on the stream's threads.
     */
    EventStream subscribe(Long lastEventId, EventStream.Listener listener);
}
