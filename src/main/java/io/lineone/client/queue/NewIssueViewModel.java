package io.lineone.client.queue;

import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueSource;
import io.lineone.api.Merchant;
import io.lineone.api.NewIssue;
import io.lineone.api.Priority;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.Messages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "new issue" sheet (N): an issue opened by hand for one of my merchants — what a merchant said on the phone,
 * what the manager noticed. The merchants offered are the caller's own book (the whole program's for a supervisor).
 * The draft stays through a cancel or a failure until the server took it.
 */
public final class NewIssueViewModel {

    private static final int MAX_TITLE = 200;
    private static final int MAX_DESCRIPTION = 4000;

    private final LiveIssues issues;
    private final Backend backend;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final IssueActions actions;
    private final Callable<List<Merchant>> book;

    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ObservableList<Merchant> merchants = FXCollections.observableArrayList();
    private final ObjectProperty<Merchant> merchant = new SimpleObjectProperty<>();
    private final ObjectProperty<IssueCategory> category = new SimpleObjectProperty<>(IssueCategory.OTHER);
    private final ObjectProperty<Priority> priority = new SimpleObjectProperty<>(Priority.P3);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canSend;

    /** @param book the merchants an issue may be opened for (read when the sheet first opens) */
    NewIssueViewModel(LiveIssues issues, Backend backend, TaskExecutor executor, Messages messages,
                      ConnectionStatus connection, IssueActions actions, Callable<List<Merchant>> book) {
        this.issues = issues;
        this.backend = backend;
        this.executor = executor;
        this.messages = messages;
        this.errors = new ErrorMessages(messages);
        this.connection = connection;
        this.actions = actions;
        this.book = book;
        canSend = Bindings.createBooleanBinding(() -> !sending.get() && !connection.streamProperty().get().behind(),
                sending, connection.streamProperty());
    }

    /** Opens the sheet with the draft; the merchant of {@code context} (the selected issue) is offered first. */
    public void begin(Issue context) {
        error.set("");
        open.set(true);
        if (merchants.isEmpty()) {
            executor.execute(book, list -> {
                merchants.setAll(list.stream().sorted(Comparator.comparing(Merchant::name)).toList());
                preselect(context);
            }, failure -> {
                connection.reportFailure(failure);
                error.set(errors.describe(failure));
            });
        } else {
            preselect(context);
        }
    }

    private void preselect(Issue context) {
        if (merchant.get() == null && context != null) {
            merchants.stream().filter(m -> m.id().equals(context.merchantId())).findFirst().ifPresent(merchant::set);
        }
    }

    public void confirm() {
        if (sending.get()) {
            return;
        }
        String heading = title.get() == null ? "" : title.get().strip();
        String body = description.get() == null ? "" : description.get().strip();
        if (merchant.get() == null) {
            error.set(messages.get("queue.newIssue.error.merchant"));
            return;
        }
        if (heading.isEmpty()) {
            error.set(messages.get("queue.newIssue.error.title"));
            return;
        }
        if (heading.codePointCount(0, heading.length()) > MAX_TITLE
                || body.codePointCount(0, body.length()) > MAX_DESCRIPTION) {
            error.set(messages.format("queue.newIssue.error.tooLong", MAX_TITLE, MAX_DESCRIPTION));
            return;
        }
        if (!canSend.get()) {
            error.set(actions.unavailableReasonProperty().get());
            return;
        }
        NewIssue request = new NewIssue(merchant.get().id(), category.get(), IssueSource.MERCHANT, priority.get(),
                heading, body, null, null, null);
        sending.set(true);
        error.set("");
        executor.execute(() -> backend.issues().createIssue(request), created -> {
            sending.set(false);
            connection.reportSuccess();
            issues.put(created);
            clear();
            open.set(false);
            actions.tell(IssueActions.NoticeKind.INFO, messages.format("queue.newIssue.done", created.title(),
                    created.merchantName()));
        }, failure -> {
            sending.set(false);
            connection.reportFailure(failure);
            error.set(errors.describe(failure));
        });
    }

    private void clear() {
        merchant.set(null);
        category.set(IssueCategory.OTHER);
        priority.set(Priority.P3);
        title.set("");
        description.set("");
    }

    /** Closes the sheet; the draft stays. */
    public void cancel() {
        open.set(false);
        error.set("");
    }

    public List<IssueCategory> categories() {
        return List.of(IssueCategory.values());
    }

    public List<Priority> priorities() {
        return List.of(Priority.values());
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ObservableList<Merchant> merchants() {
        return merchants;
    }

    public ObjectProperty<Merchant> merchantProperty() {
        return merchant;
    }

    public ObjectProperty<IssueCategory> categoryProperty() {
        return category;
    }

    public ObjectProperty<Priority> priorityProperty() {
        return priority;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }
}
