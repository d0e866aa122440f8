package io.lineone.client.ledger;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.SuggestedBell;
import io.lineone.client.common.StatePanes;
import java.util.Comparator;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The suggested bells with their evidence; "Pull the bell" (the row's button, the one above the list, Enter or B on
 * a row) opens the pull-the-bell dialog filled in from the suggestion.
 */
public final class SuggestedBellsController {

    private final InsightsViewModel insights;
    private final SuggestedBellsViewModel model;
    /** The suggestion last selected, by release; a fresh list selects it again. */
    private String selectedRelease;

    @FXML private ProgressIndicator bellPreparing;
    @FXML private Button bellPull;
    @FXML private Tooltip bellPullTip;
    @FXML private Label bellNotice;
    @FXML private TableView<SuggestedBell> suggestionTable;
    @FXML private TableColumn<SuggestedBell, SuggestedBell> bellRelease;
    @FXML private TableColumn<SuggestedBell, Number> bellRatio;
    @FXML private TableColumn<SuggestedBell, SuggestedBell> bellRates;
    @FXML private TableColumn<SuggestedBell, Number> bellMerchants;
    @FXML private TableColumn<SuggestedBell, Number> bellMoney;
    @FXML private TableColumn<SuggestedBell, SuggestedBell> bellAction;
    @FXML private Label bellStale;
    @FXML private VBox bellLoading;
    @FXML private VBox bellError;
    @FXML private Label bellErrorMessage;
    @FXML private VBox bellEmpty;

    public SuggestedBellsController(InsightsViewModel insights) {
        this.insights = insights;
        this.model = insights.suggestedBells();
    }

    @FXML
    private void initialize() {
        InsightsText text = model.text();
        new StatePanes(bellLoading, bellError, bellErrorMessage, bellEmpty)
                .bind(model.stateProperty(), model.errorProperty(), suggestionTable);
        InsightsViews.staleLine(bellStale, model);
        showWhen(bellPreparing, model.preparingProperty());
        bellNotice.textProperty().bind(model.noticeProperty());
        showWhen(bellNotice, model.noticeProperty().isNotEmpty());
        bellPull.disableProperty().bind(suggestionTable.getSelectionModel().selectedItemProperty().isNull()
                .or(model.availableProperty().not()).or(model.preparingProperty()));
        bellPullTip.textProperty().bind(model.unavailableReasonProperty());

        bellRelease.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        bellRelease.setCellFactory(column -> new TwoLineCell<>(s -> s.releaseName(),
                s -> text.messages().format("insights.bells.release.detail", s.productArea(),
                        text.when(s.rolloutStartedAt()))));
        bellRatio.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().ratio()));
        bellRatio.setCellFactory(column -> InsightsViews.numberCell(n -> text.ratio(n.doubleValue())));
        bellRates.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        bellRates.setCellFactory(column -> new TwoLineCell<>(s -> text.messages().format("insights.bells.rates",
                text.perHour(s.baselinePerHour()), text.perHour(s.afterPerHour())),
                s -> text.messages().format("insights.bells.after", s.issuesAfter())));
        bellMerchants.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().merchants()));
        bellMerchants.setCellFactory(column -> InsightsViews.numberCell(n -> String.valueOf(n.intValue())));
        bellMoney.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().moneyAtRiskCents()));
        bellMoney.setCellFactory(column -> InsightsViews.numberCell(n -> text.money(n.longValue())));
        bellMoney.setComparator(Comparator.comparingLong(Number::longValue));
        bellAction.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        bellAction.setCellFactory(column -> new PullCell());
        suggestionTable.setItems(model.rows());

        suggestionTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.B) {
                model.pull(suggestionTable.getSelectionModel().getSelectedItem());
                event.consume();
            }
        });
        suggestionTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                selectedRelease = now.releaseId();
            }
        });
        model.rows().addListener((ListChangeListener<SuggestedBell>) change -> {
            if (selectedRelease != null) {
                model.rows().stream().filter(s -> s.releaseId().equals(selectedRelease)).findFirst()
                        .ifPresent(s -> suggestionTable.getSelectionModel().select(s));
            }
        });
        // The list takes the keys back when the dialog closes.
        model.dialog().openProperty().addListener((obs, was, open) -> {
            if (!open) {
                Platform.runLater(suggestionTable::requestFocus);
            }
        });
    }

    @FXML
    private void pull() {
        model.pull(suggestionTable.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void retry() {
        insights.refresh();
    }

    /** The row's own "Pull the bell", disabled offline with the reason as its tooltip. */
    private final class PullCell extends TableCell<SuggestedBell, SuggestedBell> {
        private final Button button = new Button(model.text().messages().get("insights.bells.pull"),
                new FontIcon("fth-bell"));

        PullCell() {
            button.getStyleClass().addAll("small", "danger", "insights-pull");
            button.setMinWidth(Button.USE_PREF_SIZE);
            button.disableProperty().bind(model.availableProperty().not().or(model.preparingProperty()));
            Tooltip reason = new Tooltip();
            reason.textProperty().bind(model.unavailableReasonProperty());
            button.setTooltip(reason);
            button.setOnAction(event -> model.pull(getItem()));
        }

        @Override
        protected void updateItem(SuggestedBell item, boolean empty) {
            super.updateItem(item, empty);
            setGraphic(empty || item == null ? null : button);
        }
    }
}
