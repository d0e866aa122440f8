package io.lineone.client.ledger;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.Fix;
import io.lineone.api.FixStatus;
import io.lineone.api.LedgerRow;
import io.lineone.client.common.StatePanes;
import io.lineone.client.common.WholeTextCell;
import io.lineone.client.fixes.FixText;
import io.lineone.client.queue.PullBellController;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Binds the ledger and insights screen: its first tab is the loss ledger (totals, the weekly chart, the groupings and
 * the fixes with Undo); the insights' tabs have controllers of their own. F5 reads the whole screen again.
 */
public final class LedgerController {

    private static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);

    private final LedgerViewModel model;
    private final InsightsViewModel insights;

    @FXML private BorderPane ledgerRoot;
    @FXML private HBox ledgerOffline;
    @FXML private Label ledgerOfflineLabel;
    @FXML private Label ledgerError;
    @FXML private Label insightsScope;
    @FXML private TabPane ledgerTabs;
    @FXML private Tab lossTab;
    @FXML private ScrollPane ledgerContent;
    @FXML private Label weekTotal;
    @FXML private Label weekCount;
    @FXML private Label monthTotal;
    @FXML private Label monthCount;
    @FXML private BarChart<String, Number> weekChart;
    @FXML private NumberAxis moneyAxis;
    @FXML private TableView<LedgerRow> merchantTotals;
    @FXML private TableColumn<LedgerRow, String> merchantName;
    @FXML private TableColumn<LedgerRow, Number> merchantFixes;
    @FXML private TableColumn<LedgerRow, Number> merchantSaved;
    @FXML private VBox managerBox;
    @FXML private TableView<LedgerRow> managerTotals;
    @FXML private TableColumn<LedgerRow, String> managerName;
    @FXML private TableColumn<LedgerRow, Number> managerFixes;
    @FXML private TableColumn<LedgerRow, Number> managerSaved;
    @FXML private TableView<FixRow> fixTable;
    @FXML private TableColumn<FixRow, String> fixWhen;
    @FXML private TableColumn<FixRow, String> fixKind;
    @FXML private TableColumn<FixRow, String> fixTarget;
    @FXML private TableColumn<FixRow, String> fixMerchant;
    @FXML private TableColumn<FixRow, String> fixBy;
    @FXML private TableColumn<FixRow, Number> fixSaved;
    @FXML private TableColumn<FixRow, Fix> fixState;
    @FXML private TableColumn<FixRow, Fix> fixUndo;
    @FXML private VBox loadingState;
    @FXML private VBox errorState;
    @FXML private Label errorMessage;
    @FXML private VBox emptyState;

    public LedgerController(LedgerViewModel model, InsightsViewModel insights) {
        this.model = model;
        this.insights = insights;
    }

    /**
     * The controllers of the screen and of the views it includes: the insights' tabs and the pull-the-bell dialog
     * their suggested bells open.
     */
    public static Map<Class<?>, Supplier<?>> controllers(LedgerViewModel model, InsightsViewModel insights) {
        return Map.of(LedgerController.class, () -> new LedgerController(model, insights),
                CategoriesController.class, () -> new CategoriesController(insights),
                FirstResponseController.class, () -> new FirstResponseController(insights),
                ClustersController.class, () -> new ClustersController(insights),
                SuggestedBellsController.class, () -> new SuggestedBellsController(insights),
                PullBellController.class, () -> new PullBellController(insights.suggestedBells().dialog(),
                        insights.text().messages()));
    }

    @FXML
    private void initialize() {
        FixText text = model.text();
        new StatePanes(loadingState, errorState, errorMessage, emptyState)
                .bind(model.stateProperty(), model.errorProperty(), ledgerContent);
        ledgerOfflineLabel.textProperty().bind(model.unavailableReasonProperty());
        showWhen(ledgerOffline, model.unavailableReasonProperty().isNotEmpty());
        ledgerError.textProperty().bind(model.errorProperty());
        showWhen(ledgerError, model.errorProperty().isNotEmpty().and(ledgerContent.visibleProperty()));
        weekTotal.textProperty().bind(model.weekTotalProperty());
        weekCount.textProperty().bind(model.weekCountProperty());
        monthTotal.textProperty().bind(model.monthTotalProperty());
        monthCount.textProperty().bind(model.monthCountProperty());

        setUpChart(text);
        totals(merchantTotals, merchantName, merchantFixes, merchantSaved, text);
        totals(managerTotals, managerName, managerFixes, managerSaved, text);
        merchantTotals.setItems(model.byMerchant());
        managerTotals.setItems(model.byManager());
        showWhen(managerBox, new SimpleBooleanProperty(model.showsManagers()));
        setUpFixes(text);
        setUpInsights();
        model.load();
    }

    /**
     * The insights' tabs (gone for a user who sees none), whose book they count, and F5 while the screen is on view.
     * They are read when the screen first shows, and live changes are read only while it shows.
     */
    private void setUpInsights() {
        insightsScope.setText(insights.scopeText());
        if (!insights.shown()) {
            ledgerTabs.getTabs().retainAll(lossTab);
        }
        ledgerRoot.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(REFRESH);
            }
            if (scene != null) {
                scene.getAccelerators().put(REFRESH, this::refresh);
                // The keys go to the tabs: Ctrl+Tab or the arrows move between them, Tab into the one shown.
                Platform.runLater(ledgerTabs::requestFocus);
            }
            insights.showingProperty().set(scene != null);
        });
        insights.showingProperty().set(ledgerRoot.getScene() != null);
        insights.refresh();
    }

    private void setUpChart(FixText text) {
        moneyAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number yuan) {
                return text.money(Math.round(yuan.doubleValue() * 100));
            }

            @Override
            public Number fromString(String string) {
                return 0;
            }
        });
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        weekChart.getData().add(series);
        Runnable draw = () -> {
            series.getData().clear();
            for (WeekBar bar : model.weeks()) {
                XYChart.Data<String, Number> point = new XYChart.Data<>(bar.label(),
                        BigDecimal.valueOf(bar.lossAvertedCents(), 2));
                series.getData().add(point);
            }
            for (int i = 0; i < series.getData().size(); i++) {
                WeekBar bar = model.weeks().get(i);
                var node = series.getData().get(i).getNode();
                if (node != null) {
                    Tooltip.install(node, new Tooltip(bar.label() + " · " + text.money(bar.lossAvertedCents())));
                }
            }
        };
        model.weeks().addListener((ListChangeListener<WeekBar>) change -> draw.run());
        draw.run();
    }

    private static void totals(TableView<LedgerRow> table, TableColumn<LedgerRow, String> name,
                               TableColumn<LedgerRow, Number> count, TableColumn<LedgerRow, Number> saved,
                               FixText text) {
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        name.setCellFactory(column -> new WholeTextCell<>());
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().fixCount()));
        count.setCellFactory(column -> numberCell(n -> String.valueOf(n.intValue())));
        saved.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lossAvertedCents()));
        saved.setCellFactory(column -> numberCell(n -> text.money(n.longValue())));
    }

    private static <S> TableCell<S, Number> numberCell(Function<Number, String> format) {
        return new TableCell<>() {
            {
                getStyleClass().add("numeric-cell");
            }

            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
    }

    private void setUpFixes(FixText text) {
        fixWhen.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.when(c.getValue().fix().appliedAt())));
        fixKind.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.kind(c.getValue().fix().kind())));
        fixKind.setCellFactory(column -> new WholeTextCell<>());
        fixTarget.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fix().targetTitle()));
        fixTarget.setCellFactory(column -> new WholeTextCell<>());
        fixMerchant.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fix().merchantName()));
        fixMerchant.setCellFactory(column -> new WholeTextCell<>());
        // A manager's fixes are their own: who applied them is said only in the whole team's ledger.
        fixBy.setVisible(model.showsManagers());
        fixBy.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fix().requestedByName()));
        fixSaved.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().fix().lossAvertedCents()));
        fixSaved.setCellFactory(column -> numberCell(n -> text.money(n.longValue())));
        fixSaved.setComparator(Comparator.comparingLong(Number::longValue));
        fixState.setCellValueFactory(c -> c.getValue().fixProperty());
        fixState.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Fix fix, boolean empty) {
                super.updateItem(fix, empty);
                getStyleClass().removeAll("fix-state-applied", "fix-state-undone");
                textProperty().unbind();
                if (empty || fix == null) {
                    setText(null);
                    return;
                }
                // Follows the clock: "undo until" becomes "final" when the window closes, without a redraw.
                textProperty().bind(Bindings.createStringBinding(() -> model.undoState(fix), model.nowProperty()));
                getStyleClass().add(fix.status() == FixStatus.UNDONE ? "fix-state-undone" : "fix-state-applied");
            }
        });
        fixUndo.setCellValueFactory(c -> c.getValue().fixProperty());
        fixUndo.setCellFactory(column -> new UndoCell());
        fixTable.setItems(model.fixes());
    }

    /** The row's Undo: enabled while the fix can be undone from here; offline its tooltip says why not. */
    private final class UndoCell extends TableCell<FixRow, Fix> {
        private final Button button = new Button(model.text().messages().get("fixes.undo"), new FontIcon("fth-rotate-ccw"));

        UndoCell() {
            button.getStyleClass().addAll("small", "fix-undo");
            button.setMinWidth(Button.USE_PREF_SIZE);
            button.setOnAction(event -> model.undo(getTableRow() == null ? null : getTableRow().getItem()));
            Tooltip reason = new Tooltip();
            reason.textProperty().bind(model.unavailableReasonProperty());
            button.setTooltip(reason);
        }

        @Override
        protected void updateItem(Fix fix, boolean empty) {
            super.updateItem(fix, empty);
            button.disableProperty().unbind();
            if (empty || fix == null || fix.status() == FixStatus.UNDONE) {
                setGraphic(null);
                return;
            }
            // The undo window closes as time passes, and the button follows the connection.
            button.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canUndo(fix),
                    model.nowProperty(), model.availableProperty()));
            setGraphic(button);
        }
    }

    @FXML
    private void refresh() {
        model.load();
        insights.refresh();
    }
}
