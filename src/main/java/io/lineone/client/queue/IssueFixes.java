package io.lineone.client.queue;

import io.lineone.api.FixOption;
import io.lineone.api.Issue;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.Messages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.fixes.FixActions;
import io.lineone.client.fixes.FixDialogViewModel;
import io.lineone.client.net.Backend;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The one-click fixes of the issue in the drawer, each a button there, and F on the selected issue: the fixes that
 * apply come from the server ({@code GET /fixes/options?issueId=}); F opens the first (the one the detector
 * suggests). Offline the buttons are disabled with the reason, and F says it instead of queuing anything.
 */
public final class IssueFixes {

    private final Backend backend;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ConnectionStatus connection;
    private final Consumer<String> tell;
    private final ObservableList<FixOption> options = FXCollections.observableArrayList();
    private final SimpleBooleanProperty wired = new SimpleBooleanProperty();
    private final SimpleStringProperty loadedFor = new SimpleStringProperty();
    private FixActions actions;
    private FixDialogViewModel dialog;
    private BooleanBinding available;
    private StringBinding unavailableReason;
    private int generation;

    /** @param tell shows a line over the queue (why F did nothing) */
    IssueFixes(Backend backend, TaskExecutor executor, Messages messages, ConnectionStatus connection,
               Consumer<String> tell) {
        this.backend = backend;
        this.executor = executor;
        this.messages = messages;
        this.connection = connection;
        this.tell = tell;
        available = Bindings.createBooleanBinding(() -> false, wired);
        unavailableReason = Bindings.createStringBinding(() -> "", wired);
    }

    /** The session's fixes and their dialog; without them (a test's queue) there are no fix buttons. */
    public void use(FixActions fixActions, FixDialogViewModel fixDialog) {
        this.actions = fixActions;
        this.dialog = fixDialog;
        available = fixActions.availableProperty();
        unavailableReason = fixActions.unavailableReasonProperty();
        wired.set(true);
    }

    /** The drawer shows another issue (or a newer version of it, which a fix may have changed): read its fixes. */
    void show(Issue issue) {
        if (issue == null || actions == null) {
            options.clear();
            loadedFor.set(null);
            return;
        }
        String key = issue.id() + "@" + issue.version();
        if (key.equals(loadedFor.get())) {
            return;
        }
        if (loadedFor.get() == null || !loadedFor.get().startsWith(issue.id() + "@")) {
            options.clear();
        }
        loadedFor.set(key);
        int mine = ++generation;
        executor.execute(() -> backend.fixes().fixOptions(issue.id(), null), found -> {
            if (mine == generation) {
                options.setAll(found);
            }
        }, failure -> {
            if (mine == generation) {
                connection.reportFailure(failure);
                options.clear();
            }
        });
    }

    /** F: the first fix that applies to {@code issue}, in the dialog; otherwise a line saying why not. */
    void fix(Issue issue) {
        if (issue == null || actions == null) {
            return;
        }
        if (!available.get()) {
            tell.accept(unavailableReason.get());
            return;
        }
        executor.execute(() -> backend.fixes().fixOptions(issue.id(), null), found -> {
            connection.reportSuccess();
            if (found.isEmpty()) {
                tell.accept(messages.format("queue.fix.none", issue.title()));
            } else {
                open(found.get(0), issue.id());
            }
        }, failure -> {
            connection.reportFailure(failure);
            tell.accept(new ErrorMessages(messages).describe(failure));
        });
    }

    /** A drawer button: the fix in the dialog. */
    public void open(FixOption option, String issueId) {
        if (dialog != null && available.get()) {
            dialog.open(option.kind(), option.targetId(), issueId, option.targetTitle());
        }
    }

    /** The label of a fix button. */
    public String label(FixOption option) {
        return actions == null ? "" : actions.text().kind(option.kind());
    }

    /** The fixes that apply to the issue in the drawer. */
    public ObservableList<FixOption> options() {
        return options;
    }

    public BooleanBinding availableProperty() {
        return available;
    }

    public StringBinding unavailableReasonProperty() {
        return unavailableReason;
    }

    /** Whether this queue can fix at all (the session wired its fixes in). */
    public boolean enabled() {
        return actions != null;
    }
}
