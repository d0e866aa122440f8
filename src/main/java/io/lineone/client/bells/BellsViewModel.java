package io.lineone.client.bells;

import io.lineone.api.Bell;
import io.lineone.api.Gate;
import io.lineone.api.Issue;
import io.lineone.api.Release;
import io.lineone.api.User;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.Messages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import io.lineone.client.net.BackendException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The bells and releases screen over the session's {@link LiveBells}: the releases, blocked ones first; the
 * selected release's linked issues (read when it is selected); the board of bells — the selected release's, or
 * every release's with none selected — by status, overdue first; and what may be done to the selected bell
 * ({@link #actions()}). UI thread only.
 */
public final class BellsViewModel {

    /** Overdue first, then the ones still stopping a line by how far along they are, then the closed; newest first. */
    static final Comparator<Bell> BOARD_ORDER = Comparator.comparing((Bell b) -> !b.overdue())
            .thenComparing(b -> b.status().ordinal())
            .thenComparing(Bell::createdAt, Comparator.reverseOrder());

    private static final Comparator<Release> RELEASE_ORDER = Comparator
            .comparing((Release r) -> r.gate() != Gate.BLOCKED)
            .thenComparing(r -> r.stage().ordinal())
            .thenComparing(Release::name);

    private final LiveBells live;
    private final Backend backend;
    private final TaskExecutor executor;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final BellText text;
    private final ObservableValue<Instant> now;
    private final BellActions actions;
    private final ReleaseActions releaseActions;
    private final BellMetricsViewModel metrics;

    private final SortedList<LiveRow<Release>> releases;
    private final ObjectProperty<LiveRow<Release>> selectedRelease = new SimpleObjectProperty<>();
    private final ObservableList<Issue> linkedIssues = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper linkedError = new ReadOnlyStringWrapper("");
    private final ObservableList<Issue> evidence = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper evidenceHidden = new ReadOnlyIntegerWrapper();
    private int evidenceGeneration;
    private final ObjectProperty<BellFilter> filter = new SimpleObjectProperty<>(BellFilter.ACTIVE);
    private final FilteredList<LiveRow<Bell>> filteredBells;
    private final SortedList<LiveRow<Bell>> bells;
    private final ObjectProperty<LiveRow<Bell>> selectedBellRow = new SimpleObjectProperty<>();
    private final ObjectBinding<Bell> selectedBell;
    private final StringBinding summary;
    private final StringBinding linkText;
    private int linkedGeneration;

    /**
     * @param now the shared clock every age and countdown reads, moved once a second
     */
    public BellsViewModel(LiveBells live, Backend backend, TaskExecutor executor, Messages messages,
                          ConnectionStatus connection, BellText text, User me, ObservableValue<Instant> now) {
        this.live = live;
        this.backend = backend;
        this.executor = executor;
        this.errors = new ErrorMessages(messages);
        this.connection = connection;
        this.text = text;
        this.now = now;
        this.releases = new SortedList<>(live.releases(), Comparator.comparing(LiveRow::get, RELEASE_ORDER));
        this.filteredBells = new FilteredList<>(live.bells(), row -> shows(row.get()));
        this.bells = new SortedList<>(filteredBells, Comparator.comparing(LiveRow::get, BOARD_ORDER));
        filter.addListener((obs, old, value) -> refilter());
        selectedRelease.addListener((obs, old, row) -> {
            refilter();
            readLinkedIssues(row == null ? null : row.id());
        });
        // Follows the selected row's newer versions, so the detail and the buttons move with live events.
        this.selectedBell = Bindings.createObjectBinding(() -> {
            LiveRow<Bell> row = selectedBellRow.get();
            return row == null ? null : row.get();
        }, selectedBellRow, live.bells());
        selectedBellRow.addListener((obs, old, row) -> readEvidence(row == null ? null : row.get()));
        this.actions = new BellActions(backend, executor, messages, connection, live, me, selectedBell);
        this.metrics = new BellMetricsViewModel(backend, executor, messages, connection);
        // The owner's controls follow the selected release's newer versions, as the bell's buttons do.
        this.releaseActions = new ReleaseActions(backend, executor, messages, connection, live, me,
                Bindings.createObjectBinding(() -> {
                    LiveRow<Release> row = selectedRelease.get();
                    return row == null ? null : row.get();
                }, selectedRelease, live.releases()));
        this.summary = Bindings.createStringBinding(() -> messages.format("bells.summary",
                live.releases().stream().filter(r -> r.get().gate() == Gate.BLOCKED).count(),
                live.bells().stream().filter(b -> b.get().status().blocks()).count(),
                live.bells().stream().filter(b -> b.get().overdue()).count()), live.releases(), live.bells());
        ReadOnlyObjectProperty<ConnectionStatus.State> stream = connection.streamProperty();
        this.linkText = Bindings.createStringBinding(
                () -> stream.get().behind() ? messages.get("bells.link.down") : "", stream);
    }

    /** "1 release blocked · 2 bells open · 1 overdue", for the header. */
    public StringBinding summaryProperty() {
        return summary;
    }

    /** The banner text while the live feed is down (steps are disabled then); empty while live. */
    public StringBinding linkTextProperty() {
        return linkText;
    }

    private boolean shows(Bell bell) {
        LiveRow<Release> release = selectedRelease.get();
        return filter.get().test(bell) && (release == null || release.id().equals(bell.releaseId()));
    }

    private void refilter() {
        filteredBells.setPredicate(row -> shows(row.get()));
    }

    private void readLinkedIssues(String releaseId) {
        int generation = ++linkedGeneration;
        linkedIssues.clear();
        linkedError.set("");
        if (releaseId == null) {
            return;
        }
        executor.execute(() -> backend.bells().release(releaseId), detail -> {
            if (generation == linkedGeneration) {
                connection.reportSuccess();
                linkedIssues.setAll(detail.linkedIssues() == null ? List.of() : detail.linkedIssues());
                if (detail.bells() != null) {
                    detail.bells().forEach(live::put);
                }
            }
        }, failure -> {
            if (generation == linkedGeneration) {
                connection.reportFailure(failure);
                linkedError.set(errors.describe(failure));
            }
        });
    }

    /**
     * Reads the selected bell's evidence issues, so the detail names them rather than their ids. An issue the user
     * may not see (another manager's merchant) answers 404 and is left out; the count still says how many there are.
     */
    private void readEvidence(Bell bell) {
        int generation = ++evidenceGeneration;
        evidence.clear();
        evidenceHidden.set(0);
        if (bell == null) {
            return;
        }
        List<String> ids = List.copyOf(bell.evidenceIssueIds());
        executor.execute(() -> {
            List<Issue> found = new ArrayList<>();
            for (String id : ids) {
                try {
                    found.add(backend.issues().issue(id));
                } catch (BackendException e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                }
            }
            return found;
        }, found -> {
            if (generation == evidenceGeneration) {
                evidenceHidden.set(ids.size() - found.size());
                evidence.setAll(found);
            }
        }, connection::reportFailure);
    }

    /** How many of the selected bell's evidence issues the user's role may not see (a product owner's, often all). */
    public ReadOnlyIntegerProperty evidenceHiddenProperty() {
        return evidenceHidden.getReadOnlyProperty();
    }

    /** The selected bell's evidence issues that the user may see. */
    public ObservableList<Issue> evidence() {
        return evidence;
    }

    /** Reads everything again (the error pane's retry). */
    public void retry() {
        live.load();
    }

    public BellText text() {
        return text;
    }

    public BellActions actions() {
        return actions;
    }

    public ReleaseActions releaseActions() {
        return releaseActions;
    }

    public BellMetricsViewModel metrics() {
        return metrics;
    }

    public ObservableValue<Instant> nowProperty() {
        return now;
    }

    /** The releases, blocked ones first. */
    public ObservableList<LiveRow<Release>> releases() {
        return releases;
    }

    public ObjectProperty<LiveRow<Release>> selectedReleaseProperty() {
        return selectedRelease;
    }

    /** The issues that name the selected release. */
    public ObservableList<Issue> linkedIssues() {
        return linkedIssues;
    }

    /** Why the selected release's issues could not be read; empty otherwise. */
    public ReadOnlyStringProperty linkedErrorProperty() {
        return linkedError.getReadOnlyProperty();
    }

    public ObjectProperty<BellFilter> filterProperty() {
        return filter;
    }

    /** The board: the bells that pass the filter, overdue first. */
    public ObservableList<LiveRow<Bell>> bells() {
        return bells;
    }

    public ObjectProperty<LiveRow<Bell>> selectedBellRowProperty() {
        return selectedBellRow;
    }

    /** The selected bell as it is now; null with none selected. */
    public ObjectBinding<Bell> selectedBellProperty() {
        return selectedBell;
    }

    public ReadOnlyObjectProperty<ScreenState> stateProperty() {
        return live.stateProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return live.errorProperty();
    }
}
