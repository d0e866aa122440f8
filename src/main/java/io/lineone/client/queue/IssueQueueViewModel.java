package io.lineone.client.queue;

import io.lineone.api.Bell;
import io.lineone.api.Issue;
import io.lineone.api.Release;
import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.IssueLinks;
import io.lineone.client.common.Messages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * The issue queue screen over the session's {@link LiveIssues}: which rows it shows ({@link #filters()}), what
 * can be done to the selected one ({@link #actions()}, {@link #resolve()}), the detail drawer ({@link #detail()}),
 * and the banner while the live feed is down. Built when the screen is first shown; UI thread only.
 */
public final class IssueQueueViewModel {

    private final LiveIssues issues;
    private final IssueText text;
    private final QueueFilters filters;
    private final IssueActions actions;
    private final ResolveDialogViewModel resolve;
    private final IssueDetailViewModel detail;
    private final PullBellViewModel pullBell;
    private final BulkTriage bulk;
    private final ManageDialogViewModel manage;
    private final NewIssueViewModel newIssue;
    private final TeamLoadViewModel team;
    private final Backend backend;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ConnectionStatus connection;
    private final User me;
    private ConversationViewModel conversation;
    private final IssueFixes fixes;
    /** A supervisor's or an admin's queue holds every merchant's issues, not a book of their own. */
    private final boolean wholeTeam;

    private final ObjectProperty<IssueRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<IssueRow> reveal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Issue> selectedIssue = new ReadOnlyObjectWrapper<>();
    private final ChangeListener<Issue> followSelected = (obs, old, now) -> selectedIssue.set(now);
    private final StringBinding linkText;

    /** A queue whose bell dialog offers no release (a test's, without the session's releases). */
    public IssueQueueViewModel(LiveIssues issues, Backend backend, TaskExecutor executor, Messages messages,
                               ConnectionStatus connection, IssueText text, User me) {
        this(issues, backend, executor, messages, connection, text, me, List::of, bell -> { });
    }

    /**
     * @param releases the releases a bell may be pulled on, as known now
     * @param pulled   told of each bell pulled from here
     */
    public IssueQueueViewModel(LiveIssues issues, Backend backend, TaskExecutor executor, Messages messages,
                               ConnectionStatus connection, IssueText text, User me,
                               Supplier<List<Release>> releases, Consumer<Bell> pulled) {
        this.issues = issues;
        this.text = text;
        this.backend = backend;
        this.executor = executor;
        this.messages = messages;
        this.connection = connection;
        this.me = me;
        this.wholeTeam = me.role() == Role.SUPERVISOR || me.role() == Role.ADMIN;
        // The selected issue follows its row's newer versions; the parts below read it from here.
        selected.addListener((obs, old, row) -> {
            if (old != null) {
                old.issueProperty().removeListener(followSelected);
            }
            if (row != null) {
                row.issueProperty().addListener(followSelected);
            }
            selectedIssue.set(row == null ? null : row.issue());
        });
        this.filters = new QueueFilters(issues, me.id(), text);
        this.actions = new IssueActions(issues, backend, executor, messages, connection, text,
                selectedIssue.getReadOnlyProperty());
        this.bulk = new BulkTriage(issues, backend, executor, messages, connection, actions);
        this.resolve = new ResolveDialogViewModel(actions, issues, messages, bulk);
        this.manage = new ManageDialogViewModel(issues, backend, executor, messages, connection, actions, text,
                selectedIssue::get);
        this.newIssue = new NewIssueViewModel(issues, backend, executor, messages, connection, actions,
                wholeTeam ? backend.merchants()::allVisibleMerchants : backend.merchants()::allMyMerchants);
        this.team = new TeamLoadViewModel(issues, backend, executor, new ErrorMessages(messages), connection,
                filters, text);
        this.detail = new IssueDetailViewModel(backend, executor, new ErrorMessages(messages), connection, text,
                selected, selectedIssue.getReadOnlyProperty());
        this.pullBell = new PullBellViewModel(backend, executor, messages, connection, text, releases, pulled,
                line -> actions.tell(IssueActions.NoticeKind.INFO, line));
        this.fixes = new IssueFixes(backend, executor, messages, connection,
                line -> actions.tell(IssueActions.NoticeKind.INFO, line));
        // The drawer's fix buttons follow the issue it shows, and its newer versions (a fix changes the issue too).
        detail.detailProperty().addListener((obs, old, now) -> fixes.show(now == null ? null : now.issue()));
        detail.openProperty().addListener((obs, was, open) -> {
            if (!open) {
                fixes.show(null);
            }
        });
        ReadOnlyObjectProperty<ConnectionStatus.State> stream = connection.streamProperty();
        linkText = Bindings.createStringBinding(() -> text.link(stream.get(), issues.asOfProperty().get()),
                stream, issues.asOfProperty());
    }

    /** Shows each issue {@code links} asks for (a notification's click), the one waiting already included. */
    public void showAskedFor(IssueLinks links) {
        links.wantedProperty().addListener((obs, old, id) -> {
            if (id != null) {
                show(links.take());
            }
        });
        String waiting = links.take();
        if (waiting != null) {
            show(waiting);
        }
    }

    /** Asks the view to select the issue and open its drawer; filters that would hide it are cleared first. */
    void show(String issueId) {
        IssueRow row = issues.find(issueId);
        if (row == null) {
            // Not open (resolved since, or found by its id): the queue widens to every status and narrows to it.
            filters.reset();
            filters.statusProperty().set(StatusChoice.ALL);
            filters.queryProperty().set(issueId);
            return;
        }
        if (!filters.visibleRows().contains(row)) {
            filters.reset();
        }
        reveal.set(null);
        reveal.set(row);
    }

    /** The row the view should select and open in the drawer; null when nothing is asked. */
    public ReadOnlyObjectProperty<IssueRow> revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    /** The assignee filter's wording; "all my merchants" is "all merchants" for the whole team's queue. */
    public String assigneeLabel(AssigneeChoice choice) {
        return choice == AssigneeChoice.ALL && wholeTeam ? text.messages().get("queue.filter.assignee.all.team")
                : text.label(choice);
    }

    /** What the empty queue says. */
    public String emptyText() {
        return text.messages().get(wholeTeam ? "queue.empty.body.team" : "queue.empty.body");
    }

    public QueueFilters filters() {
        return filters;
    }

    /** Claims the selected issues: all of them when several are selected. */
    public void claim() {
        if (bulk.severalProperty().get()) {
            bulk.claim();
        } else {
            actions.claim();
        }
    }

    /** Acknowledges the selected issues: all of them when several are selected. */
    public void acknowledge() {
        if (bulk.severalProperty().get()) {
            bulk.acknowledge();
        } else {
            actions.acknowledge();
        }
    }

    /** Claim may be pressed: for the one issue, or for several while live. */
    public BooleanBinding canClaimProperty() {
        return actions.canClaimProperty().or(bulk.severalProperty().and(actions.availableProperty()));
    }

    public BooleanBinding canAcknowledgeProperty() {
        return actions.canAcknowledgeProperty().or(bulk.severalProperty().and(actions.availableProperty()));
    }

    public BooleanBinding canResolveProperty() {
        return actions.canResolveProperty().or(bulk.severalProperty().and(actions.availableProperty()));
    }

    /** Whether this queue is the whole team's (a supervisor's, an admin's): it shows the managers' load. */
    public boolean wholeTeam() {
        return wholeTeam;
    }

    public BulkTriage bulk() {
        return bulk;
    }

    public ManageDialogViewModel manage() {
        return manage;
    }

    public NewIssueViewModel newIssue() {
        return newIssue;
    }

    public TeamLoadViewModel team() {
        return team;
    }

    public IssueActions actions() {
        return actions;
    }

    public ResolveDialogViewModel resolve() {
        return resolve;
    }

    public IssueDetailViewModel detail() {
        return detail;
    }

    /**
     * The drawer's conversation with the merchant and its internal notes, built the first time it is asked for (the
     * drawer's view asks when it is built): it follows the drawer — the issue it shows while open, none while closed.
     */
    public ConversationViewModel conversation() {
        if (conversation == null) {
            ObservableValue<Issue> inDrawer = Bindings.createObjectBinding(() -> detail.openProperty().get()
                    && detail.detailProperty().get() != null ? detail.detailProperty().get().issue() : null,
                    detail.openProperty(), detail.detailProperty());
            conversation = new ConversationViewModel(backend, executor, new ErrorMessages(messages), connection,
                    issues.conversations(), new ConversationText(messages, ZoneId.systemDefault()), me, inDrawer);
        }
        return conversation;
    }

    /** The pull-the-bell dialog. */
    public PullBellViewModel pullBell() {
        return pullBell;
    }

    /** The one-click fixes: F on the selected issue, the drawer's fix buttons. */
    public IssueFixes fixes() {
        return fixes;
    }

    /** F: the fix for the selected issue. */
    public void fixSelected() {
        fixes.fix(selectedIssue.get());
    }

    public IssueText text() {
        return text;
    }

    /** Reads the queue again (the error pane's retry). */
    public void retry() {
        issues.load();
    }

    /** The rows that pass the filters, in queue order. */
    public ObservableList<IssueRow> visibleRows() {
        return filters.visibleRows();
    }

    public ReadOnlyObjectProperty<ScreenState> stateProperty() {
        return issues.stateProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return issues.errorProperty();
    }

    /** The banner text while the live feed is down; empty while live. */
    public StringBinding linkTextProperty() {
        return linkText;
    }

    /** The shared clock of every countdown. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return issues.nowProperty();
    }

    public ObjectProperty<IssueRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Issue> selectedIssueProperty() {
        return selectedIssue.getReadOnlyProperty();
    }
}
