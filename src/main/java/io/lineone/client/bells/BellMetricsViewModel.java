package io.lineone.client.bells;

import io.lineone.api.BellMonth;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.Messages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The bells metrics panel: per product area and month, bells pulled, median time to acknowledge and to resolve,
 * and the share overruled (the false-alarm rate). Read when the panel is opened, and again on request; the
 * numbers change by the hour, not by the second, so they do not follow the event stream.
 */
public final class BellMetricsViewModel {

    private final Backend backend;
    private final TaskExecutor executor;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;

    private final ObservableList<BellMonth> months = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ScreenState> state = new ReadOnlyObjectWrapper<>(ScreenState.LOADING);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    BellMetricsViewModel(Backend backend, TaskExecutor executor, Messages messages, ConnectionStatus connection) {
        this.backend = backend;
        this.executor = executor;
        this.errors = new ErrorMessages(messages);
        this.connection = connection;
    }

    public void load() {
        if (months.isEmpty()) {
            state.set(ScreenState.LOADING);
        }
        executor.execute(backend.bells()::bellMetrics, metrics -> {
            connection.reportSuccess();
            months.setAll(metrics.months());
            error.set("");
            state.set(months.isEmpty() ? ScreenState.EMPTY : ScreenState.READY);
        }, failure -> {
            connection.reportFailure(failure);
            error.set(errors.describe(failure));
            state.set(ScreenState.ERROR);
        });
    }

    /** By product area, then month. */
    public ObservableList<BellMonth> months() {
        return months;
    }

    /** The months any area has bells in, in order: the chart's categories. */
    public List<String> monthNames() {
        return List.copyOf(new TreeSet<>(months.stream().map(BellMonth::month).toList()));
    }

    /** The product areas with bells, in order: the chart's series. */
    public List<String> areas() {
        return List.copyOf(new TreeSet<>(months.stream().map(BellMonth::productArea).toList()));
    }

    public ReadOnlyObjectProperty<ScreenState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
