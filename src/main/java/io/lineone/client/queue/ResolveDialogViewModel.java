package io.lineone.client.queue;

import io.lineone.api.Issue;
import io.lineone.client.common.Messages;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The resolve dialog: a root cause and a note for the selected issue. What was typed is a draft of that issue,
 * kept through a failed send, a cancel or a dropped connection, until the server took it or another issue's
 * resolution is begun.
 */
public final class ResolveDialogViewModel {

    /** The draft of a resolution of several issues at once. */
    private static final String BULK_DRAFT = "";

    private final IssueActions actions;
    private final LiveIssues issues;
    private final Messages messages;

    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper("");
    private final StringProperty rootCause = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private String draftIssueId;
    private final BulkTriage bulk;
    /** The dialog resolves every selected open issue, not the one in focus. */
    private boolean several;

    ResolveDialogViewModel(IssueActions actions, LiveIssues issues, Messages messages, BulkTriage bulk) {
        this.actions = actions;
        this.issues = issues;
        this.messages = messages;
        this.bulk = bulk;
    }

    /**
     * Opens the dialog for the selected issue, with its unsent draft if there is one; with several rows selected, for
     * all of their open issues at once.
     */
    public void begin() {
        several = bulk.severalProperty().get();
        if (several) {
            int count = bulk.openSelected();
            if (count == 0) {
                actions.tell(IssueActions.NoticeKind.INFO, messages.get("queue.bulk.noneOpen"));
                return;
            }
            if (!BULK_DRAFT.equals(draftIssueId)) {
                draftIssueId = BULK_DRAFT;
                rootCause.set("");
                note.set("");
            }
            subject.set(messages.format("queue.bulk.resolveSubject", count));
            error.set("");
            open.set(true);
            return;
        }
        Issue issue = actions.actionable(actions.canResolveProperty(), "queue.action.resolve");
        if (issue == null) {
            return;
        }
        if (!issue.id().equals(draftIssueId)) {
            draftIssueId = issue.id();
            rootCause.set(issue.rootCause() == null ? "" : RootCause.label(issue.rootCause(), messages));
            note.set("");
        }
        subject.set(issue.title());
        error.set("");
        open.set(true);
    }

    /** Sends the resolution; the draft is kept until the server took it. */
    public void confirm() {
        if (several) {
            confirmSeveral();
            return;
        }
        IssueRow row = draftIssueId == null ? null : issues.find(draftIssueId);
        if (row == null) {
            error.set(messages.get("queue.resolve.gone"));
            return;
        }
        String cause = rootCause.get() == null ? "" : rootCause.get().strip();
        if (cause.isEmpty()) {
            error.set(messages.get("queue.resolve.rootCauseRequired"));
            return;
        }
        if (!actions.availableProperty().get()) {
            error.set(actions.unavailableReasonProperty().get());
            return;
        }
        String text = note.get() == null || note.get().isBlank() ? null : note.get().strip();
        error.set("");
        actions.resolve(row.issue(), RootCause.tagFor(cause, messages), text, this::sent, error::set);
    }

    private void confirmSeveral() {
        String cause = rootCause.get() == null ? "" : rootCause.get().strip();
        if (cause.isEmpty()) {
            error.set(messages.get("queue.resolve.rootCauseRequired"));
            return;
        }
        String text = note.get() == null || note.get().isBlank() ? null : note.get().strip();
        error.set("");
        bulk.resolve(RootCause.tagFor(cause, messages), text, this::sent, error::set);
    }

    private void sent() {
        draftIssueId = null;
        rootCause.set("");
        note.set("");
        open.set(false);
    }

    /** Closes the dialog; the draft stays for when the same issue is resolved again. */
    public void cancel() {
        open.set(false);
        error.set("");
    }

    /** The root causes offered, as the user reads them; any other text is accepted too. */
    public List<String> rootCauseSuggestions() {
        return Arrays.stream(RootCause.values()).map(cause -> messages.get(cause.labelKey())).toList();
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** The title of the issue being resolved. */
    public ReadOnlyStringProperty subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    public StringProperty rootCauseProperty() {
        return rootCause;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
