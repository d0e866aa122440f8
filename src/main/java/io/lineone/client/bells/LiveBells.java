package io.lineone.client.bells;

import io.lineone.api.Bell;
import io.lineone.api.Issue;
import io.lineone.api.Release;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.common.UiScheduler;
import io.lineone.client.net.Backend;
import io.lineone.client.net.BackendException;
import io.lineone.client.net.EventStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The session's releases and bells, kept current like the issues: read once the event stream is open (again only
 * when it could not resume), then moved by {@code bell.*} and {@code release.*} events that the stream's threads
 * leave in an inbox and the UI thread applies once a frame. Action answers take the same path. It runs from
 * sign-in on, shown or not, because a bell that concerns the user raises a notification wherever they are.
 */
public final class LiveBells implements AutoCloseable {

    /** Told of every bell that changed, with the version known before (null: new to us), on the UI thread. */
    public interface BellChanges {
        void changed(Bell before, Bell after, Release release);
    }

    private sealed interface Incoming permits BellEvent, ReleaseEvent {
    }

    private record BellEvent(Bell bell) implements Incoming {
    }

    private record ReleaseEvent(Release release) implements Incoming {
    }

    private final Backend backend;
    private final TaskExecutor executor;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final BellChanges changes;
    private final ConcurrentLinkedQueue<Incoming> inbox = new ConcurrentLinkedQueue<>();
    private final UiScheduler.Throttle drain;
    private final UiScheduler ui;

    // The extractor turns a row's new version into an update of the list, so sorted and filtered views follow it.
    private final ObservableList<LiveRow<Release>> releases =
            FXCollections.observableArrayList(row -> new Observable[] {row.valueProperty()});
    private final ObservableList<LiveRow<Bell>> bells =
            FXCollections.observableArrayList(row -> new Observable[] {row.valueProperty()});
    private final Map<String, LiveRow<Release>> releaseRows = new HashMap<>();
    private final Map<String, LiveRow<Bell>> bellRows = new HashMap<>();
    private final ReadOnlyObjectWrapper<ScreenState> state = new ReadOnlyObjectWrapper<>(ScreenState.LOADING);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private int readGeneration;
    private boolean read;
    private volatile boolean closed;

    public LiveBells(Backend backend, TaskExecutor executor, UiScheduler ui, ErrorMessages errors,
                     ConnectionStatus connection, BellChanges changes) {
        this.backend = backend;
        this.executor = executor;
        this.ui = ui;
        this.errors = errors;
        this.connection = connection;
        this.changes = changes;
        this.drain = ui.throttle(this::drain);
    }

    /** What the session's event stream tells this model; hand it to whoever owns the stream. */
    public EventStream.Listener listener() {
        return new EventStream.Listener() {
            @Override
            public void onOpen(EventStream.Opened how) {
                // A resumed stream replays what was missed; a fresh one may have lost events, so read again.
                if (how != EventStream.Opened.RESUMED) {
                    ui.runLater(LiveBells.this::load);
                }
            }

            @Override
            public void onIssue(long eventId, String type, Issue issue) {
                // Issues have a model of their own.
            }

            @Override
            public void onBell(long eventId, String type, Bell bell) {
                inbox.add(new BellEvent(bell));
                drain.request();
            }

            @Override
            public void onRelease(long eventId, String type, Release release) {
                inbox.add(new ReleaseEvent(release));
                drain.request();
            }

            @Override
            public void onDown(boolean offline, Exception cause) {
                readIfNeverRead();
            }

            @Override
            public void onStopped(BackendException reason) {
                readIfNeverRead();
            }
        };
    }

    /**
     * The connection model hears of drops from the issue feed. Without a stream the releases are still worth
     * showing (or why they cannot be): read them rather than wait for an open.
     */
    private void readIfNeverRead() {
        ui.runLater(() -> {
            if (!read && !closed) {
                load();
            }
        });
    }

