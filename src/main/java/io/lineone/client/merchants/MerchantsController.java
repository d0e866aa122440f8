package io.lineone.client.merchants;

import io.lineone.api.Merchant;
import io.lineone.client.merchants.MerchantsViewModel.State;
import java.util.Comparator;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Binds the merchants table, its filters, states and the detail pane to the view model. */
public final class MerchantsController {

    private final MerchantsViewModel model;

    @FXML private TextField searchField;
    @FXML private ComboBox<TierChoice> tierFilter;
    @FXML private Label countLabel;
    @FXML private TableView<MerchantRow> merchantTable;
    @FXML private TableColumn<MerchantRow, String> nameColumn;
    @FXML private TableColumn<MerchantRow, String> shopColumn;
    @FXML private TableColumn<MerchantRow, String> tierColumn;
    @FXML private TableColumn<MerchantRow, String> regionColumn;
    @FXML private TableColumn<MerchantRow, Merchant> scoreColumn;
    @FXML private Label noMatchLabel;
    @FXML private VBox loadingState;
    @FXML private VBox errorState;
    @FXML private Label errorMessage;
    @FXML private VBox emptyState;
    @FXML private VBox detailPane;
    @FXML private ScrollPane detailScroll;
    @FXML private Label detailHint;
    @FXML private Label detailName;
    @FXML private Label detailShop;
    @FXML private Label detailScore;
    @FXML private Label detailTier;
    @FXML private Label detailRegion;
    @FXML private Label detailCategory;
    @FXML private Label detailShipping;
    @FXML private Label detailPreSale;
    @FXML private Label detailAfterSale;
    @FXML private Label detailDsr;
    @FXML private Label detailDisputeRate;

    public MerchantsController(MerchantsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(model.queryProperty());
        tierFilter.getItems().setAll(TierChoice.values());
        tierFilter.setButtonCell(new TierChoiceCell());
        tierFilter.setCellFactory(list -> new TierChoiceCell());
        tierFilter.valueProperty().bindBidirectional(model.tierProperty());
        countLabel.textProperty().bind(model.countTextProperty());

        setUpColumns();
        SortedList<MerchantRow> sorted = new SortedList<>(model.visibleRows());
        sorted.comparatorProperty().bind(merchantTable.comparatorProperty());
        merchantTable.setItems(sorted);
        noMatchLabel.textProperty().bind(model.noMatchTextProperty());
        merchantTable.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, now) -> model.select(now == null ? null : now.merchant()));

        showWhen(loadingState, model.stateProperty().isEqualTo(State.LOADING));
        showWhen(errorState, model.stateProperty().isEqualTo(State.ERROR));
        showWhen(emptyState, model.stateProperty().isEqualTo(State.EMPTY));
        BooleanBinding ready = model.stateProperty().isEqualTo(State.READY);
        merchantTable.visibleProperty().bind(ready);
        detailPane.visibleProperty().bind(ready);
        detailPane.managedProperty().bind(ready);
        errorMessage.textProperty().bind(model.errorProperty());

        BooleanBinding hasDetail = model.detailProperty().isNotNull();
        showWhen(detailScroll, hasDetail);
        showWhen(detailHint, hasDetail.not());
        model.detailProperty().addListener((obs, old, now) -> showDetail(now));

        model.load();
    }

    private void setUpColumns() {
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().merchant().name()));
        shopColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().merchant().shopName()));
        tierColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(model.tierLabel(c.getValue().merchant().tier())));
        regionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().merchant().region()));
        scoreColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().merchant()));
        scoreColumn.setCellFactory(column -> new BandChipCell(model::bandLabel));
        scoreColumn.setComparator(Comparator.comparingInt(Merchant::lighthouseScore));
    }

    private void showDetail(MerchantDetail detail) {
        if (detail == null) {
            return;
        }
        detailName.setText(detail.name());
        detailShop.setText(detail.shopName());
        detailScore.setText(detail.score());
        detailScore.getStyleClass().setAll(BandChipCell.styleClassesFor(detail.band()));
        detailTier.setText(detail.tier());
        detailRegion.setText(detail.region());
        detailCategory.setText(detail.category());
        detailShipping.setText(detail.shippingHours());
        detailPreSale.setText(detail.preSaleResponse());
        detailAfterSale.setText(detail.afterSaleResponse());
        detailDsr.setText(detail.dsr());
        detailDisputeRate.setText(detail.disputeRate());
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    @FXML
    private void retry() {
        model.load();
    }

    private final class TierChoiceCell extends ListCell<TierChoice> {
        @Override
        protected void updateItem(TierChoice choice, boolean empty) {
            super.updateItem(choice, empty);
            setText(empty || choice == null ? null : model.tierLabel(choice));
        }
    }
}
