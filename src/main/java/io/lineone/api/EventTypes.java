package io.lineone.api;

import java.util.List;
import java.util.Set;

/**
 * The {@code event:} names of {@code GET /events}. The {@code data:} of the issue events is the
 * {@link Issue} after the change.
 */
public final class EventTypes {

    public static final String ISSUE_CREATED = "issue.created";
    public static final String ISSUE_UPDATED = "issue.updated";
    public static final String LISTING_UPDATED = "listing.updated";
    public static final String MERCHANT_UPDATED = "merchant.updated";
    public static final String RELEASE_UPDATED = "release.updated";
    public static final String BELL_PULLED = "bell.pulled";
    public static final String BELL_UPDATED = "bell.updated";
    public static final String FIX_APPLIED = "fix.applied";
    public static final String FIX_UNDONE = "fix.undone";
    /** A message of an issue's conversation, new or with a new delivery state; data: {@link IssueMessage}. */
    public static final String ISSUE_MESSAGE = "issue.message";
    /** An internal note on an issue; data: {@link IssueNote}. */
    public static final String ISSUE_NOTE = "issue.note";

    /**
     * The team's own events, never on the stream of a SERVICE account (the marketplace's feed and connector): an
     * internal note is not the merchant's to read.
     */
    public static final Set<String> INTERNAL = Set.of(ISSUE_NOTE);

    public static final List<String> ALL = List.of(ISSUE_CREATED, ISSUE_UPDATED, LISTING_UPDATED, MERCHANT_UPDATED,
            RELEASE_UPDATED, BELL_PULLED, BELL_UPDATED, FIX_APPLIED, FIX_UNDONE,
            ISSUE_MESSAGE, ISSUE_NOTE);

    private EventTypes() {
    }
}
