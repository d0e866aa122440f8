package io.lineone.client.ledger;

import io.lineone.api.IssueCluster;
import io.lineone.client.common.StatePanes;
import io.lineone.client.common.WholeTextCell;
import java.time.Instant;
import java.util.Comparator;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

/** The clusters table: Enter or a double click shows the cluster's first issue in the queue. */
public final class ClustersController {

    private final InsightsViewModel insights;
    private final ClustersViewModel model;
    /** The cluster last selected, by key; a fresh list selects it again. */
    private String selectedKey;

    @FXML private ToggleGroup clusterWindowGroup;
    @FXML private ToggleButton clusterDays7;
    @FXML private ToggleButton clusterDays30;
    @FXML private TableView<IssueCluster> clusterTable;
    @FXML private TableColumn<IssueCluster, String> clusterKind;
    @FXML private TableColumn<IssueCluster, String> clusterSubject;
    @FXML private TableColumn<IssueCluster, String> clusterCategory;
    @FXML private TableColumn<IssueCluster, Number> clusterMerchants;
    @FXML private TableColumn<IssueCluster, Number> clusterIssues;
    @FXML private TableColumn<IssueCluster, Number> clusterMoney;
    @FXML private TableColumn<IssueCluster, Instant> clusterFirst;
    @FXML private TableColumn<IssueCluster, Instant> clusterLast;
    @FXML private Label clusterStale;
    @FXML private VBox clusterLoading;
    @FXML private VBox clusterError;
    @FXML private Label clusterErrorMessage;
    @FXML private VBox clusterEmpty;

    public ClustersController(InsightsViewModel insights) {
        this.insights = insights;
        this.model = insights.clusters();
    }

    @FXML
    private void initialize() {
        InsightsText text = model.text();
        new StatePanes(clusterLoading, clusterError, clusterErrorMessage, clusterEmpty)
                .bind(model.stateProperty(), model.errorProperty(), clusterTable);
        InsightsViews.staleLine(clusterStale, model);
        clusterDays7.setUserData(InsightsWindow.DAYS_7);
        clusterDays30.setUserData(InsightsWindow.DAYS_30);
        InsightsViews.choose(clusterWindowGroup, insights.windowProperty());

        clusterKind.setCellValueFactory(c -> new ReadOnlyStringWrapper(model.kind(c.getValue())));
        clusterSubject.setCellValueFactory(c -> new ReadOnlyStringWrapper(model.subject(c.getValue())));
        clusterSubject.setCellFactory(column -> new WholeTextCell<>());
        clusterCategory.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.category(c.getValue().category())));
        clusterCategory.setCellFactory(column -> new WholeTextCell<>());
        clusterMerchants.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().merchants()));
        clusterMerchants.setCellFactory(column -> InsightsViews.numberCell(n -> String.valueOf(n.intValue())));
        clusterIssues.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().issues()));
        clusterIssues.setCellFactory(column -> InsightsViews.numberCell(n -> String.valueOf(n.intValue())));
        clusterMoney.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().moneyAtRiskCents()));
        clusterMoney.setCellFactory(column -> InsightsViews.numberCell(n -> text.money(n.longValue())));
        clusterMoney.setComparator(Comparator.comparingLong(Number::longValue));
        clusterFirst.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().firstAt()));
        clusterFirst.setCellFactory(column -> timeCell(text));
        clusterLast.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lastAt()));
        clusterLast.setCellFactory(column -> timeCell(text));
        clusterTable.setItems(model.rows());

        clusterTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && model.open(clusterTable.getSelectionModel().getSelectedItem())) {
                event.consume();
            }
        });
        clusterTable.setRowFactory(table -> {
            TableRow<IssueCluster> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        // A read again (live changes) keeps the user's place: the same cluster stays selected.
        clusterTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                selectedKey = now.key();
            }
        });
        model.rows().addListener((ListChangeListener<IssueCluster>) change -> reselect());
    }

    private void reselect() {
        if (selectedKey == null) {
            return;
        }
        model.rows().stream().filter(c -> c.key().equals(selectedKey)).findFirst()
                .ifPresent(c -> clusterTable.getSelectionModel().select(c));
    }

    private static TableCell<IssueCluster, Instant> timeCell(InsightsText text) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Instant at, boolean empty) {
                super.updateItem(at, empty);
                setText(empty ? null : text.when(at));
            }
        };
    }

    @FXML
    private void retry() {
        insights.refresh();
    }
}
