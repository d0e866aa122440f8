package io.lineone.client.merchants;

import io.lineone.api.Fix;
import io.lineone.api.FixStatus;
import io.lineone.api.Issue;
import io.lineone.api.Merchant;
import io.lineone.api.Scorecard;
import io.lineone.api.ScorecardMetric;
import io.lineone.api.ScorePoint;
import io.lineone.api.TimelineEntry;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import io.lineone.client.queue.IssueRow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected merchant's detail pane: its head (kept current as the row changes live), the scorecard with each
 * metric against its target and the score's trend, its open issues (from the live queue, no extra read), the fixes
 * applied to it and its timeline, both paged. Each section loads, fails and is retried on its own.
 */
public final class MerchantDetailViewModel {

    private static final int PAGE = 20;

    private final Backend backend;
    private final TaskExecutor executor;
    private final ConnectionStatus connection;
    private final BookText text;
    private final ErrorMessages errors;
    private final ObservableList<IssueRow> liveIssues;
    private final Consumer<String> openIssue;

    private final ReadOnlyObjectWrapper<MerchantDetail> head = new ReadOnlyObjectWrapper<>();
    private final ObservableList<DetailLines.Score> scores = FXCollections.observableArrayList();
    private final ObservableList<ScorePoint> trend = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper trendText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ScreenState> scorecardState = new ReadOnlyObjectWrapper<>(ScreenState.EMPTY);
    private final ReadOnlyStringWrapper scorecardError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scorecardEmptyText = new ReadOnlyStringWrapper("");
    private final ObservableList<DetailLines.OpenIssue> issues = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ScreenState> issuesState = new ReadOnlyObjectWrapper<>(ScreenState.EMPTY);
    private final PagedSection<Fix, DetailLines.FixLine> fixes;
    private final PagedSection<TimelineEntry, DetailLines.Timeline> timeline;

    private final ChangeListener<Merchant> rowChanged = (obs, old, now) -> showHead(now);
    private final InvalidationListener issuesChanged = obs -> showIssues();
    private MerchantRow shown;
    private int generation;

    /**
     * @param liveIssues the session's live issues, whose open ones of the merchant the pane lists
     * @param openIssue  opens an issue in the queue
     */
    public MerchantDetailViewModel(Backend backend, TaskExecutor executor, ConnectionStatus connection,
                                   BookText text, ObservableList<IssueRow> liveIssues, Consumer<String> openIssue) {
        this.backend = backend;
        this.executor = executor;
        this.connection = connection;
        this.text = text;
        this.errors = new ErrorMessages(text.messages());
        this.liveIssues = liveIssues;
        this.openIssue = openIssue;
        this.fixes = new PagedSection<>(executor, connection, errors, this::fixLine);
        this.timeline = new PagedSection<>(executor, connection, errors, this::timelineLine);
    }

    /** Shows {@code row}'s detail, or nothing for null. */
    public void show(MerchantRow row) {
        if (shown != null) {
            shown.merchantProperty().removeListener(rowChanged);
        }
        if (row == null && shown != null) {
            liveIssues.removeListener(issuesChanged);
        } else if (row != null && shown == null) {
            liveIssues.addListener(issuesChanged);
        }
        shown = row;
        generation++;
        scores.clear();
        trend.clear();
        trendText.set("");
        scorecardError.set("");
        if (row == null) {
            head.set(null);
            issues.clear();
            scorecardState.set(ScreenState.EMPTY);
            fixes.show(null);
            timeline.show(null);
            return;
        }
        row.merchantProperty().addListener(rowChanged);
        showHead(row.merchant());
        showIssues();
        readScorecard();
        String id = row.id();
        fixes.show(cursor -> backend.fixes().fixes(id, null, cursor, PAGE));
        timeline.show(cursor -> backend.merchants().timeline(id, cursor, PAGE));
    }

    /** The merchant whose detail is shown; null for none. */
    public MerchantRow shown() {
        return shown;
    }

    private void showHead(Merchant merchant) {
        head.set(MerchantDetail.of(merchant, text));
        if (merchant.lighthouseScore() == null && scorecardState.get() != ScreenState.LOADING) {
            scorecardEmptyText.set(text.messages().get("merchants.scorecard.notScored"));
        }
    }

    /** Reads the scorecard (again, after an error). */
    public void readScorecard() {
        if (shown == null) {
            return;
        }
        int mine = generation;
        String id = shown.id();
        scorecardState.set(ScreenState.LOADING);
        scorecardError.set("");
        executor.execute(() -> backend.merchants().scorecard(id), card -> {
            if (mine == generation) {
                connection.reportSuccess();
                showScorecard(card);
            }
        }, failure -> {
            if (mine == generation) {
                connection.reportFailure(failure);
                scorecardError.set(errors.describe(failure));
                scorecardState.set(ScreenState.ERROR);
            }
        });
    }

