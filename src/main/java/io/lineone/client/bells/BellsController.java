package io.lineone.client.bells;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.Bell;
import io.lineone.api.BellComment;
import io.lineone.api.BellMonth;
import io.lineone.api.Issue;
import io.lineone.api.Release;
import io.lineone.client.common.ChoiceCell;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.StatePanes;
import io.lineone.client.common.WrappedLabel;
import io.lineone.client.net.BellAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Binds the bells and releases screen to its view model: the release list (a selection narrows the board and
 * shows the release's issues), the bell board, and the selected bell with the steps the user may take.
 */
public final class BellsController {

    private final BellsViewModel model;
    private final BellActions actions;

    @FXML private BorderPane bellsRoot;
    @FXML private Label summaryLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private HBox linkBanner;
    @FXML private Label linkLabel;
    @FXML private SplitPane bellsContent;
    @FXML private Button allReleasesButton;
    @FXML private ListView<LiveRow<Release>> releaseList;
    @FXML private VBox releaseControls;
    @FXML private Spinner<Integer> exposureSpinner;
    @FXML private Button exposureButton;
    @FXML private Button liveButton;
    @FXML private Button rollBackButton;
    @FXML private Label releaseError;
    @FXML private Label linkedTitle;
    @FXML private ListView<Issue> linkedList;
    @FXML private Label linkedError;
    @FXML private Label boardTitle;
    @FXML private ComboBox<BellFilter> filterBox;
    @FXML private TableView<LiveRow<Bell>> bellTable;
    @FXML private TitledPane metricsPane;
    @FXML private Label metricsMessage;
    @FXML private StackedBarChart<String, Number> metricsChart;
    @FXML private VBox metricsLines;
    @FXML private Label noBellLabel;
    @FXML private ScrollPane bellDetail;
    @FXML private Label detailStatus;
    @FXML private Label detailOverdue;
    @FXML private Label detailRelease;
    @FXML private Label detailReason;
    @FXML private Label detailPulledBy;
    @FXML private Label detailImpact;
    @FXML private Label detailEvidence;
    @FXML private VBox evidenceList;
    @FXML private Label evidenceHidden;
    @FXML private Label detailAck;
    @FXML private Label detailJustification;
    @FXML private VBox commentList;
    @FXML private Label noCommentsLabel;
    @FXML private TextArea noteField;
    @FXML private Label actionError;
    @FXML private Label actionDone;
    @FXML private Button acknowledgeButton;
    @FXML private Button fixedButton;
    @FXML private Button resolveButton;
    @FXML private Button reopenButton;
    @FXML private Button overruleButton;
    @FXML private Button commentButton;
    @FXML private VBox loadingState;
    @FXML private VBox errorState;
    @FXML private Label errorMessage;
    @FXML private VBox emptyState;

    public BellsController(BellsViewModel model) {
        this.model = model;
        this.actions = model.actions();
    }

    public static Map<Class<?>, Supplier<?>> controllers(BellsViewModel model) {
        return Map.of(BellsController.class, () -> new BellsController(model));
    }

    @FXML
    private void initialize() {
        BellText text = model.text();
        new StatePanes(loadingState, errorState, errorMessage, emptyState)
                .bind(model.stateProperty(), model.errorProperty(), bellsContent);
        summaryLabel.textProperty().bind(model.summaryProperty());
        linkLabel.textProperty().bind(model.linkTextProperty());
        showWhen(linkBanner, model.linkTextProperty().isNotEmpty());
        showWhen(busyIndicator, actions.busyProperty());
        setUpReleases(text);
        setUpBoard(text);
        setUpDetail(text);
        setUpMetrics(text);
    }

    private void setUpReleases(BellText text) {
        releaseList.setItems(model.releases());
        releaseList.setCellFactory(list -> new ReleaseCell(text));
        releaseList.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, row) -> model.selectedReleaseProperty().set(row));
        allReleasesButton.disableProperty().bind(model.selectedReleaseProperty().isNull());
        linkedList.setItems(model.linkedIssues());
        linkedList.setCellFactory(list -> new ListCell<>() {
            {
                // Titles wrap within the column rather than scroll sideways.
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Issue issue, boolean empty) {
                super.updateItem(issue, empty);
                setText(empty || issue == null ? null : text.linkedIssue(issue));
            }
        });
        setUpReleaseControls(model.releaseActions());
        showWhen(linkedTitle, model.selectedReleaseProperty().isNotNull());
        showWhen(linkedList, model.selectedReleaseProperty().isNotNull());
        linkedError.textProperty().bind(model.linkedErrorProperty());
        showWhen(linkedError, model.linkedErrorProperty().isNotEmpty());
    }

    private void setUpReleaseControls(ReleaseActions owner) {
        showWhen(releaseControls, owner.shown());
        exposureSpinner.getValueFactory().valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                owner.exposureProperty().set(value);
            }
        });
        owner.exposureProperty().addListener(
                (obs, old, value) -> exposureSpinner.getValueFactory().setValue(value.intValue()));
        exposureButton.disableProperty().bind(owner.canSetExposure().not());
        liveButton.disableProperty().bind(owner.canGoLive().not());
        rollBackButton.disableProperty().bind(owner.canRollBack().not());
        releaseError.textProperty().bind(owner.errorProperty());
        showWhen(releaseError, owner.errorProperty().isNotEmpty());
    }

    @FXML
    private void setExposure() {
        model.releaseActions().setExposure();
    }

    @FXML
    private void goLive() {
        model.releaseActions().goLive();
    }

    @FXML
    private void rollBack() {
        model.releaseActions().rollBack();
    }

    private void setUpBoard(BellText text) {
        boardTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            LiveRow<Release> release = model.selectedReleaseProperty().get();
            return release == null ? text.messages().get("bells.board.all")
                    : text.messages().format("bells.board.of", text.releaseName(release.get()));
        }, model.selectedReleaseProperty()));
        ChoiceCell.install(filterBox, List.of(BellFilter.values()), f -> text.messages().get(f.labelKey()));
        filterBox.valueProperty().bindBidirectional(model.filterProperty());
        BellColumns.install(bellTable, text, model.nowProperty());
        // One release's board names it in its title; the column would only repeat it.
        bellTable.getColumns().stream().filter(c -> "releaseColumn".equals(c.getId())).findFirst()
                .ifPresent(c -> c.visibleProperty().bind(model.selectedReleaseProperty().isNull()));
        bellTable.setItems(model.bells());
        bellTable.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, row) -> model.selectedBellRowProperty().set(row));
    }

    private void setUpMetrics(BellText text) {
        BellMetricsViewModel metrics = model.metrics();
        metricsPane.expandedProperty().addListener((obs, was, open) -> {
            if (open) {
                metrics.load();
            }
        });
        metricsMessage.textProperty().bind(Bindings.createStringBinding(() -> switch (metrics.stateProperty().get()) {
            case LOADING -> text.messages().get("bells.loading");
            case ERROR -> metrics.errorProperty().get();
            case EMPTY -> text.messages().get("bells.metrics.empty");
            case READY -> "";
        }, metrics.stateProperty(), metrics.errorProperty()));
        showWhen(metricsMessage, metricsMessage.textProperty().isNotEmpty());
        showWhen(metricsChart, metrics.stateProperty().isEqualTo(ScreenState.READY));
        metrics.months().addListener((ListChangeListener<BellMonth>) change -> showMetrics(text, metrics));
        // Bells are counted in whole numbers: no tick between them.
        ((NumberAxis) metricsChart.getYAxis()).setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return value.doubleValue() == Math.rint(value.doubleValue()) ? Long.toString(value.longValue()) : "";
            }

            @Override
            public Number fromString(String text) {
                return Long.parseLong(text);
            }
        });
    }

    /** One series per product area, one bar per month, stacked: how many bells each area drew. */
    private void showMetrics(BellText text, BellMetricsViewModel metrics) {
        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        for (String area : metrics.areas()) {
            XYChart.Series<String, Number> one = new XYChart.Series<>();
            one.setName(area);
            for (String month : metrics.monthNames()) {
                int pulled = metrics.months().stream().filter(m -> m.productArea().equals(area)
                        && m.month().equals(month)).mapToInt(BellMonth::pulled).sum();
                one.getData().add(new XYChart.Data<>(month, pulled));
            }
            series.add(one);
        }
        metricsChart.getData().setAll(series);
        metricsLines.getChildren().setAll(metrics.months().stream().map(m -> {
            Label line = WrappedLabel.of(text.month(m), "bell-metrics-line");
            // Wraps to the panel's width instead of asking for one line's worth.
            line.setPrefWidth(0);
            line.setMaxWidth(Double.MAX_VALUE);
            line.setMinHeight(Region.USE_PREF_SIZE);
            return line;
        }).toList());
    }

    @FXML
    private void refreshMetrics() {
        model.metrics().load();
    }

    private void setUpDetail(BellText text) {
        showWhen(bellDetail, model.selectedBellProperty().isNotNull());
        showWhen(noBellLabel, model.selectedBellProperty().isNull());
        model.selectedBellProperty().addListener((obs, old, bell) -> showBell(text, bell));
        model.nowProperty().addListener((obs, old, now) -> showClock(text, model.selectedBellProperty().get(), now));
        model.evidence().addListener((ListChangeListener<Issue>) change -> evidenceList.getChildren().setAll(
                model.evidence().stream()
                        .map(issue -> WrappedLabel.of(text.linkedIssue(issue), "bell-evidence")).toList()));
        evidenceHidden.textProperty().bind(Bindings.createStringBinding(() -> text.messages().format(
                "bells.detail.evidenceHidden", model.evidenceHiddenProperty().get()), model.evidenceHiddenProperty()));
        showWhen(evidenceHidden, model.evidenceHiddenProperty().greaterThan(0));
        noteField.textProperty().bindBidirectional(actions.noteProperty());
        actionError.textProperty().bind(actions.errorProperty());
        showWhen(actionError, actions.errorProperty().isNotEmpty());
        actionDone.textProperty().bind(actions.doneProperty());
        showWhen(actionDone, actions.doneProperty().isNotEmpty());
        bind(acknowledgeButton, BellAction.ACKNOWLEDGE);
        bind(fixedButton, BellAction.FIXED);
        bind(resolveButton, BellAction.RESOLVE);
        bind(reopenButton, BellAction.REOPEN);
        bind(overruleButton, BellAction.OVERRULE);
        showWhen(commentButton, Bindings.createBooleanBinding(actions::mayComment));
        commentButton.disableProperty().bind(actions.canComment().not());
        noteField.setEditable(actions.mayComment());
    }

    private void bind(Button button, BellAction action) {
        showWhen(button, actions.shown(action));
        button.disableProperty().bind(actions.enabled(action).not());
    }

    private void showBell(BellText text, Bell bell) {
        if (bell == null) {
            return;
        }
        detailStatus.setText(text.status(bell.status()));
        detailStatus.getStyleClass().removeIf(style -> style.startsWith("bell-status-"));
        detailStatus.getStyleClass().add("bell-status-" + bell.status().name().toLowerCase(Locale.ROOT));
        detailOverdue.setVisible(bell.overdue());
        detailOverdue.setManaged(bell.overdue());
        detailRelease.setText(bell.releaseName());
        detailReason.setText(bell.reason());
        detailPulledBy.setText(text.pulledBy(bell));
        detailImpact.setText(text.impact(bell.impactedMerchants(), bell.moneyAtRiskCents()));
        detailEvidence.setText(text.messages().format("bells.detail.evidence", bell.evidenceIssueIds().size()));
        boolean justified = bell.justification() != null;
        detailJustification.setText(justified
                ? text.messages().format("bells.detail.justification", bell.justification()) : "");
        detailJustification.setVisible(justified);
        detailJustification.setManaged(justified);
        List<Label> comments = bell.comments().stream().map(c -> comment(text, c)).toList();
        commentList.getChildren().setAll(comments);
        noCommentsLabel.setVisible(comments.isEmpty());
        noCommentsLabel.setManaged(comments.isEmpty());
        showClock(text, bell, model.nowProperty().getValue());
    }

    private void showClock(BellText text, Bell bell, Instant now) {
        if (bell != null) {
            detailAck.setText(text.messages().format("bells.detail.clock", text.age(bell, now),
                    text.acknowledgement(bell, now)));
        }
    }

    private static Label comment(BellText text, BellComment comment) {
        return WrappedLabel.of(text.comment(comment), comment.step() == null ? "bell-comment" : "bell-comment-step");
    }

    @FXML
    private void showAllReleases() {
        releaseList.getSelectionModel().clearSelection();
    }

    @FXML
    private void acknowledge() {
        actions.take(BellAction.ACKNOWLEDGE);
    }

    @FXML
    private void markFixed() {
        actions.take(BellAction.FIXED);
    }

    @FXML
    private void resolve() {
        actions.take(BellAction.RESOLVE);
    }

    @FXML
    private void reopen() {
        actions.take(BellAction.REOPEN);
    }

    @FXML
    private void overrule() {
        actions.take(BellAction.OVERRULE);
    }

    @FXML
    private void comment() {
        actions.comment();
    }

    @FXML
    private void retry() {
        model.retry();
    }
}
