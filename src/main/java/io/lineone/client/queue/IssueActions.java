package io.lineone.client.queue;

import io.lineone.api.Issue;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.Messages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import io.lineone.client.net.BackendException;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableObjectValue;

/**
 * The actions on the selected issue — claim, acknowledge, wait on the merchant, and sending a resolution — and the
 * notice above the table that says how they went. An action runs only while the live feed is up and no other is
 * under way; otherwise it says why not, and nothing is queued silently.
 */
public final class IssueActions {

    /** The kind of the one-line notice above the table. */
    public enum NoticeKind {
        NONE,
        INFO,
        /** Someone else changed the issue; it was reloaded. */
        STALE,
        ERROR
    }

    private final LiveIssues issues;
    private final Backend backend;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final IssueText text;
    private final ObservableObjectValue<Issue> selected;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<NoticeKind> noticeKind = new ReadOnlyObjectWrapper<>(NoticeKind.NONE);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    /** The notice on show only says actions wait for the connection: it goes when the connection is back. */
    private boolean noticeIsOffline;
    private final BooleanBinding available;
    private final StringBinding unavailableReason;
    private final BooleanBinding canClaim;
    private final BooleanBinding canAcknowledge;
    private final BooleanBinding canWait;
    private final BooleanBinding canResolve;

    IssueActions(LiveIssues issues, Backend backend, TaskExecutor executor, Messages messages,
                 ConnectionStatus connection, IssueText text, ObservableObjectValue<Issue> selected) {
        this.issues = issues;
        this.backend = backend;
        this.executor = executor;
        this.messages = messages;
        this.errors = new ErrorMessages(messages);
        this.connection = connection;
        this.text = text;
        this.selected = selected;
        ReadOnlyObjectProperty<ConnectionStatus.State> stream = connection.streamProperty();
        available = Bindings.createBooleanBinding(() -> !stream.get().behind() && !busy.get(), stream, busy);
        unavailableReason = Bindings.createStringBinding(() -> text.unavailable(stream.get(), busy.get()), stream, busy);
        canClaim = can(issue -> issue.status().isOpen() && issue.assigneeId() == null);
        canAcknowledge = can(issue -> issue.status() == IssueStatus.NEW);
        canWait = can(issue -> issue.status() == IssueStatus.ACKNOWLEDGED || issue.status() == IssueStatus.IN_PROGRESS);
        canResolve = can(issue -> issue.status().isOpen());
        stream.addListener((obs, old, now) -> {
            if (noticeIsOffline && !now.behind()) {
                dismissNotice();
            }
        });
    }

    private BooleanBinding can(Predicate<Issue> allowed) {
        return Bindings.createBooleanBinding(() -> available.get() && selected.get() != null
                && allowed.test(selected.get()), available, selected);
    }

    public void claim() {
        Issue issue = actionable(canClaim, "queue.action.claim");
        if (issue != null) {
            run(issue, () -> backend.issues().claimIssue(issue.id(), issue.version()),
                    messages.format("queue.notice.claimed", issue.title()), () -> { }, null);
        }
    }

    public void acknowledge() {
        move(canAcknowledge, "queue.action.acknowledge", IssueStatus.ACKNOWLEDGED, "queue.notice.acknowledged");
    }

    public void waitOnMerchant() {
        move(canWait, "queue.action.wait", IssueStatus.WAITING_MERCHANT, "queue.notice.waiting");
    }

    private void move(BooleanBinding allowed, String actionKey, IssueStatus to, String doneKey) {
        Issue issue = actionable(allowed, actionKey);
        if (issue != null) {
            run(issue, () -> backend.issues().updateIssue(issue.id(), new IssuePatch(to, null, null), issue.version()),
                    messages.format(doneKey, issue.title()), () -> { }, null);
        }
    }

    /** Sends a resolution (the dialog's confirm). */
    void resolve(Issue issue, String rootCause, String note, Runnable onSent, Consumer<String> showError) {
        run(issue, () -> backend.issues().updateIssue(issue.id(), new IssuePatch(IssueStatus.RESOLVED, note, rootCause),
                issue.version()), messages.format("queue.notice.resolved", issue.title()), onSent, showError);
    }

    /** The selected issue if {@code allowed}; otherwise the notice says why not, and the answer is null. */
    Issue actionable(BooleanBinding allowed, String actionKey) {
        Issue issue = selected.get();
        if (issue == null) {
            return null;
        }
        if (!allowed.get()) {
            if (available.get()) {
                show(NoticeKind.INFO, messages.format("queue.notice.notApplicable", messages.get(actionKey),
                        text.status(issue.status())));
            } else {
                show(NoticeKind.INFO, unavailableReason.get());
                noticeIsOffline = connection.streamProperty().get().behind();
            }
            return null;
        }
        return issue;
    }

    /**
     * Runs one change against the server. Success puts the answer into the live issues; a stale version reloads
     * the issue and says so; a failure is shown where the user is looking ({@code showError}, else the notice).
     */
    private void run(Issue issue, Callable<Issue> call, String done, Runnable onSent, Consumer<String> showError) {
        busy.set(true);
        executor.execute(call, answer -> {
            busy.set(false);
            connection.reportSuccess();
            onSent.run();
            show(NoticeKind.INFO, done);
            issues.put(answer);
        }, failure -> {
            busy.set(false);
            connection.reportFailure(failure);
            if (failure instanceof BackendException e && e.kind() == BackendException.Kind.STALE) {
                String message = messages.format("queue.notice.stale", issue.title());
                show(NoticeKind.STALE, message);
                if (showError != null) {
                    showError.accept(message);
                }
                issues.reload(issue.id());
            } else if (showError != null) {
                showError.accept(errors.describe(failure));
            } else {
                show(NoticeKind.ERROR, errors.describe(failure));
            }
        });
    }

    /** A line above the table from another part of the queue (the bell dialog). */
    void tell(NoticeKind kind, String message) {
        show(kind, message);
    }

    private void show(NoticeKind kind, String message) {
        noticeIsOffline = false;
        noticeKind.set(kind);
        notice.set(message);
    }

    public void dismissNotice() {
        show(NoticeKind.NONE, "");
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NoticeKind> noticeKindProperty() {
        return noticeKind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The live feed is up and no action is under way. */
    public BooleanBinding availableProperty() {
        return available;
    }

    /** Why actions cannot run now (offline, busy); empty when they can. */
    public StringBinding unavailableReasonProperty() {
        return unavailableReason;
    }

    public BooleanBinding canClaimProperty() {
        return canClaim;
    }

    public BooleanBinding canAcknowledgeProperty() {
        return canAcknowledge;
    }

    public BooleanBinding canWaitProperty() {
        return canWait;
    }

    public BooleanBinding canResolveProperty() {
        return canResolve;
    }
}
