package io.lineone.client.queue;

import io.lineone.api.Issue;
import io.lineone.client.common.SearchText;
import java.time.Instant;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One issue in the queue. The row object stays the same while its issue is replaced by newer versions, so the
 * table keeps its selection and cells follow {@link #issueProperty()}. Touched only on the FX thread.
 */
public final class IssueRow {

    private final String id;
    private final ReadOnlyObjectWrapper<Issue> issue = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper fresh = new ReadOnlyBooleanWrapper();
    private Instant viewedAt;
    private Instant freshUntil;
    private String searchKey;

    public IssueRow(Issue issue, Instant viewedAt) {
        this.id = issue.id();
        update(issue, viewedAt);
    }

    void update(Issue newer, Instant newViewedAt) {
        this.viewedAt = newViewedAt;
        Issue older = issue.get();
        // Most updates (status, notes, SLA) leave the searched text alone: a burst of them is applied on the FX
        // thread, where folding and pinyin for every row would cost more than the rest of the update.
        if (older == null || !Objects.equals(older.merchantName(), newer.merchantName())
                || !Objects.equals(older.title(), newer.title())
                || !Objects.equals(older.listingId(), newer.listingId())) {
            this.searchKey = SearchText.key(newer.merchantName()) + '\n' + SearchText.fold(newer.title()) + '\n'
                    + SearchText.fold(newer.id()) + '\n' + SearchText.fold(newer.listingId());
        }
        issue.set(newer);
    }

    public String id() {
        return id;
    }

    public Issue issue() {
        return issue.get();
    }

    public ReadOnlyObjectProperty<Issue> issueProperty() {
        return issue.getReadOnlyProperty();
    }

    public long version() {
        return issue.get().version();
    }

    /** When the server described this version; for a paused issue's frozen time left. */
    public Instant viewedAt() {
        return viewedAt;
    }

    /** Highlighted for a few seconds after it arrived as a new P1. */
    public ReadOnlyBooleanProperty freshProperty() {
        return fresh.getReadOnlyProperty();
    }

    public boolean isFresh() {
        return fresh.get();
    }

    void highlightUntil(Instant until) {
        freshUntil = until;
        fresh.set(true);
    }

    /** Ends the highlight once its time is up. */
    void expireHighlight(Instant now) {
        if (freshUntil != null && !now.isBefore(freshUntil)) {
            freshUntil = null;
            fresh.set(false);
        }
    }

    public Sla sla(Instant now) {
        return Sla.of(issue.get(), viewedAt, now);
    }

    public boolean matches(String[] terms) {
        for (String term : terms) {
            if (!searchKey.contains(term)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "IssueRow[" + id + " v" + version() + "]";
    }
}
