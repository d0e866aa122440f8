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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Claim, acknowledge or resolve several selected issues together. Each change is sent on its own, against the
 * version of its issue as the queue shows it, one after the other: an issue someone else changed meanwhile is
 * named, read again and left as it is, and the rest still go through. The progress line counts them off; the
 * notice afterwards sums them up ("3 claimed, 1 changed by someone else: …").
 */
public final class BulkTriage {

    /** A change to many issues, with what it applies to and how it is sent. */
    private enum Kind {
        CLAIM("queue.bulk.doing.claim", "queue.bulk.done.claim"),
        ACKNOWLEDGE("queue.bulk.doing.acknowledge", "queue.bulk.done.acknowledge"),
        RESOLVE("queue.bulk.doing.resolve", "queue.bulk.done.resolve");

        private final String doingKey;
        private final String doneKey;

        Kind(String doingKey, String doneKey) {
            this.doingKey = doingKey;
            this.doneKey = doneKey;
        }
    }

    @FunctionalInterface
    private interface Call {
        Issue send(Issue issue) throws BackendException;
    }

    /** One run through the selection. */
    private static final class Run {
        final Kind kind;
        final Call call;
        final Deque<Issue> waiting;
        final int total;
        int done;
        final List<String> stale = new ArrayList<>();
        final List<String> failed = new ArrayList<>();
        final int skipped;
        final Runnable onDone;

        Run(Kind kind, Call call, List<Issue> targets, int skipped, Runnable onDone) {
            this.kind = kind;
            this.call = call;
            this.waiting = new ArrayDeque<>(targets);
            this.total = targets.size();
            this.skipped = skipped;
            this.onDone = onDone;
        }
    }

    private final LiveIssues issues;
    private final Backend backend;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final IssueActions actions;

    private final ObservableList<IssueRow> selection = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final BooleanBinding several = Bindings.size(selection).greaterThan(1);

    BulkTriage(LiveIssues issues, Backend backend, TaskExecutor executor, Messages messages,
               ConnectionStatus connection, IssueActions actions) {
        this.issues = issues;
        this.backend = backend;
        this.executor = executor;
        this.messages = messages;
        this.errors = new ErrorMessages(messages);
        this.connection = connection;
        this.actions = actions;
    }

    public void claim() {
        start(Kind.CLAIM, issue -> issue.status().isOpen() && issue.assigneeId() == null,
                issue -> backend.issues().claimIssue(issue.id(), issue.version()), () -> { });
    }

    public void acknowledge() {
        start(Kind.ACKNOWLEDGE, issue -> issue.status() == IssueStatus.NEW, issue -> backend.issues().updateIssue(issue.id(),
                new IssuePatch(IssueStatus.ACKNOWLEDGED, null, null), issue.version()), () -> { });
    }

    /** Resolves every open selected issue with one root cause and note (the resolve dialog's confirm). */
    void resolve(String rootCause, String note, Runnable onDone, Consumer<String> showError) {
        if (!start(Kind.RESOLVE, issue -> issue.status().isOpen(), issue -> backend.issues().updateIssue(issue.id(),
                new IssuePatch(IssueStatus.RESOLVED, note, rootCause), issue.version()), onDone)) {
            showError.accept(actions.unavailableReasonProperty().get());
        }
    }

    /** How many selected issues a resolution would close. */
    int openSelected() {
        return (int) selected().stream().filter(issue -> issue.status().isOpen()).count();
    }

    private List<Issue> selected() {
        return selection.stream().map(IssueRow::issue).toList();
    }

    private boolean start(Kind kind, Predicate<Issue> applies, Call call, Runnable onDone) {
        if (running.get() || !actions.availableProperty().get()) {
            actions.tell(IssueActions.NoticeKind.INFO, running.get() ? messages.get("queue.bulk.busy")
                    : actions.unavailableReasonProperty().get());
            return false;
        }
        List<Issue> all = selected();
        List<Issue> targets = all.stream().filter(applies).toList();
        Run run = new Run(kind, call, targets, all.size() - targets.size(), onDone);
        running.set(true);
        next(run);
        return true;
    }

    private void next(Run run) {
        Issue issue = run.waiting.poll();
        if (issue == null) {
            finish(run);
            return;
        }
        progress.set(messages.format("queue.bulk.progress", messages.get(run.kind.doingKey),
                run.total - run.waiting.size(), run.total));
        executor.execute(() -> run.call.send(issue), answer -> {
            connection.reportSuccess();
            issues.put(answer);
            run.done++;
            next(run);
        }, failure -> {
            connection.reportFailure(failure);
            if (failure instanceof BackendException e && e.kind() == BackendException.Kind.STALE) {
                run.stale.add(issue.title());
                issues.reload(issue.id());
            } else {
                run.failed.add(messages.format("queue.bulk.failedOne", issue.title(), errors.describe(failure)));
            }
            next(run);
        });
    }

    private void finish(Run run) {
        running.set(false);
        progress.set("");
        List<String> parts = new ArrayList<>();
        parts.add(messages.format(run.kind.doneKey, run.done));
        if (!run.stale.isEmpty()) {
            parts.add(messages.format("queue.bulk.stale", run.stale.size(), quoted(run.stale)));
        }
        if (run.skipped > 0) {
            parts.add(messages.format("queue.bulk.skipped", run.skipped));
        }
        parts.addAll(run.failed);
        String summary = String.join(messages.get("queue.bulk.separator"), parts);
        actions.tell(!run.failed.isEmpty() ? IssueActions.NoticeKind.ERROR
                : !run.stale.isEmpty() ? IssueActions.NoticeKind.STALE : IssueActions.NoticeKind.INFO, summary);
        run.onDone.run();
    }

    private String quoted(List<String> titles) {
        return String.join(messages.get("queue.bulk.listSeparator"),
                titles.stream().map(title -> messages.format("queue.bulk.quoted", title)).toList());
    }

    /** The table's selected rows, kept in step by the view. */
    public ObservableList<IssueRow> selection() {
        return selection;
    }

    /** More than one row is selected: claim, acknowledge and resolve act on all of them. */
    public BooleanBinding severalProperty() {
        return several;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "Claiming 2 of 5…" while a run is under way; empty otherwise. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
