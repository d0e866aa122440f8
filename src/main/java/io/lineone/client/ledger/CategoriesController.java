package io.lineone.client.ledger;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.IssueCategory;
import io.lineone.api.RootCauseCount;
import io.lineone.client.common.StatePanes;
import io.lineone.client.common.WholeTextCell;
import io.lineone.client.net.InsightsApi.Bucket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Issues by category over time as a stacked area (a layer per category, coloured by the theme's chart colours, the
 * legend below), or the same numbers as a table; the top root causes beside it.
 */
public final class CategoriesController {

    private final InsightsViewModel insights;
    private final CategoriesViewModel model;

    @FXML private ToggleGroup catWindowGroup;
    @FXML private ToggleButton catDays7;
    @FXML private ToggleButton catDays30;
    @FXML private ToggleGroup catBucketGroup;
    @FXML private ToggleButton catByDay;
    @FXML private ToggleButton catByHour;
    @FXML private ToggleButton catTableToggle;
    @FXML private HBox catContent;
    @FXML private Label catSummary;
    @FXML private VBox catChartBox;
    @FXML private StackedAreaChart<Number, Number> catChart;
    @FXML private NumberAxis catTimeAxis;
    @FXML private NumberAxis catCountAxis;
    @FXML private FlowPane catLegend;
    @FXML private TableView<BucketRow> catTable;
    @FXML private TableColumn<BucketRow, String> catBucketColumn;
    @FXML private TableColumn<BucketRow, Number> catTotalColumn;
    @FXML private TableView<RootCauseCount> rootCauseTable;
    @FXML private TableColumn<RootCauseCount, String> rootCauseName;
    @FXML private TableColumn<RootCauseCount, String> rootCauseCategory;
    @FXML private TableColumn<RootCauseCount, Number> rootCauseCount;
    @FXML private Label catStale;
    @FXML private VBox catLoading;
    @FXML private VBox catError;
    @FXML private Label catErrorMessage;
    @FXML private VBox catEmpty;

    public CategoriesController(InsightsViewModel insights) {
        this.insights = insights;
        this.model = insights.categories();
    }

    @FXML
    private void initialize() {
        InsightsText text = model.text();
        new StatePanes(catLoading, catError, catErrorMessage, catEmpty)
                .bind(model.stateProperty(), model.errorProperty(), catContent);
        InsightsViews.staleLine(catStale, model);
        catDays7.setUserData(InsightsWindow.DAYS_7);
        catDays30.setUserData(InsightsWindow.DAYS_30);
        InsightsViews.choose(catWindowGroup, insights.windowProperty());
        catByDay.setUserData(Bucket.DAY);
        catByHour.setUserData(Bucket.HOUR);
        InsightsViews.choose(catBucketGroup, insights.bucketProperty());
        showWhen(catChartBox, catTableToggle.selectedProperty().not());
        showWhen(catTable, catTableToggle.selectedProperty());
        catSummary.textProperty().bind(model.summaryProperty());

        catTimeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number index) {
                int i = (int) Math.round(index.doubleValue());
                List<Instant> buckets = model.buckets();
                return i >= 0 && i < buckets.size() ? text.bucket(buckets.get(i), model.hourlyProperty().get()) : "";
            }

            @Override
            public Number fromString(String string) {
                return 0;
            }
        });
        // Counts are whole: a tick between two whole numbers goes unlabelled.
        catCountAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number count) {
                double value = count.doubleValue();
                return value == Math.rint(value) ? String.valueOf((long) value) : "";
            }

            @Override
            public Number fromString(String string) {
                return 0;
            }
        });
        catBucketColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        catTotalColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().total()));
        catTotalColumn.setCellFactory(column -> InsightsViews.numberCell(n -> String.valueOf(n.intValue())));
        catTable.setItems(model.rows());

        rootCauseName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().rootCause()));
        rootCauseName.setCellFactory(column -> new WholeTextCell<>());
        rootCauseCategory.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.category(c.getValue().category())));
        rootCauseCategory.setCellFactory(column -> new WholeTextCell<>());
        rootCauseCount.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        rootCauseCount.setCellFactory(column -> InsightsViews.numberCell(n -> String.valueOf(n.intValue())));
        rootCauseTable.setItems(model.rootCauses());

        model.series().addListener((ListChangeListener<CategorySeries>) change -> draw());
        draw();
    }

    /** The chart, the legend and the table's category columns, from the series as they are now. */
    private void draw() {
        List<CategorySeries> lines = model.series();
        int buckets = model.buckets().size();
        catTimeAxis.setLowerBound(0);
        catTimeAxis.setUpperBound(Math.max(1, buckets - 1));
        catTimeAxis.setTickUnit(tickUnit(buckets, model.hourlyProperty().get()));
        catLegend.getChildren().clear();
        catTable.getColumns().setAll(catBucketColumn);
        List<XYChart.Series<Number, Number>> layers = new ArrayList<>();
        for (CategorySeries line : lines) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(line.name());
            for (int i = 0; i < line.counts().size(); i++) {
                series.getData().add(new XYChart.Data<>(i, line.counts().get(i)));
            }
            layers.add(series);
            catLegend.getChildren().add(legendItem(line, styleOf(line.category())));
            catTable.getColumns().add(categoryColumn(line));
        }
        // All at once, then the colours: the chart resets every layer's style classes whenever a layer is added.
        catChart.getData().setAll(layers);
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).getNode() instanceof Group group) {
                for (Node path : group.getChildren()) {
                    path.getStyleClass().add(styleOf(lines.get(i).category()));
                }
            }
        }
        catTable.getColumns().add(catTotalColumn);
    }

    /** A tick a day for days; for hours a tick a day over a week, every three days over a month. */
    private static double tickUnit(int buckets, boolean hourly) {
        if (!hourly) {
            return buckets > 14 ? 3 : 1;
        }
        return buckets > 24 * 14 ? 72 : 24;
    }

    /** The category's own colour class: the same category keeps its colour whichever others are shown. */
    static String styleOf(IssueCategory category) {
        return "insights-cat-" + category.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Label legendItem(CategorySeries line, String style) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("insights-swatch", style);
        Label item = new Label(model.text().messages().format("insights.legend.item", line.name(), line.total()),
                swatch);
        item.getStyleClass().add("insights-legend-item");
        return item;
    }

    private TableColumn<BucketRow, Number> categoryColumn(CategorySeries line) {
        TableColumn<BucketRow, Number> column = new TableColumn<>(line.name());
        column.setId("catColumn-" + line.category().name());
        column.setPrefWidth(84);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count(line.category())));
        column.setCellFactory(c -> InsightsViews.numberCell(n -> String.valueOf(n.intValue())));
        return column;
    }

    @FXML
    private void retry() {
        insights.refresh();
    }
}
