package io.lineone.client.queue;

import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.Priority;
import io.lineone.client.common.SearchText;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * What of the live issues the queue shows, and in which order. Filters and search work in memory; only a status
 * choice that needs resolved issues widens what the live issues keep (and read).
 */
public final class QueueFilters {

    /** Most urgent first: priority, then the SLA due time, then age. */
    static final Comparator<IssueRow> BY_URGENCY = Comparator
            .comparing((IssueRow row) -> row.issue().priority())
            .thenComparing(row -> Sla.dueAt(row.issue()))
            .thenComparing(row -> row.issue().createdAt())
            .thenComparing(IssueRow::id);
    static final Comparator<IssueRow> BY_MONEY = Comparator
            .comparingLong((IssueRow row) -> row.issue().moneyAtRiskCents()).reversed()
            .thenComparing(BY_URGENCY);

    private final String myId;
    private final ObjectProperty<AssigneeChoice> assignee = new SimpleObjectProperty<>(AssigneeChoice.ALL);
    private final ObjectProperty<StatusChoice> status = new SimpleObjectProperty<>(StatusChoice.OPEN);
    private final ObjectProperty<FilterChoice<IssueCategory>> category = new SimpleObjectProperty<>(FilterChoice.any());
    private final ObjectProperty<FilterChoice<Priority>> priority = new SimpleObjectProperty<>(FilterChoice.any());
    private final StringProperty query = new SimpleStringProperty("");
    /** One manager's queue of the whole team's (a supervisor's choice); null: everyone's. */
    private final StringProperty manager = new SimpleStringProperty();
    private final BooleanProperty orderByMoney = new SimpleBooleanProperty(false);
    /** Only issues past an SLA target (or whose first response came late). */
    private final BooleanProperty breachingOnly = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<QueueView> view = new ReadOnlyObjectWrapper<>(QueueView.ALL_OPEN);
    private final LiveIssues issues;
    /** The order the table's headers ask for; null: the queue's own order. */
    private final ObjectProperty<Comparator<IssueRow>> headerOrder = new SimpleObjectProperty<>();
    private final FilteredList<IssueRow> filtered;
    private final SortedList<IssueRow> sorted;
    private final StringBinding countText;

    QueueFilters(LiveIssues issues, String myId, IssueText text) {
        this.myId = myId;
        this.issues = issues;
        this.filtered = new FilteredList<>(issues.rows());
        this.sorted = new SortedList<>(filtered, BY_URGENCY);
        for (Observable filter : List.<Observable>of(assignee, category, priority, query, manager, breachingOnly)) {
            filter.addListener(o -> refilter());
        }
        // An issue starts or stops breaching only when the count moves: then, and only then, the filter is redone.
        issues.openBreachesProperty().addListener(o -> {
            if (breachingOnly.get()) {
                refilter();
            }
        });
        status.addListener((obs, old, choice) -> {
            issues.scope(choice == null ? StatusChoice.OPEN.query() : choice.query());
            refilter();
        });
        // A header's order comes first; ties keep the queue's own order, so equal rows never shuffle.
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(() -> {
            Comparator<IssueRow> queueOrder = orderByMoney.get() ? BY_MONEY : BY_URGENCY;
            return headerOrder.get() == null ? queueOrder : headerOrder.get().thenComparing(queueOrder);
        }, orderByMoney, headerOrder));
        countText = Bindings.createStringBinding(() -> text.count(filtered.size(), issues.rows().size()),
                filtered, issues.rows());
    }

    private void refilter() {
        String[] terms = SearchText.terms(query.get());
        AssigneeChoice whose = assignee.get() == null ? AssigneeChoice.ALL : assignee.get();
        StatusChoice which = status.get() == null ? StatusChoice.OPEN : status.get();
        FilterChoice<IssueCategory> about = category.get() == null ? FilterChoice.any() : category.get();
        FilterChoice<Priority> urgency = priority.get() == null ? FilterChoice.any() : priority.get();
        boolean breaching = breachingOnly.get();
        Instant now = issues.nowProperty().get();
        String queueOf = manager.get();
        filtered.setPredicate(row -> {
            Issue issue = row.issue();
            return (queueOf == null || queueOf.equals(issue.managerId())) && whose.test(issue, myId)
                    && which.test(issue.status()) && about.accepts(issue.category())
                    && urgency.accepts(issue.priority()) && row.matches(terms)
                    && (!breaching || row.sla(now).breached());
        });
        view.set(QueueView.of(this));
    }

    /** Orders by the table's sorted headers first ({@code null}: none, the queue's own order alone). */
    public void sortBy(Comparator<IssueRow> byHeaders) {
        headerOrder.set(byHeaders);
    }

    /** Back to the whole open queue: no search, no filter. */
    public void reset() {
        query.set("");
        assignee.set(AssigneeChoice.ALL);
        status.set(StatusChoice.OPEN);
        category.set(FilterChoice.any());
        priority.set(FilterChoice.any());
        breachingOnly.set(false);
        manager.set(null);
    }

    /** Sets the filters to a saved view's. */
    public void show(QueueView saved) {
        saved.apply(this);
    }

    /** The saved view the filters are set to now; null once a filter was changed by hand. */
    public ReadOnlyObjectProperty<QueueView> viewProperty() {
        return view.getReadOnlyProperty();
    }

    public BooleanProperty breachingOnlyProperty() {
        return breachingOnly;
    }

    /** The rows that pass the filters, in queue order. */
    public ObservableList<IssueRow> visibleRows() {
        return sorted;
    }

    public List<FilterChoice<IssueCategory>> categoryChoices() {
        return FilterChoice.anyOr(IssueCategory.values());
    }

    public List<FilterChoice<Priority>> priorityChoices() {
        return FilterChoice.anyOr(Priority.values());
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

    /** The manager whose queue alone is shown; null for everyone's. */
    public StringProperty managerProperty() {
        return manager;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public BooleanProperty orderByMoneyProperty() {
        return orderByMoney;
    }

    /** "5 issues", "1 of 3 issues". */
    public StringBinding countTextProperty() {
        return countText;
    }
}
