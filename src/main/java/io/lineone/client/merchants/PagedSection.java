package io.lineone.client.merchants;

import io.lineone.api.Page;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.BackendException;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One section of the detail pane read page by page ("load more"): its own loading, empty and error states, so one
 * section failing leaves the others standing. An answer for a merchant no longer shown is dropped.
 *
 * @param <T> what the server pages
 * @param <L> how a line reads on screen
 */
final class PagedSection<T, L> {

    /** Reads one page. */
    @FunctionalInterface
    interface Fetch<T> {
        Page<T> page(String cursor) throws BackendException;
    }

    private final TaskExecutor executor;
    private final ConnectionStatus connection;
    private final ErrorMessages errors;
    private final Function<T, L> line;
    private final ObservableList<L> lines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ScreenState> state = new ReadOnlyObjectWrapper<>(ScreenState.EMPTY);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loadingMore = new ReadOnlyBooleanWrapper();
    private Fetch<T> fetch;
    private String cursor;
    private int generation;

    PagedSection(TaskExecutor executor, ConnectionStatus connection, ErrorMessages errors, Function<T, L> line) {
        this.executor = executor;
        this.connection = connection;
        this.errors = errors;
        this.line = line;
    }

    /** Reads the first page from {@code source}; null empties the section. */
    void show(Fetch<T> source) {
        fetch = source;
        generation++;
        lines.clear();
        cursor = null;
        more.set(false);
        loadingMore.set(false);
        error.set("");
        if (source == null) {
            state.set(ScreenState.EMPTY);
            return;
        }
        state.set(ScreenState.LOADING);
        read();
    }

    /** The next page, after what is shown. */
    void loadMore() {
        if (fetch != null && cursor != null && !loadingMore.get()) {
            loadingMore.set(true);
            read();
        }
    }

    /** Tries the first page again after an error. */
    void retry() {
        show(fetch);
    }

    private void read() {
        int mine = generation;
        Fetch<T> source = fetch;
        String from = cursor;
        executor.execute(() -> source.page(from), page -> {
            if (mine != generation) {
                return;
            }
            connection.reportSuccess();
            lines.addAll(page.items().stream().map(line).toList());
            cursor = page.nextCursor();
            more.set(cursor != null);
            loadingMore.set(false);
            state.set(lines.isEmpty() ? ScreenState.EMPTY : ScreenState.READY);
        }, failure -> {
            if (mine != generation) {
                return;
            }
            connection.reportFailure(failure);
            loadingMore.set(false);
            error.set(errors.describe(failure));
            if (lines.isEmpty()) {
                state.set(ScreenState.ERROR);
            }
        });
    }

    ObservableList<L> lines() {
        return lines;
    }

    ReadOnlyObjectProperty<ScreenState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether another page waits behind "load more". */
    ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loadingMoreProperty() {
        return loadingMore.getReadOnlyProperty();
    }
}