    private void showScorecard(Scorecard card) {
        List<DetailLines.Score> lines = new ArrayList<>();
        for (ScorecardMetric metric : card.metrics()) {
            lines.add(new DetailLines.Score(metric.key(), text.metric(metric.key()),
                    text.metricValue(metric.key(), metric.value()),
                    text.target(metric.key(), metric.target(), metric.lowerIsBetter()), metric.meetsTarget(),
                    text.messages().get(metric.meetsTarget() ? "merchants.scorecard.met" : "merchants.scorecard.missed")));
        }
        scores.setAll(lines);
        trend.setAll(card.history());
        trendText.set(describeTrend(card.history()));
        scorecardEmptyText.set(text.messages().get(card.score() == null ? "merchants.scorecard.notScored"
                : "merchants.scorecard.noMetrics"));
        scorecardState.set(lines.isEmpty() ? ScreenState.EMPTY : ScreenState.READY);
    }

    private String describeTrend(List<ScorePoint> history) {
        if (history.isEmpty()) {
            return text.messages().get("merchants.trend.none");
        }
        ScorePoint first = history.get(0);
        ScorePoint last = history.get(history.size() - 1);
        if (history.size() == 1) {
            return text.messages().format("merchants.trend.one", last.score());
        }
        long days = Math.max(1, java.time.Duration.between(first.at(), last.at()).toDays());
        return text.messages().format("merchants.trend.change", first.score(), last.score(), days);
    }

    private void showIssues() {
        if (shown == null) {
            return;
        }
        String id = shown.id();
        List<DetailLines.OpenIssue> open = new ArrayList<>();
        for (IssueRow row : liveIssues) {
            Issue issue = row.issue();
            if (id.equals(issue.merchantId()) && issue.status().isOpen()) {
                open.add(new DetailLines.OpenIssue(issue.id(), issue.title(), text.messages().format(
                        "merchants.issues.meta", issue.priority().name(),
                        text.messages().get("issue.status." + issue.status().name()),
                        text.money(issue.moneyAtRiskCents()))));
            }
        }
        if (!open.equals(issues)) {
            issues.setAll(open);
        }
        issuesState.set(open.isEmpty() ? ScreenState.EMPTY : ScreenState.READY);
    }

    private DetailLines.FixLine fixLine(Fix fix) {
        String state = text.messages().get(fix.status() == FixStatus.UNDONE ? "merchants.fixes.undone"
                : "merchants.fixes.applied");
        return new DetailLines.FixLine(fix.id(), text.messages().format("merchants.fixes.title",
                text.messages().get("fixes.kind." + fix.kind().name()), fix.targetTitle()),
                text.messages().format("merchants.fixes.meta", state, text.ago(fix.appliedAt()),
                        text.money(fix.lossAvertedCents()), fix.requestedByName()));
    }

    private DetailLines.Timeline timelineLine(TimelineEntry entry) {
        String actor = entry.actorName() == null ? "" : entry.actorName();
        return new DetailLines.Timeline(entry.id(), entry.kind(), entry.title(),
                text.messages().format("merchants.timeline.meta",
                        text.messages().get("merchants.timeline.kind." + entry.kind().name()), text.ago(entry.at()),
                        actor),
                text.exact(entry.at()));
    }

    /** Opens one of the merchant's open issues in the queue. */
    public void openIssue(DetailLines.OpenIssue issue) {
        if (issue != null) {
            openIssue.accept(issue.id());
        }
    }

    public ReadOnlyObjectProperty<MerchantDetail> headProperty() {
        return head.getReadOnlyProperty();
    }

    public ObservableList<DetailLines.Score> scores() {
        return scores;
    }

    /** The score's history, oldest first. */
    public ObservableList<ScorePoint> trend() {
        return trend;
    }

    public ReadOnlyStringProperty trendTextProperty() {
        return trendText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ScreenState> scorecardStateProperty() {
        return scorecardState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scorecardErrorProperty() {
        return scorecardError.getReadOnlyProperty();
    }

    /** What an empty scorecard says: not scored yet, or no metrics. */
    public ReadOnlyStringProperty scorecardEmptyTextProperty() {
        return scorecardEmptyText.getReadOnlyProperty();
    }

    public ObservableList<DetailLines.OpenIssue> issues() {
        return issues;
    }

    public ReadOnlyObjectProperty<ScreenState> issuesStateProperty() {
        return issuesState.getReadOnlyProperty();
    }

    PagedSection<Fix, DetailLines.FixLine> fixes() {
        return fixes;
    }

    PagedSection<TimelineEntry, DetailLines.Timeline> timeline() {
        return timeline;
    }

    public BookText text() {
        return text;
    }
}
