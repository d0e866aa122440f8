package io.lineone.client.queue;

import io.lineone.api.Issue;
import io.lineone.api.Merchant;
import io.lineone.api.Priority;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.common.UiScheduler;
import io.lineone.client.net.Backend;
import io.lineone.client.net.IssuesApi;
import io.lineone.client.net.EventStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * The signed-in session's issues, kept current: read over HTTP once the event stream is open, then moved by its
 * events. The wiring makes one per sign-in and runs it whether or not the queue is on screen, because the status
 * bar counts its breaches and a new P1 raises the alarm.
 *
 * <p>Every change, whatever brought it (the list, a frame's events, an action's answer), goes through
 * {@link #apply}, as one change of the rows: a newer version of an issue wins, and a row is updated in place, so
 * tables keep their selection. The stream's callbacks only fill an inbox; the UI thread empties it once a frame.
 *
 * <p>The list is read again only when the stream may have missed events: when it opens afresh, not when it
 * resumes from the last event id (the server replays what was missed then). Everything here but the stream's
 * callbacks runs on the UI thread.
 */
public final class LiveIssues implements AutoCloseable {

    /** How long a new P1's row stays highlighted. */
    static final Duration HIGHLIGHT = Duration.ofSeconds(6);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final Backend backend;
    private final TaskExecutor executor;
    private final UiScheduler ui;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final Clock clock;
    private final IssueNews news;

    private final IssueRows rows = new IssueRows();
    private final Map<String, IssueRow> byId = new HashMap<>();
    private final IssueVersions versions = new IssueVersions();
    private IssuesApi.IssueQuery scope = IssuesApi.IssueQuery.OPEN;
    /** A manager's own queue: an issue handed to another manager leaves it. Null keeps every issue seen. */
    private String queueOf;

    private final IssueFeed feed;
    private final LiveConversations conversations;
    private EventStream stream;
    private UiScheduler.Repeating ticker;

    private final ReadOnlyObjectWrapper<ScreenState> state = new ReadOnlyObjectWrapper<>(ScreenState.LOADING);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Instant> now;
    private final ReadOnlyIntegerWrapper openBreaches = new ReadOnlyIntegerWrapper();

    // An answer to an older read is dropped when a newer one was asked for.
    private int readGeneration;
    private boolean read;
    private boolean closed;

    public LiveIssues(Backend backend, TaskExecutor executor, UiScheduler ui, ErrorMessages errors,
                      ConnectionStatus connection, Clock clock, UrgentIssueAlert alert) {
        this.backend = backend;
        this.executor = executor;
        this.ui = ui;
        this.errors = errors;
        this.connection = connection;
        this.clock = clock;
        this.news = new IssueNews(alert);
        this.now = new ReadOnlyObjectWrapper<>(clock.instant());
        this.feed = new IssueFeed(ui, connection, clock, this::apply, this::streamOpened, this::streamDown);
        this.conversations = new LiveConversations(ui);
        feed.alsoTell(conversations);
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    /** Opens the event stream (the list is read once it is open) and starts the one-second SLA clock. */
    public void start() {
        stream = backend.subscribe(null, feed);
        connection.reconnectWith(stream::reconnectNow);
        ticker = ui.every(TICK, this::tick);
    }

    @Override
    public void close() {
        closed = true;
        feed.close();
        conversations.close();
        if (stream != null) {
            stream.close();
        }
        if (ticker != null) {
            ticker.close();
        }
    }

    /**
     * Hands the stream's other events (bells, releases, messages), and its opens and drops, to {@code listener}
     * too; before {@link #start}.
     */
    public void alsoTell(EventStream.Listener listener) {
        feed.alsoTell(listener);
    }

    /** The issues' conversations with their merchants, heard on the same stream. */
    public LiveConversations conversations() {
        return conversations;
    }

    /** For the benchmark's latency probe; null to stop. */
    public void setAppliedListener(AppliedListener listener) {
        news.probeWith(listener);
    }

    /** Tells {@code listener} of every batch from now on; returns what stops it. UI thread. */
    public Runnable onIssues(IssuesListener listener) {
        return news.onIssues(listener);
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** Reads the list again and merges it with what events have brought meanwhile. */
    public void load() {
        int generation = ++readGeneration;
        read = true;
        versions.readFromNow();
        IssuesApi.IssueQuery wanted = scope;
        if (rows.isEmpty()) {
            error.set("");
            state.set(ScreenState.LOADING);
        }
        Instant asked = clock.instant();
        executor.execute(() -> backend.issues().allIssues(wanted), issues -> {
            if (generation == readGeneration && !closed) {
                connection.reportSuccess();
                error.set("");
                apply(IssueBatch.list(issues, asked));
            }
        }, failure -> {
            if (generation == readGeneration && !closed) {
                connection.reportFailure(failure);
                if (rows.isEmpty()) {
                    error.set(errors.describe(failure));
                    state.set(ScreenState.ERROR);
                }
            }
        });
    }

    /** Keeps resolved issues too ({@link IssuesApi.IssueQuery#ALL}) or only open ones; a change reads the list. */
    void scope(IssuesApi.IssueQuery wanted) {
        if (wanted != scope) {
            scope = wanted;
            load();
        }
    }

    /**
     * Keeps only the issues in this manager's queue: one transferred to another manager leaves it, even though its
     * merchant is still theirs (the server sends the old queue that last event too). Before {@link #start}.
     */
    public void keepQueueOf(String managerId) {
        this.queueOf = managerId;
    }

    /** One issue as the server just described it (an action's answer). */
    void put(Issue issue) {
        apply(IssueBatch.answer(issue, clock.instant()));
    }

    /** Reads one issue again (someone else changed it). */
    void reload(String id) {
        executor.execute(() -> backend.issues().issue(id), this::put, connection::reportFailure);
    }

    /** The row of an issue in the queue, or null. */
    IssueRow find(String id) {
        return byId.get(id);
    }

    // ----------------------------------------------------------------------------------------- the event stream

    private void streamOpened(EventStream.Opened how) {
        // Read after the stream is open, so no change can fall between the list and the first event. A resumed
        // stream replays what it missed; only one that starts afresh may have lost events.
        if (how != EventStream.Opened.RESUMED) {
            load();
        }
    }

    private void streamDown() {
        // Without a stream the list is still worth showing (or its error): read it rather than wait.
        if (!read) {
            load();
        }
    }

    // ------------------------------------------------------------------------------------------ the one path

    /** Puts a batch into the rows as one change, and keeps the breach count, highlights and alarms with it. */
    void apply(IssueBatch batch) {
        if (closed) {
            return;
        }
        boolean list = batch.source() == IssueBatch.Source.LIST;
        news.heard(batch.issues(), list);
        Instant appliedAt = clock.instant();
        // Between two ticks "now" stands still, so only the rows a batch touches can change the breach count: keep
        // it by difference instead of re-reading every row up to 60 times a second.
        Instant at = now.get();
        int breachDelta = 0;
        List<IssueRow> added = new ArrayList<>();
        List<IssueRow> updated = new ArrayList<>();
        List<IssueRow> removed = new ArrayList<>();
        List<Issue> applied = new ArrayList<>();
        List<Issue> urgent = new ArrayList<>();
        List<Issue> handed = new ArrayList<>();
        Set<String> listed = list ? new HashSet<>() : Set.of();
        for (Issue issue : batch.issues()) {
            String id = issue.id();
            if (list) {
                listed.add(id);
            } else {
                versions.touched(id);
            }
            IssueRow row = byId.get(id);
            if (!versions.accepts(list, row, issue)) {
                continue;
            }
            Instant viewedAt = batch.describedAt(issue, appliedAt);
            if (row != null) {
                breachDelta -= breaching(row, at);
                if (inScope(issue)) {
                    row.update(issue, viewedAt);
                    updated.add(row);
                    breachDelta += breaching(row, at);
                } else {
                    byId.remove(id);
                    versions.left(id, issue.version());
                    removed.add(row);
                }
            } else if (inScope(issue)) {
                row = new IssueRow(issue, viewedAt);
                byId.put(id, row);
                versions.back(id);
                added.add(row);
                breachDelta += breaching(row, at);
                if (batch.created().contains(id) && issue.priority() == Priority.P1) {
                    row.highlightUntil(appliedAt.plus(HIGHLIGHT));
                    urgent.add(issue);
                } else if (cameFromAnotherQueue(batch, issue)) {
                    handed.add(issue);
                }
            } else {
                continue;
            }
            applied.add(issue);
        }
        if (list) {
            // The list is the truth about what is in the queue, except for issues events changed since it was asked.
            for (IssueRow row : List.copyOf(byId.values())) {
                if (!listed.contains(row.id()) && !versions.touchedSinceRead(row.id())) {
                    byId.remove(row.id());
                    removed.add(row);
                    breachDelta -= breaching(row, at);
                }
            }
            versions.readFromNow();
        }
        rows.apply(removed, updated, added);
        showState();
        openBreaches.set(openBreaches.get() + breachDelta);
        news.applied(batch.source() == IssueBatch.Source.EVENTS, applied, appliedAt, urgent, handed);
    }

    /**
     * Merchants as {@code merchant.updated} describes them (UI thread). In a manager's queue, a merchant moved to
     * another manager takes its issues with it, and one moved in brings its open issues (the list is read again
     * when the merchant has more open issues than the queue holds).
     */
    public void merchantsChanged(Collection<Merchant> merchants) {
        if (queueOf == null || closed) {
            return;
        }
        MerchantMoves moves = MerchantMoves.of(queueOf, merchants, List.copyOf(byId.values()));
        if (!moves.leaving().isEmpty()) {
            int breachDelta = 0;
            for (IssueRow row : moves.leaving()) {
                byId.remove(row.id());
                versions.left(row.id(), row.version());
                breachDelta -= breaching(row, now.get());
            }
            rows.apply(moves.leaving(), List.of(), List.of());
            openBreaches.set(openBreaches.get() + breachDelta);
            showState();
        }
        if (moves.readAgain()) {
            load();
        }
    }

    /** An update, not a creation, that brings an issue into this manager's queue assigned to them: handed over. */
    private boolean cameFromAnotherQueue(IssueBatch batch, Issue issue) {
        return queueOf != null && batch.source() == IssueBatch.Source.EVENTS && !batch.created().contains(issue.id())
                && queueOf.equals(issue.managerId()) && queueOf.equals(issue.assigneeId());
    }

    private boolean inScope(Issue issue) {
        if (queueOf != null && issue.managerId() != null && !queueOf.equals(issue.managerId())) {
            return false;
        }
        return scope == IssuesApi.IssueQuery.ALL || issue.status().isOpen();
    }

    private void showState() {
        if (state.get() != ScreenState.ERROR || !rows.isEmpty()) {
            state.set(rows.isEmpty() ? ScreenState.EMPTY : ScreenState.READY);
        }
    }

    private static int breaching(IssueRow row, Instant at) {
        return row.issue().status().isOpen() && row.sla(at).breached() ? 1 : 0;
    }

    /** The one-second clock: countdowns, highlights, the breach count. */
    void tick() {
        Instant at = clock.instant();
        now.set(at);
        int breaches = 0;
        for (IssueRow row : rows) {
            row.expireHighlight(at);
            breaches += breaching(row, at);
        }
        openBreaches.set(breaches);
    }

    // ------------------------------------------------------------------------------------------- properties

    /** Every row, unfiltered and unordered; changed only by {@link #apply}. */
    public ObservableList<IssueRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<ScreenState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why the first read failed; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** When the rows were last known current; null while the stream is open. */
    public ReadOnlyObjectProperty<Instant> asOfProperty() {
        return feed.asOfProperty();
    }

    /** The shared clock of every countdown, moved once a second. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** Open issues past their SLA, for the status bar. */
    public ReadOnlyIntegerProperty openBreachesProperty() {
        return openBreaches.getReadOnlyProperty();
    }
}
