package io.lineone.client.ledger;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.client.common.StatePanes;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** First-response times: the share under 19 s, median and p90 as big numbers, the histogram with the mark. */
public final class FirstResponseController {

    /** A table row of a bar wholly under the mark. */
    private static final PseudoClass UNDER = PseudoClass.getPseudoClass("under-mark");

    private final InsightsViewModel insights;
    private final FirstResponseViewModel model;
    private ResponseHistogram chart;

    @FXML private ToggleGroup respWindowGroup;
    @FXML private ToggleButton respDays7;
    @FXML private ToggleButton respDays30;
    @FXML private ToggleButton respTableToggle;
    @FXML private VBox respContent;
    @FXML private Label respShare;
    @FXML private Label respMedian;
    @FXML private Label respP90;
    @FXML private Label respCount;
    @FXML private StackPane respChartBox;
    @FXML private TableView<ResponseBar> respTable;
    @FXML private TableColumn<ResponseBar, String> respRange;
    @FXML private TableColumn<ResponseBar, Number> respIssues;
    @FXML private TableColumn<ResponseBar, Number> respPart;
    @FXML private Label respStale;
    @FXML private VBox respLoading;
    @FXML private VBox respError;
    @FXML private Label respErrorMessage;
    @FXML private VBox respEmpty;

    public FirstResponseController(InsightsViewModel insights) {
        this.insights = insights;
        this.model = insights.firstResponse();
    }

    @FXML
    private void initialize() {
        InsightsText text = model.text();
        new StatePanes(respLoading, respError, respErrorMessage, respEmpty)
                .bind(model.stateProperty(), model.errorProperty(), respContent);
        InsightsViews.staleLine(respStale, model);
        respDays7.setUserData(InsightsWindow.DAYS_7);
        respDays30.setUserData(InsightsWindow.DAYS_30);
        InsightsViews.choose(respWindowGroup, insights.windowProperty());
        respShare.textProperty().bind(model.shareProperty());
        respMedian.textProperty().bind(model.medianProperty());
        respP90.textProperty().bind(model.p90Property());
        respCount.textProperty().bind(model.countProperty());

        chart = new ResponseHistogram(text.messages().format("insights.response.mark",
                FirstResponseViewModel.MARK_SECONDS));
        chart.setId("respChart");
        VBox.setVgrow(chart, Priority.ALWAYS);
        respChartBox.getChildren().add(chart);
        showWhen(respChartBox, respTableToggle.selectedProperty().not());
        showWhen(respTable, respTableToggle.selectedProperty());

        respRange.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        respIssues.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        respIssues.setCellFactory(column -> InsightsViews.numberCell(n -> String.valueOf(n.intValue())));
        respPart.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().share()));
        respPart.setCellFactory(column -> InsightsViews.numberCell(n -> text.percent(n.doubleValue())));
        respTable.setItems(model.bars());
        respTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(ResponseBar bar, boolean empty) {
                super.updateItem(bar, empty);
                pseudoClassStateChanged(UNDER, !empty && bar != null && bar.underMark());
            }
        });
        model.bars().addListener((ListChangeListener<ResponseBar>) change -> draw());
        draw();
    }

    private void draw() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (ResponseBar bar : model.bars()) {
            series.getData().add(new XYChart.Data<>(bar.label(), bar.count()));
        }
        chart.getData().setAll(series);
        for (int i = 0; i < series.getData().size(); i++) {
            var node = series.getData().get(i).getNode();
            if (node != null) {
                node.getStyleClass().add(model.bars().get(i).underMark() ? "insights-fast" : "insights-slow");
            }
        }
        chart.markAfter(model.barsUnderMark());
    }

    @FXML
    private void retry() {
        insights.refresh();
    }
}