    /** Reads every release and bell; the answer replaces what is known, newer versions from events kept. */
    public void load() {
        int generation = ++readGeneration;
        read = true;
        if (releases.isEmpty()) {
            error.set("");
            state.set(ScreenState.LOADING);
        }
        executor.execute(() -> new Snapshot(backend.bells().allReleases(), backend.bells().allBells()), snapshot -> {
            if (generation == readGeneration && !closed) {
                connection.reportSuccess();
                error.set("");
                replace(snapshot);
            }
        }, failure -> {
            if (generation == readGeneration && !closed) {
                connection.reportFailure(failure);
                if (releases.isEmpty()) {
                    error.set(errors.describe(failure));
                    state.set(ScreenState.ERROR);
                }
            }
        });
    }

    private record Snapshot(List<Release> releases, List<Bell> bells) {
    }

    private void replace(Snapshot snapshot) {
        for (Release release : snapshot.releases()) {
            put(release);
        }
        Set<String> listed = new HashSet<>();
        for (Bell bell : snapshot.bells()) {
            listed.add(bell.id());
            put(bell, false);
        }
        releases.removeIf(row -> snapshot.releases().stream().noneMatch(r -> r.id().equals(row.id()))
                && releaseRows.remove(row.id()) != null);
        bells.removeIf(row -> !listed.contains(row.id()) && bellRows.remove(row.id()) != null);
        showState();
    }

    /** A bell as the server just described it (an action's answer, or an event). */
    public void put(Bell bell) {
        put(bell, true);
    }

    private void put(Bell bell, boolean tell) {
        LiveRow<Bell> row = bellRows.get(bell.id());
        Bell before = row == null ? null : row.get();
        if (before != null && before.version() >= bell.version()) {
            return;
        }
        if (row == null) {
            row = new LiveRow<>(bell.id(), bell);
            bellRows.put(bell.id(), row);
            bells.add(0, row);
        } else {
            row.set(bell);
        }
        if (tell) {
            changes.changed(before, bell, release(bell.releaseId()));
        }
    }

    /** A release as the server described it; its gate and stage move, its place in the list stays. */
    public void put(Release release) {
        LiveRow<Release> row = releaseRows.get(release.id());
        if (row == null) {
            row = new LiveRow<>(release.id(), release);
            releaseRows.put(release.id(), row);
            releases.add(row);
        } else if (!release.updatedAt().isBefore(row.get().updatedAt())) {
            row.set(release);
        }
        showState();
    }

    /** Every release as known now, in the server's order. */
    public List<Release> knownReleases() {
        return releases.stream().map(LiveRow::get).toList();
    }

    /** The release as last known, or null. */
    public Release release(String id) {
        LiveRow<Release> row = releaseRows.get(id);
        return row == null ? null : row.get();
    }

    private void drain() {
        List<Incoming> batch = new ArrayList<>();
        Incoming next;
        while ((next = inbox.poll()) != null) {
            batch.add(next);
        }
        if (closed) {
            return;
        }
        // Releases first: a bell's notification names its release's owner as it is now.
        for (Incoming incoming : batch) {
            if (incoming instanceof ReleaseEvent event) {
                put(event.release());
            }
        }
        for (Incoming incoming : batch) {
            if (incoming instanceof BellEvent event) {
                put(event.bell());
            }
        }
    }

    private void showState() {
        state.set(releases.isEmpty() ? ScreenState.EMPTY : ScreenState.READY);
    }

    @Override
    public void close() {
        closed = true;
        inbox.clear();
    }

    /** Every release, in the server's order; changed only on the UI thread. */
    public ObservableList<LiveRow<Release>> releases() {
        return releases;
    }

    /** Every bell, newest first; changed only on the UI thread. */
    public ObservableList<LiveRow<Bell>> bells() {
        return bells;
    }

    public ReadOnlyObjectProperty<ScreenState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
