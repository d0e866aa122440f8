package io.lineone.client.queue;

import io.lineone.api.EventTypes;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Merchant;
import io.lineone.api.Priority;
import io.lineone.api.User;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.Messages;
import io.lineone.client.common.SearchText;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.common.UiScheduler;
import io.lineone.client.net.Backend;
import io.lineone.client.net.BackendException;
import io.lineone.client.net.EventStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * State and commands of the live issue queue.
 *
 * <p>Data flow: the list is loaded over HTTP, then kept current by the event stream. Stream callbacks arrive
 * on the stream's threads and only put the issue into a concurrent inbox; once per frame the UI thread drains
 * the inbox, keeps the newest version of each issue and applies everything to the backing list as one change
 * ({@link IssueRows#apply}). Rows are upserted in place, so the table keeps its selection.
 *
 * <p>After every (re)connection the list is read again and merged by version, which closes any gap the event
 * ids cannot reveal. While the stream is down the last queue stays visible "as of" the moment it was last
 * known current, and actions are disabled with the reason given.
 *
 * <p>Everything here but {@link #listener()}'s callbacks runs on the UI thread.
 */
public final class IssueQueueViewModel implements AutoCloseable {

    /** What the screen shows instead of, or as, the table. */
    public enum State {
        LOADING,
        ERROR,
        EMPTY,
        READY
    }

    /** The live feed, as far as this screen is concerned. */
    public enum Link {
        CONNECTING,
        LIVE,
        RECONNECTING,
        OFFLINE,
        /** The server refused the stream for good (the session ended). */
        STOPPED
    }

    /** The kind of the one-line notice above the table. */
    public enum NoticeKind {
        NONE,
        INFO,
        /** Someone else changed the issue; it was reloaded. */
        STALE,
        ERROR
    }

    /** Told about every issue event applied to the queue, at the moment it was applied (UI thread). */
    public interface AppliedListener {
        void applied(Issue issue, Instant appliedAt);
    }

    /** Raises the alarm for a new P1 of this manager's merchants (UI thread). */
    public interface UrgentIssueAlert {
        void newUrgentIssue(Issue issue);
    }

    /** How long a new P1's row stays highlighted. */
    static final Duration HIGHLIGHT = Duration.ofSeconds(6);
    private static final Duration TICK = Duration.ofSeconds(1);

    static final Comparator<IssueRow> BY_URGENCY = Comparator
            .comparing((IssueRow row) -> row.issue().priority())
            .thenComparing(row -> Sla.dueAt(row.issue()))
            .thenComparing(row -> row.issue().createdAt())
            .thenComparing(IssueRow::id);
    static final Comparator<IssueRow> BY_MONEY = Comparator
            .comparingLong((IssueRow row) -> row.issue().moneyAtRiskCents()).reversed()
            .thenComparing(BY_URGENCY);

    private final Backend backend;
    private final TaskExecutor executor;
    private final UiScheduler ui;
    private final Messages messages;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final Clock clock;
    private final DateTimeFormatter timeOfDay;
    private final User me;
    private final UrgentIssueAlert alert;
    private AppliedListener appliedListener;

    // The queue: backing rows by id, filtered, then sorted.
    private final IssueRows rows = new IssueRows();
    private final Map<String, IssueRow> byId = new HashMap<>();
    /** Versions of issues that left the queue, so a late, older event cannot bring them back. */
    private final Map<String, Long> goneVersions = new HashMap<>();
    private final FilteredList<IssueRow> filtered = new FilteredList<>(rows);
    private final SortedList<IssueRow> sorted = new SortedList<>(filtered, BY_URGENCY);

    // The stream's hand-off: filled on its threads, drained once per frame.
    private final ConcurrentLinkedQueue<Incoming> inbox = new ConcurrentLinkedQueue<>();
    private final UiScheduler.Throttle drainThrottle;
    private final EventStream.Listener listener = new StreamListener();
    private EventStream stream;
    private UiScheduler.Repeating ticker;

    // Filters and order.
    private final ObjectProperty<AssigneeChoice> assignee = new SimpleObjectProperty<>(AssigneeChoice.ALL);
    private final ObjectProperty<StatusChoice> status = new SimpleObjectProperty<>(StatusChoice.OPEN);
    private final ObjectProperty<FilterChoice<IssueCategory>> category = new SimpleObjectProperty<>(FilterChoice.any());
    private final ObjectProperty<FilterChoice<Priority>> priority = new SimpleObjectProperty<>(FilterChoice.any());
    private final StringProperty query = new SimpleStringProperty("");
    private final BooleanProperty orderByMoney = new SimpleBooleanProperty(false);
    private Backend.IssueQuery scope = Backend.IssueQuery.OPEN;

    // Screen state.
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Link> link = new ReadOnlyObjectWrapper<>(Link.CONNECTING);
    private final ReadOnlyObjectWrapper<Instant> asOf = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> now;
    private final ReadOnlyIntegerWrapper openBreaches = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<NoticeKind> noticeKind = new ReadOnlyObjectWrapper<>(NoticeKind.NONE);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final StringBinding countText;
    private final StringBinding linkText;
    private final BooleanBinding actionsAvailable;

    // Selection and the actions on it.
    private final ObjectProperty<IssueRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Issue> selectedIssue = new ReadOnlyObjectWrapper<>();
    private final ChangeListener<Issue> followSelected = (obs, old, now) -> selectedIssue.set(now);
    private final BooleanBinding canClaim;
    private final BooleanBinding canAcknowledge;
    private final BooleanBinding canWait;
    private final BooleanBinding canResolve;
    private final StringBinding unavailableReason;

    // The resolve dialog and its draft, kept for its issue until it is sent or another issue's is begun.
    private final ReadOnlyBooleanWrapper resolving = new ReadOnlyBooleanWrapper();
    private final StringProperty rootCause = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper resolveError = new ReadOnlyStringWrapper("");
    private String draftIssueId;

    // The detail drawer.
    private final ReadOnlyBooleanWrapper detailOpen = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<IssueDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper detailError = new ReadOnlyStringWrapper("");

    // Answers to an older load or detail request are dropped when a newer one was asked for.
    private int loadGeneration;
    private int detailGeneration;
    /** Issues changed by events since the running reload was asked for; the reload must not undo them. */
    private final Set<String> touchedSinceReload = new HashSet<>();
    private boolean closed;

    public IssueQueueViewModel(Backend backend, TaskExecutor executor, UiScheduler ui, Messages messages,
                               ConnectionStatus connection, Clock clock, ZoneId zone, User me,
                               UrgentIssueAlert alert) {
        this.backend = backend;
        this.executor = executor;
        this.ui = ui;
        this.messages = messages;
        this.errors = new ErrorMessages(messages);
        this.connection = connection;
        this.clock = clock;
        this.timeOfDay = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        this.me = me;
        this.alert = alert;
        this.now = new ReadOnlyObjectWrapper<>(clock.instant());
        this.drainThrottle = ui.throttle(this::drain);

        for (Observable filter : List.<Observable>of(assignee, category, priority, query)) {
            filter.addListener(o -> refilter());
        }
        status.addListener((obs, old, choice) -> statusChanged(choice));
        orderByMoney.addListener((obs, old, money) -> sorted.setComparator(money ? BY_MONEY : BY_URGENCY));

        countText = Bindings.createStringBinding(this::describeCount, filtered, rows);
        actionsAvailable = Bindings.createBooleanBinding(
                () -> (link.get() == Link.LIVE || link.get() == Link.CONNECTING) && !busy.get(), link, busy);
        linkText = Bindings.createStringBinding(this::describeLink, link, asOf);
        selected.addListener((obs, old, row) -> selectionChanged(old, row));
        canClaim = can(issue -> issue.status().isOpen() && issue.assigneeId() == null);
        canAcknowledge = can(issue -> issue.status() == IssueStatus.NEW);
        canWait = can(issue -> issue.status() == IssueStatus.ACKNOWLEDGED || issue.status() == IssueStatus.IN_PROGRESS);
        canResolve = can(issue -> issue.status().isOpen());
        unavailableReason = Bindings.createStringBinding(this::describeUnavailable, link, busy, selectedIssue);
    }

    private BooleanBinding can(Predicate<Issue> allowed) {
        return Bindings.createBooleanBinding(() -> actionsAvailable.get() && selectedIssue.get() != null
                && allowed.test(selectedIssue.get()), actionsAvailable, selectedIssue);
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    /** Opens the event stream, loads the queue and starts the one-second SLA clock. */
    public void start() {
        stream = backend.subscribe(null, listener);
        ticker = ui.every(TICK, this::tick);
        load();
    }

    @Override
    public void close() {
        closed = true;
        if (stream != null) {
            stream.close();
        }
        if (ticker != null) {
            ticker.close();
        }
    }

    /** For the benchmark's latency probe; null to stop. */
    public void setAppliedListener(AppliedListener listener) {
        this.appliedListener = listener;
    }

    /** The stream callbacks; exposed so tests can play the server. */
    EventStream.Listener listener() {
        return listener;
    }

    /** Reads the queue again and merges it with what events have brought meanwhile. */
    public void load() {
        int generation = ++loadGeneration;
        touchedSinceReload.clear();
        Backend.IssueQuery wanted = scope;
        if (rows.isEmpty()) {
            error.set("");
            state.set(State.LOADING);
        }
        Instant asked = clock.instant();
        executor.execute(() -> backend.allIssues(wanted), issues -> {
            if (generation == loadGeneration && !closed) {
                connection.reportSuccess();
                merge(issues, asked);
            }
        }, failure -> {
            if (generation == loadGeneration && !closed) {
                connection.reportFailure(failure);
                if (rows.isEmpty()) {
                    error.set(errors.describe(failure));
                    state.set(State.ERROR);
                }
            }
        });
    }

    /** The server's list is the truth, except for issues events changed after the list was asked for. */
    private void merge(List<Issue> loaded, Instant viewedAt) {
        List<IssueRow> added = new ArrayList<>();
        List<IssueRow> updated = new ArrayList<>();
        List<IssueRow> removed = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Issue issue : loaded) {
            if (!inScope(issue)) {
                continue;
            }
            present.add(issue.id());
            IssueRow row = byId.get(issue.id());
            if (row == null) {
                row = new IssueRow(issue, viewedAt);
                byId.put(issue.id(), row);
                goneVersions.remove(issue.id());
                added.add(row);
            } else if (issue.version() > row.version()
                    || (issue.version() != row.version() && !touchedSinceReload.contains(issue.id()))) {
                row.update(issue, viewedAt);
                updated.add(row);
            }
        }
        for (IssueRow row : byId.values()) {
            if (!present.contains(row.id()) && !touchedSinceReload.contains(row.id())) {
                removed.add(row);
            }
        }
        for (IssueRow row : removed) {
            byId.remove(row.id());
        }
        rows.apply(removed, updated, added);
        touchedSinceReload.clear();
        error.set("");
        afterChange();
    }

    // ------------------------------------------------------------------------------------------ live updates

    private final class StreamListener implements EventStream.Listener {

        @Override
        public void onOpen(EventStream.Opened how) {
            ui.runLater(() -> linkUp());
        }

        @Override
        public void onIssue(long eventId, String type, Issue issue) {
            accept(type, issue);
        }

        @Override
        public void onDown(boolean offline, Exception cause) {
            ui.runLater(() -> linkDown(offline ? Link.OFFLINE : Link.RECONNECTING));
        }

        @Override
        public void onStopped(BackendException reason) {
            ui.runLater(() -> linkDown(Link.STOPPED));
        }
    }

    /** Takes an issue event from any thread; it is applied with the others of its frame. */
    public void accept(String type, Issue issue) {
        inbox.add(new Incoming(type, issue));
        drainThrottle.request();
    }

    private record Incoming(String type, Issue issue) {
    }

    private void linkUp() {
        if (closed) {
            return;
        }
        link.set(Link.LIVE);
        asOf.set(null);
        connection.reportLive();
        // Whether first connection or reconnection, read the list again: it closes any gap in what was seen.
        load();
    }

    private void linkDown(Link why) {
        if (closed) {
            return;
        }
        if (link.get() == Link.LIVE || link.get() == Link.CONNECTING || asOf.get() == null) {
            asOf.set(clock.instant());
        }
        link.set(why);
        if (why == Link.STOPPED) {
            connection.reportSuccess();
        } else {
            connection.reportStreamDown(why == Link.OFFLINE);
        }
    }

    /** Applies everything the inbox holds as one change; runs once per frame. */
    void drain() {
        if (closed) {
            inbox.clear();
            return;
        }
        Map<String, Issue> newest = new LinkedHashMap<>();
        Set<String> created = new HashSet<>();
        Incoming next;
        while ((next = inbox.poll()) != null) {
            Issue issue = next.issue();
            Issue known = newest.get(issue.id());
            if (known == null || issue.version() > known.version()) {
                newest.put(issue.id(), issue);
            }
            if (EventTypes.ISSUE_CREATED.equals(next.type())) {
                created.add(issue.id());
            }
        }
        if (newest.isEmpty()) {
            return;
        }
        Instant appliedAt = clock.instant();
        List<IssueRow> added = new ArrayList<>();
        List<IssueRow> updated = new ArrayList<>();
        List<IssueRow> removed = new ArrayList<>();
        List<Issue> applied = new ArrayList<>(newest.size());
        List<Issue> urgent = new ArrayList<>();
        // Between two ticks "now" stands still, so only the rows this drain touches can change the breach count:
        // keep it by difference instead of re-reading every row 60 times a second.
        Instant at = now.get();
        int breachDelta = 0;
        for (Issue incoming : newest.values()) {
            touchedSinceReload.add(incoming.id());
            IssueRow row = byId.get(incoming.id());
            Instant viewedAt = incoming.updatedAt() != null ? incoming.updatedAt() : appliedAt;
            if (row == null) {
                Long gone = goneVersions.get(incoming.id());
                if ((gone != null && incoming.version() <= gone) || !inScope(incoming)) {
                    continue;
                }
                row = new IssueRow(incoming, viewedAt);
                byId.put(incoming.id(), row);
                added.add(row);
                breachDelta += breaching(row, at);
                if (created.contains(incoming.id()) && incoming.priority() == Priority.P1) {
                    row.highlightUntil(appliedAt.plus(HIGHLIGHT));
                    urgent.add(incoming);
                }
            } else if (incoming.version() > row.version()) {
                breachDelta -= breaching(row, at);
                if (inScope(incoming)) {
                    row.update(incoming, viewedAt);
                    updated.add(row);
                    breachDelta += breaching(row, at);
                } else {
                    byId.remove(row.id());
                    goneVersions.put(row.id(), incoming.version());
                    removed.add(row);
                }
            } else {
                continue;
            }
            applied.add(incoming);
        }
        rows.apply(removed, updated, added);
        showState();
        openBreaches.set(openBreaches.get() + breachDelta);
        AppliedListener probe = appliedListener;
        if (probe != null) {
            for (Issue done : applied) {
                probe.applied(done, appliedAt);
            }
        }
        for (Issue p1 : urgent) {
            alert.newUrgentIssue(p1);
        }
    }

    /** Puts one issue as the server just described it into the queue (after an action or a re-read). */
    private void upsertNow(Issue issue) {
        touchedSinceReload.add(issue.id());
        IssueRow row = byId.get(issue.id());
        Instant viewedAt = clock.instant();
        if (row == null) {
            if (inScope(issue)) {
                row = new IssueRow(issue, viewedAt);
                byId.put(issue.id(), row);
                rows.apply(List.of(), List.of(), List.of(row));
            }
        } else if (issue.version() > row.version()) {
            if (inScope(issue)) {
                row.update(issue, viewedAt);
                rows.apply(List.of(), List.of(row), List.of());
            } else {
                byId.remove(row.id());
                goneVersions.put(row.id(), issue.version());
                rows.apply(List.of(row), List.of(), List.of());
            }
        }
        afterChange();
    }

    private boolean inScope(Issue issue) {
        return scope == Backend.IssueQuery.ALL || issue.status().isOpen();
    }

    private void afterChange() {
        showState();
        countBreaches();
    }

    private void showState() {
        if (state.get() != State.ERROR || !rows.isEmpty()) {
            state.set(rows.isEmpty() ? State.EMPTY : State.READY);
        }
    }

    private static int breaching(IssueRow row, Instant at) {
        return row.issue().status().isOpen() && row.sla(at).breached() ? 1 : 0;
    }

    /** The one-second clock: countdowns, highlights, the breach count. */
    public void tick() {
        Instant at = clock.instant();
        now.set(at);
        for (IssueRow row : rows) {
            row.expireHighlight(at);
        }
        countBreaches();
    }

    private void countBreaches() {
        Instant at = now.get();
        int breaches = 0;
        for (IssueRow row : rows) {
            breaches += breaching(row, at);
        }
        openBreaches.set(breaches);
    }

    // -------------------------------------------------------------------------------------- filters and order

    private void statusChanged(StatusChoice choice) {
        Backend.IssueQuery wanted = choice.query();
        if (wanted != scope) {
            scope = wanted;
            load();
        }
        refilter();
    }

    private void refilter() {
        String[] terms = SearchText.terms(query.get());
        AssigneeChoice whose = assignee.get() == null ? AssigneeChoice.ALL : assignee.get();
        StatusChoice which = status.get() == null ? StatusChoice.OPEN : status.get();
        FilterChoice<IssueCategory> about = category.get() == null ? FilterChoice.any() : category.get();
        FilterChoice<Priority> urgency = priority.get() == null ? FilterChoice.any() : priority.get();
        filtered.setPredicate(row -> {
            Issue issue = row.issue();
            return whose.test(issue, me.id()) && which.test(issue.status()) && about.accepts(issue.category())
                    && urgency.accepts(issue.priority()) && row.matches(terms);
        });
    }

    // -------------------------------------------------------------------------------------------- selection

    private void selectionChanged(IssueRow old, IssueRow row) {
        if (old != null) {
            old.issueProperty().removeListener(followSelected);
        }
        if (row != null) {
            row.issueProperty().addListener(followSelected);
        }
        selectedIssue.set(row == null ? null : row.issue());
        if (detailOpen.get() && row != null) {
            loadDetail(row.issue());
        }
    }

    // -------------------------------------------------------------------------------------------- actions

    public void claim() {
        Issue issue = actionable(canClaim, "queue.action.claim");
        if (issue != null) {
            act(issue, () -> backend.claimIssue(issue.id(), issue.version()),
                    messages.format("queue.notice.claimed", issue.title()), null);
        }
    }

    public void acknowledge() {
        move(canAcknowledge, "queue.action.acknowledge", IssueStatus.ACKNOWLEDGED, "queue.notice.acknowledged");
    }

    public void waitOnMerchant() {
        move(canWait, "queue.action.wait", IssueStatus.WAITING_MERCHANT, "queue.notice.waiting");
    }

    private void move(BooleanBinding allowed, String actionKey, IssueStatus to, String doneKey) {
        Issue issue = actionable(allowed, actionKey);
        if (issue != null) {
            act(issue, () -> backend.updateIssue(issue.id(), new IssuePatch(to, null, null), issue.version()),
                    messages.format(doneKey, issue.title()), null);
        }
    }

    /** Opens the resolve dialog for the selected issue, with its unsent draft if there is one. */
    public void beginResolve() {
        Issue issue = actionable(canResolve, "queue.action.resolve");
        if (issue == null) {
            return;
        }
        if (!issue.id().equals(draftIssueId)) {
            draftIssueId = issue.id();
            rootCause.set(issue.rootCause() == null ? "" : issue.rootCause());
            note.set("");
        }
        resolveError.set("");
        resolving.set(true);
    }

    /** Sends the resolution; the draft is kept until the server took it. */
    public void confirmResolve() {
        IssueRow row = draftIssueId == null ? null : byId.get(draftIssueId);
        if (row == null) {
            resolveError.set(messages.get("queue.resolve.gone"));
            return;
        }
        String cause = rootCause.get() == null ? "" : rootCause.get().strip();
        if (cause.isEmpty()) {
            resolveError.set(messages.get("queue.resolve.rootCauseRequired"));
            return;
        }
        if (!actionsAvailable.get()) {
            resolveError.set(describeUnavailable());
            return;
        }
        Issue issue = row.issue();
        String text = note.get() == null || note.get().isBlank() ? null : note.get().strip();
        resolveError.set("");
        act(issue, () -> backend.updateIssue(issue.id(), new IssuePatch(IssueStatus.RESOLVED, text, cause),
                issue.version()), messages.format("queue.notice.resolved", issue.title()), resolveError);
    }

    /** Closes the dialog; the draft stays for when the same issue is resolved again. */
    public void cancelResolve() {
        resolving.set(false);
        resolveError.set("");
    }

    /** The selected issue if {@code allowed}; otherwise says why not and returns null. */
    private Issue actionable(BooleanBinding allowed, String actionKey) {
        Issue issue = selectedIssue.get();
        if (issue == null) {
            return null;
        }
        if (!allowed.get()) {
            String reason = actionsAvailable.get()
                    ? messages.format("queue.notice.notApplicable", messages.get(actionKey),
                    messages.get("issue.status." + issue.status().name()))
                    : describeUnavailable();
            showNotice(NoticeKind.INFO, reason);
            return null;
        }
        return issue;
    }

    /**
     * Runs one change against the server. Success puts the answer into the queue; a stale version reloads the
     * issue and says so; any failure is shown where the user is looking ({@code errorTarget}, or the notice).
     */
    private void act(Issue issue, Callable<Issue> call, String done, ReadOnlyStringWrapper errorTarget) {
        busy.set(true);
        executor.execute(call, answer -> {
            busy.set(false);
            connection.reportSuccess();
            if (errorTarget == resolveError) {
                draftIssueId = null;
                rootCause.set("");
                note.set("");
                resolving.set(false);
            }
            showNotice(NoticeKind.INFO, done);
            upsertNow(answer);
        }, failure -> {
            busy.set(false);
            connection.reportFailure(failure);
            if (failure instanceof BackendException e && e.kind() == BackendException.Kind.STALE) {
                String message = messages.format("queue.notice.stale", issue.title());
                showNotice(NoticeKind.STALE, message);
                if (errorTarget != null) {
                    errorTarget.set(message);
                }
                reloadIssue(issue.id());
                return;
            }
            String message = errors.describe(failure);
            if (errorTarget != null) {
                errorTarget.set(message);
            } else {
                showNotice(NoticeKind.ERROR, message);
            }
        });
    }

    private void reloadIssue(String id) {
        executor.execute(() -> backend.issue(id), this::upsertNow, connection::reportFailure);
    }

    private void showNotice(NoticeKind kind, String text) {
        noticeKind.set(kind);
        notice.set(text);
    }

    public void dismissNotice() {
        showNotice(NoticeKind.NONE, "");
    }

    // ------------------------------------------------------------------------------------------ detail drawer

    public void openDetail() {
        Issue issue = selectedIssue.get();
        if (issue == null) {
            return;
        }
        detailOpen.set(true);
        loadDetail(issue);
    }

    public void closeDetail() {
        detailOpen.set(false);
        detailGeneration++;
    }

    private void loadDetail(Issue issue) {
        int generation = ++detailGeneration;
        detailError.set("");
        detail.set(IssueDetail.pending(issue));
        executor.execute(() -> {
            Merchant merchant = backend.merchant(issue.merchantId());
            List<IssueHistoryEntry> history = backend.issueHistory(issue.id());
            return new IssueDetail(issue, merchant, history, false);
        }, loaded -> {
            if (generation == detailGeneration) {
                Issue current = selectedIssue.get() != null && selectedIssue.get().id().equals(issue.id())
                        ? selectedIssue.get() : issue;
                detail.set(new IssueDetail(current, loaded.merchant(), loaded.history(), false));
            }
        }, failure -> {
            if (generation == detailGeneration) {
                connection.reportFailure(failure);
                detail.set(new IssueDetail(issue, null, List.of(), false));
                detailError.set(errors.describe(failure));
            }
        });
    }

    // ------------------------------------------------------------------------------------------- formatting

    private String describeCount() {
        if (filtered.size() == rows.size()) {
            return messages.format("queue.count.all", rows.size());
        }
        return messages.format("queue.count.filtered", filtered.size(), rows.size());
    }

    private String describeLink() {
        Instant since = asOf.get();
        String time = since == null ? "" : timeOfDay.format(since);
        return switch (link.get()) {
            case CONNECTING, LIVE -> "";
            case RECONNECTING -> messages.format("queue.link.reconnecting", time);
            case OFFLINE -> messages.format("queue.link.offline", time);
            case STOPPED -> messages.format("queue.link.stopped", time);
        };
    }

    private String describeUnavailable() {
        return switch (link.get()) {
            case CONNECTING, LIVE -> busy.get() ? messages.get("queue.unavailable.busy") : "";
            case RECONNECTING, OFFLINE -> messages.get("queue.unavailable.offline");
            case STOPPED -> messages.get("queue.unavailable.stopped");
        };
    }

    /** ¥1,234.56 from fen. */
    public String money(long cents) {
        return messages.format("queue.money", BigDecimal.valueOf(cents, 2));
    }

    public String categoryLabel(IssueCategory value) {
        return value == null ? "" : messages.get("issue.category." + value.name());
    }

    public String statusLabel(IssueStatus value) {
        return value == null ? "" : messages.get("issue.status." + value.name());
    }

    public String assigneeLabel(Issue issue) {
        if (issue.assigneeId() == null) {
            return messages.get("queue.assignee.none");
        }
        return me.id().equals(issue.assigneeId()) ? messages.format("queue.assignee.me", issue.assigneeName())
                : issue.assigneeName();
    }

    /** The countdown cell's text. */
    /** How often and how long the resolution clock was paused for the merchant: a pause cannot quietly hide a breach. */
    public String pausesText(Issue issue) {
        if (issue.pauseCount() == 0) {
            return messages.get("queue.drawer.pauses.none");
        }
        String total = Sla.clock(Duration.ofSeconds(issue.pausedSeconds()));
        return issue.pausedSince() == null
                ? messages.format("queue.drawer.pauses.some", issue.pauseCount(), total)
                : messages.format("queue.drawer.pauses.running", issue.pauseCount(), total,
                        timeOfDay.format(issue.pausedSince()));
    }

    public String slaText(Sla sla) {
        return switch (sla.kind()) {
            case NONE -> "";
            default -> Sla.clock(sla.remaining());
        };
    }

    public String slaTooltip(Sla sla) {
        return switch (sla.kind()) {
            case NONE -> messages.get("queue.sla.none");
            case PAUSED -> messages.format("queue.sla.tooltip.paused", Sla.clock(sla.remaining()));
            default -> messages.get(sla.firstResponse() ? "queue.sla.tooltip.firstResponse"
                    : "queue.sla.tooltip.resolution");
        };
    }

    public String label(AssigneeChoice choice) {
        return messages.get(choice.labelKey());
    }

    public String label(StatusChoice choice) {
        return messages.get(choice.labelKey());
    }

    public String categoryChoiceLabel(FilterChoice<IssueCategory> choice) {
        return choice.value() == null ? messages.get("queue.filter.category.any") : categoryLabel(choice.value());
    }

    public String priorityChoiceLabel(FilterChoice<Priority> choice) {
        return choice.value() == null ? messages.get("queue.filter.priority.any") : choice.value().name();
    }

    /** One line of an issue's history: who did what. */
    public String historyLine(IssueHistoryEntry entry) {
        String who = entry.actorName() != null ? entry.actorName() : messages.get("queue.history.system");
        String what = switch (entry.action()) {
            case "created" -> messages.get("queue.history.created");
            case "claimed" -> messages.get("queue.history.claimed");
            case "status" -> messages.format("queue.history.status", statusLabel(entry.fromStatus()),
                    statusLabel(entry.toStatus()));
            case "rootCause" -> messages.format("queue.history.rootCause", entry.rootCause());
            case "note" -> messages.get("queue.history.note");
            default -> entry.action();
        };
        return messages.format("queue.history.line", timeOfDay.format(entry.at()), who, what);
    }

    /** The merchant card's one line: tier, region, lighthouse score. */
    public String merchantFacts(Merchant merchant) {
        return messages.format("queue.drawer.merchantFacts",
                merchant.tier() == null ? "" : messages.get("tier." + merchant.tier().name()),
                merchant.region() == null ? "" : merchant.region(), merchant.lighthouseScore());
    }

    public String time(Instant at) {
        return at == null ? "" : timeOfDay.format(at);
    }

    public List<FilterChoice<IssueCategory>> categoryChoices() {
        List<FilterChoice<IssueCategory>> choices = new ArrayList<>();
        choices.add(FilterChoice.any());
        for (IssueCategory value : IssueCategory.values()) {
            choices.add(new FilterChoice<>(value));
        }
        return choices;
    }

    public List<FilterChoice<Priority>> priorityChoices() {
        List<FilterChoice<Priority>> choices = new ArrayList<>();
        choices.add(FilterChoice.any());
        for (Priority value : Priority.values()) {
            choices.add(new FilterChoice<>(value));
        }
        return choices;
    }

    // ------------------------------------------------------------------------------------------- properties

    /** The rows that pass the filters, in queue order. */
    public ObservableList<IssueRow> visibleRows() {
        return sorted;
    }

    /** Every row loaded, unfiltered and unordered (for tests and the breach count). */
    ObservableList<IssueRow> allRows() {
        return rows;
    }

    public ObjectProperty<AssigneeChoice> assigneeProperty() {
        return assignee;
    }

    public ObjectProperty<StatusChoice> statusProperty() {
        return status;
    }

    public ObjectProperty<FilterChoice<IssueCategory>> categoryProperty() {
        return category;
    }

    public ObjectProperty<FilterChoice<Priority>> priorityProperty() {
        return priority;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public BooleanProperty orderByMoneyProperty() {
        return orderByMoney;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Link> linkProperty() {
        return link.getReadOnlyProperty();
    }

    /** When the queue was last known current; null while live. */
    public ReadOnlyObjectProperty<Instant> asOfProperty() {
        return asOf.getReadOnlyProperty();
    }

    /** The banner text while not live; empty while live. */
    public StringBinding linkTextProperty() {
        return linkText;
    }

    /** The shared clock of every countdown, moved once a second. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** Open issues past their SLA, for the status bar. */
    public ReadOnlyIntegerProperty openBreachesProperty() {
        return openBreaches.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NoticeKind> noticeKindProperty() {
        return noticeKind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public StringBinding countTextProperty() {
        return countText;
    }

    public BooleanBinding actionsAvailableProperty() {
        return actionsAvailable;
    }

    /** Why actions cannot run now (offline, busy); empty when they can. */
    public StringBinding unavailableReasonProperty() {
        return unavailableReason;
    }

    public ObjectProperty<IssueRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Issue> selectedIssueProperty() {
        return selectedIssue.getReadOnlyProperty();
    }

    public BooleanBinding canClaimProperty() {
        return canClaim;
    }

    public BooleanBinding canAcknowledgeProperty() {
        return canAcknowledge;
    }

    public BooleanBinding canWaitProperty() {
        return canWait;
    }

    public BooleanBinding canResolveProperty() {
        return canResolve;
    }

    public ReadOnlyBooleanProperty resolvingProperty() {
        return resolving.getReadOnlyProperty();
    }

    public StringProperty rootCauseProperty() {
        return rootCause;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyStringProperty resolveErrorProperty() {
        return resolveError.getReadOnlyProperty();
    }

    /** Root-cause tags offered in the resolve dialog; any other text is accepted too. */
    public List<String> rootCauseSuggestions() {
        return List.of("decimal-point-price", "coupon-stacking", "weight-unit", "release-regression",
                "inventory-sync", "cash-flow", "logistics-delay", "rules-misunderstood", "merchant-error", "duplicate");
    }

    public ReadOnlyBooleanProperty detailOpenProperty() {
        return detailOpen.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IssueDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailErrorProperty() {
        return detailError.getReadOnlyProperty();
    }
}
