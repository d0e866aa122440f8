package io.lineone.client.queue;

import io.lineone.api.DuplicateLink;
import io.lineone.api.Issue;
import io.lineone.api.IssueReopen;
import io.lineone.api.IssueStatus;
import io.lineone.api.IssueTransfer;
import io.lineone.api.Priority;
import io.lineone.api.PriorityChange;
import io.lineone.api.User;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.Messages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import io.lineone.client.net.BackendException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The sheet that manages the selected issue: hand it to another manager (T), give it another priority (P), reopen
 * it (O) or resolve it as a duplicate of another issue in the queue (D). Each step needs its words (a note or a
 * reason) and is sent against the version shown. What was typed is kept per issue and step until the server takes
 * it, through a cancel, a failure or a dropped connection; while offline the sheet says so instead of sending.
 */
public final class ManageDialogViewModel {

    /** The steps the sheet takes. */
    public enum Step { TRANSFER, PRIORITY, REOPEN, DUPLICATE }

    /** An unsent step for one issue. */
    private record Draft(String text, User manager, Priority priority, Issue original) {
    }

    private static final int MAX_TEXT = 2000;

    private final LiveIssues issues;
    private final Backend backend;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final IssueActions actions;
    private final IssueText text;
    private final Supplier<Issue> selected;

    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.TRANSFER);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper("");
    private final ObservableList<User> managers = FXCollections.observableArrayList();
    /** The managers offered: all but the one whose queue holds the issue. */
    private final FilteredList<User> managerChoices = new FilteredList<>(managers);
    private final ObjectProperty<User> manager = new SimpleObjectProperty<>();
    private final ObjectProperty<Priority> priority = new SimpleObjectProperty<>();
    private final ObservableList<Issue> originals = FXCollections.observableArrayList();
    private final ObjectProperty<Issue> original = new SimpleObjectProperty<>();
    private final StringProperty words = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canSend;

    private final Map<String, Draft> drafts = new HashMap<>();
    private Issue issue;

    ManageDialogViewModel(LiveIssues issues, Backend backend, TaskExecutor executor, Messages messages,
                          ConnectionStatus connection, IssueActions actions, IssueText text, Supplier<Issue> selected) {
        this.issues = issues;
        this.backend = backend;
        this.executor = executor;
        this.messages = messages;
        this.errors = new ErrorMessages(messages);
        this.connection = connection;
        this.actions = actions;
        this.text = text;
        this.selected = selected;
        canSend = Bindings.createBooleanBinding(() -> !sending.get() && !connection.streamProperty().get().behind(),
                sending, connection.streamProperty());
    }

    /** Opens the sheet for {@code wanted} on the selected issue, with its draft; says why not if it does not apply. */
    public void begin(Step wanted) {
        Issue target = selected.get();
        if (target == null) {
            return;
        }
        boolean applies = wanted == Step.REOPEN ? target.status() == IssueStatus.RESOLVED : target.status().isOpen();
        if (!applies) {
            actions.tell(IssueActions.NoticeKind.INFO, messages.format("queue.notice.notApplicable",
                    messages.get(actionKey(wanted)), text.status(target.status())));
            return;
        }
        issue = target;
        step.set(wanted);
        title.set(messages.get(titleKey(wanted)));
        subject.set(target.title());
        Draft draft = drafts.getOrDefault(key(wanted, target.id()), new Draft("", null, null, null));
        words.set(draft.text());
        manager.set(draft.manager());
        priority.set(draft.priority() != null ? draft.priority() : target.priority());
        error.set("");
        if (wanted == Step.TRANSFER) {
            managerChoices.setPredicate(user -> !user.id().equals(target.managerId()));
            loadManagers(target);
        }
        if (wanted == Step.DUPLICATE) {
            originals.setAll(issues.rows().stream().map(IssueRow::issue)
                    .filter(other -> !other.id().equals(target.id()) && other.duplicateOf() == null)
                    .sorted(Comparator.comparing((Issue other) -> !other.merchantId().equals(target.merchantId()))
                            .thenComparing(Issue::createdAt))
                    .toList());
            original.set(draft.original());
        }
        open.set(true);
    }

    /** Opens the transfer sheet with {@code to} chosen (a row dropped on a manager). */
    public void beginTransferTo(User to) {
        begin(Step.TRANSFER);
        if (open.get()) {
            manager.set(managerChoices.stream().filter(m -> m.id().equals(to.id())).findFirst().orElse(to));
        }
    }

    private void loadManagers(Issue target) {
        if (!managers.isEmpty()) {
            return;
        }
        executor.execute(backend.issues()::managers, list -> managers.setAll(list), failure -> {
            connection.reportFailure(failure);
            error.set(errors.describe(failure));
        });
    }

    /** Sends the step; the draft is kept until the server took it. */
    public void confirm() {
        if (issue == null || sending.get()) {
            return;
        }
        String said = words.get() == null ? "" : words.get().strip();
        String problem = check(said);
        if (problem != null) {
            error.set(problem);
            return;
        }
        if (!canSend.get()) {
            error.set(actions.unavailableReasonProperty().get());
            return;
        }
        keepDraft();
        Issue target = issue;
        Step doing = step.get();
        Callable<Issue> call = switch (doing) {
            case TRANSFER -> () -> backend.issues().transferIssue(target.id(), new IssueTransfer(manager.get().id(), said),
                    target.version());
            case PRIORITY -> () -> backend.issues().changeIssuePriority(target.id(), new PriorityChange(priority.get(), said),
                    target.version());
            case REOPEN -> () -> backend.issues().reopenIssue(target.id(), new IssueReopen(said), target.version());
            case DUPLICATE -> () -> backend.issues().markDuplicate(target.id(),
                    new DuplicateLink(original.get().id(), said.isEmpty() ? null : said), target.version());
        };
        String done = switch (doing) {
            case TRANSFER -> messages.format("queue.manage.done.transfer", target.title(), manager.get().displayName());
            case PRIORITY -> messages.format("queue.manage.done.priority", target.title(), priority.get().name());
            case REOPEN -> messages.format("queue.manage.done.reopen", target.title());
            case DUPLICATE -> messages.format("queue.manage.done.duplicate", target.title(), original.get().title());
        };
        sending.set(true);
        error.set("");
        executor.execute(call, answer -> {
            sending.set(false);
            connection.reportSuccess();
            drafts.remove(key(doing, target.id()));
            open.set(false);
            issues.put(answer);
            actions.tell(IssueActions.NoticeKind.INFO, done);
        }, failure -> {
            sending.set(false);
            connection.reportFailure(failure);
            if (failure instanceof BackendException e && e.kind() == BackendException.Kind.STALE) {
                error.set(messages.format("queue.notice.stale", target.title()));
                issues.reload(target.id());
            } else {
                error.set(errors.describe(failure));
            }
        });
    }

    /** What is missing or wrong, in the user's words; null when the step may be sent. */
    private String check(String said) {
        Step doing = step.get();
        if (doing == Step.TRANSFER && manager.get() == null) {
            return messages.get("queue.manage.error.manager");
        }
        if (doing == Step.TRANSFER && Objects.equals(manager.get().id(), issue.managerId())
                && Objects.equals(manager.get().id(), issue.assigneeId())) {
            return messages.format("queue.manage.error.sameManager", manager.get().displayName());
        }
        if (doing == Step.PRIORITY && (priority.get() == null || priority.get() == issue.priority())) {
            return messages.get("queue.manage.error.priority");
        }
        if (doing == Step.DUPLICATE && original.get() == null) {
            return messages.get("queue.manage.error.original");
        }
        if (doing != Step.DUPLICATE && said.isEmpty()) {
            return messages.get(doing == Step.TRANSFER ? "queue.manage.error.note" : "queue.manage.error.reason");
        }
        if (said.codePointCount(0, said.length()) > MAX_TEXT) {
            return messages.format("queue.manage.error.tooLong", MAX_TEXT);
        }
        return null;
    }

    /** Closes the sheet; what was typed stays for the next time this step is begun on this issue. */
    public void cancel() {
        if (open.get()) {
            keepDraft();
        }
        open.set(false);
        error.set("");
    }

    private void keepDraft() {
        if (issue != null) {
            drafts.put(key(step.get(), issue.id()), new Draft(words.get() == null ? "" : words.get(), manager.get(),
                    priority.get(), original.get()));
        }
    }

    private static String key(Step step, String issueId) {
        return step + " " + issueId;
    }

    private static String actionKey(Step step) {
        return switch (step) {
            case TRANSFER -> "queue.manage.transfer";
            case PRIORITY -> "queue.manage.priority";
            case REOPEN -> "queue.manage.reopen";
            case DUPLICATE -> "queue.manage.duplicate";
        };
    }

    private static String titleKey(Step step) {
        return switch (step) {
            case TRANSFER -> "queue.manage.transfer.title";
            case PRIORITY -> "queue.manage.priority.title";
            case REOPEN -> "queue.manage.reopen.title";
            case DUPLICATE -> "queue.manage.duplicate.title";
        };
    }

    public List<Priority> priorities() {
        return List.of(Priority.values());
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The step's name: "Transfer", "Change priority"… */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The title of the issue being managed. */
    public ReadOnlyStringProperty subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    /** The managers the issue may go to: everyone but the one whose queue holds it. */
    public ObservableList<User> managers() {
        return managerChoices;
    }

    public ObjectProperty<User> managerProperty() {
        return manager;
    }

    public ObjectProperty<Priority> priorityProperty() {
        return priority;
    }

    /** The issues this one may duplicate: the same merchant's first. */
    public ObservableList<Issue> originals() {
        return originals;
    }

    public ObjectProperty<Issue> originalProperty() {
        return original;
    }

    /** The note (transfer, duplicate) or the reason (priority, reopen). */
    public StringProperty wordsProperty() {
        return words;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    /** Live and not already sending. */
    public BooleanBinding canSendProperty() {
        return canSend;
    }
}
