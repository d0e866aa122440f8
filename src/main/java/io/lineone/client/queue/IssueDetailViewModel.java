package io.lineone.client.queue;

import io.lineone.api.Issue;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.Merchant;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import io.lineone.client.net.BackendException;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableObjectValue;

/**
 * The detail drawer: the selected issue at once, its merchant and history once the server sent them. While the
 * drawer is open it follows the selection, and the selected issue's live changes: a newer version shows at once and
 * its history is read again, since every change adds a line to it.
 */
public final class IssueDetailViewModel {

    private final Backend backend;
    private final TaskExecutor executor;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final IssueText text;
    private final ObservableObjectValue<Issue> selected;

    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<IssueDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    // An answer for an issue no longer asked about is dropped.
    private int generation;
    // Likewise a history older than the newest asked for the same issue.
    private int historyGeneration;

    /**
     * @param selectedRow moves when another issue is selected (not when the selected one changes)
     * @param selected    the selected issue, in its newest version
     */
    IssueDetailViewModel(Backend backend, TaskExecutor executor, ErrorMessages errors, ConnectionStatus connection,
                         IssueText text, ObservableObjectValue<IssueRow> selectedRow,
                         ObservableObjectValue<Issue> selected) {
        this.backend = backend;
        this.executor = executor;
        this.errors = errors;
        this.connection = connection;
        this.text = text;
        this.selected = selected;
        selectedRow.addListener((obs, old, row) -> {
            if (open.get() && row != null) {
                load(row.issue());
            }
        });
        selected.addListener((obs, old, now) -> follow(now));
    }

    /** A newer version of the issue on show (an event, an action's answer): shown at once, its history read again. */
    private void follow(Issue newer) {
        IssueDetail shown = detail.get();
        if (!open.get() || newer == null || shown == null || !newer.id().equals(shown.issue().id())
                || newer.version() == shown.issue().version()) {
            return;
        }
        detail.set(new IssueDetail(newer, shown.merchant(), shown.history(), shown.loading()));
        if (shown.loading()) {
            // The first read is still under way; it shows the newest version when it lands.
            return;
        }
        int subject = generation;
        int mine = ++historyGeneration;
        executor.execute(() -> backend.issues().issueHistory(newer.id()), history -> {
            IssueDetail now = detail.get();
            if (subject == generation && mine == historyGeneration && now != null) {
                detail.set(new IssueDetail(now.issue(), now.merchant(), history, false));
            }
        }, connection::reportFailure);
    }

    public void open() {
        Issue issue = selected.get();
        if (issue == null) {
            return;
        }
        open.set(true);
        load(issue);
    }

    public void close() {
        open.set(false);
        generation++;
    }

    private void load(Issue issue) {
        int mine = ++generation;
        error.set("");
        detail.set(IssueDetail.pending(issue));
        executor.execute(() -> {
            Merchant merchant = merchantOf(issue);
            List<IssueHistoryEntry> history = backend.issues().issueHistory(issue.id());
            return new IssueDetail(issue, merchant, history, false);
        }, loaded -> {
            if (mine == generation) {
                Issue current = selected.get() != null && selected.get().id().equals(issue.id()) ? selected.get() : issue;
                detail.set(new IssueDetail(current, loaded.merchant(), loaded.history(), false));
            }
        }, failure -> {
            if (mine == generation) {
                connection.reportFailure(failure);
                detail.set(new IssueDetail(issue, null, List.of(), false));
                error.set(errors.describe(failure));
            }
        });
    }

    /**
     * The issue's merchant; null for an issue handed over from another manager's book, whose merchant stays theirs
     * (the server answers 404): the drawer still shows the issue and its history.
     */
    private Merchant merchantOf(Issue issue) throws BackendException {
        try {
            return backend.merchants().merchant(issue.merchantId());
        } catch (BackendException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** The drawer's wording: labels, money, history lines. */
    public IssueText text() {
        return text;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IssueDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** Why the merchant or history could not be read; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
