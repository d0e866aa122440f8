package io.lineone.client.ledger;

import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One section of the insights (a chart, a table) read on its own: its spinner until the first answer, its error pane
 * if that fails, its empty pane when there is nothing, and afterwards the last numbers kept with a line saying a
 * newer read failed. An answer to an older question (the window changed meanwhile) is dropped. UI thread only.
 *
 * @param <T> what one read brings
 */
abstract class InsightsSection<T> {

    private final TaskExecutor executor;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final ReadOnlyObjectWrapper<ScreenState> state = new ReadOnlyObjectWrapper<>(ScreenState.LOADING);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private int generation;
    private boolean closed;

    InsightsSection(TaskExecutor executor, ErrorMessages errors, ConnectionStatus connection) {
        this.executor = executor;
        this.errors = errors;
        this.connection = connection;
    }

    /** What to read for {@code query}, off the UI thread. */
    protected abstract T read(InsightsQuery query) throws Exception;

    /** Shows an answer (UI thread); returns whether it holds anything to show. */
    protected abstract boolean show(T answer, InsightsQuery query);

    /** Reads again; the newest question wins. */
    void load(InsightsQuery query) {
        if (closed) {
            return;
        }
        int asked = ++generation;
        if (state.get() == ScreenState.ERROR) {
            state.set(ScreenState.LOADING);
        }
        executor.execute(() -> read(query), answer -> {
            if (asked != generation || closed) {
                return;
            }
            connection.reportSuccess();
            error.set("");
            state.set(show(answer, query) ? ScreenState.READY : ScreenState.EMPTY);
        }, failure -> {
            if (asked != generation || closed) {
                return;
            }
            connection.reportFailure(failure);
            error.set(errors.describe(failure));
            if (state.get() == ScreenState.LOADING) {
                state.set(ScreenState.ERROR);
            }
        });
    }

    void close() {
        closed = true;
    }

    public ReadOnlyObjectProperty<ScreenState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why the last read failed; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
