package io.lineone.client.queue;

import io.lineone.api.ManagerLoad;
import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * A supervisor's panel beside the queue: each manager's load (open, breaching, unclaimed, money at risk) as the
 * server counts it, read when the panel opens and again a few seconds after the queue changed; choosing a manager
 * narrows the queue to theirs. A row dropped on a manager starts a transfer to them.
 */
public final class TeamLoadViewModel {

    /** Reads no more often than this while the queue keeps changing. */
    static final Duration REFRESH = Duration.ofSeconds(5);

    private final Backend backend;
    private final TaskExecutor executor;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final QueueFilters filters;
    private final IssueText text;
    private final LiveIssues issues;

    private final ObservableList<ManagerLoad> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ManagerLoad> chosen = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean dirty;
    private boolean following;
    private Instant lastRead = Instant.MIN;

    TeamLoadViewModel(LiveIssues issues, Backend backend, TaskExecutor executor, ErrorMessages errors,
                      ConnectionStatus connection, QueueFilters filters, IssueText text) {
        this.backend = backend;
        this.executor = executor;
        this.errors = errors;
        this.connection = connection;
        this.filters = filters;
        this.text = text;
        this.issues = issues;
        issues.rows().addListener((ListChangeListener<IssueRow>) change -> dirty = true);
        issues.nowProperty().addListener((obs, old, now) -> {
            if (following && dirty && !loading.get() && !now.isBefore(lastRead.plus(REFRESH))) {
                load(now);
            }
        });
        chosen.addListener((obs, old, load) -> filters.managerProperty().set(load == null ? null : load.managerId()));
        filters.managerProperty().addListener((obs, old, id) -> {
            if (id == null) {
                chosen.set(null);
            }
        });
    }

    /** Reads the load now and keeps it current from then on (the panel is shown). */
    public void follow() {
        following = true;
        load(issues.nowProperty().get());
    }

    public void refresh() {
        load(issues.nowProperty().get());
    }

    private void load(Instant now) {
        dirty = false;
        lastRead = now;
        loading.set(true);
        executor.execute(backend.issues()::teamLoad, list -> {
            loading.set(false);
            connection.reportSuccess();
            error.set("");
            String keep = chosen.get() == null ? null : chosen.get().managerId();
            rows.setAll(list);
            if (keep != null) {
                rows.stream().filter(r -> r.managerId().equals(keep)).findFirst().ifPresent(chosen::set);
            }
        }, failure -> {
            loading.set(false);
            connection.reportFailure(failure);
            error.set(errors.describe(failure));
        });
    }

    /** The whole team's queue again. */
    public void showEveryone() {
        chosen.set(null);
    }

    /** The manager of a row, as the transfer sheet takes them. */
    public static User manager(ManagerLoad load) {
        return new User(load.managerId(), null, load.displayName(), Role.MANAGER);
    }

    public String money(ManagerLoad load) {
        return text.money(load.moneyAtRiskCents());
    }

    public ObservableList<ManagerLoad> rows() {
        return rows;
    }

    /** The manager whose queue is shown; null for the whole team. */
    public ObjectProperty<ManagerLoad> chosenProperty() {
        return chosen;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
