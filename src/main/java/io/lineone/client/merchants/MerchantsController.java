package io.lineone.client.merchants;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.Merchant;
import io.lineone.client.common.ChoiceCell;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.SearchKeys;
import io.lineone.client.common.StatePanes;
import io.lineone.client.common.WholeTextCell;
import java.util.Comparator;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Binds the merchants table, its filters, states and the detail pane to the view model. */
public final class MerchantsController {

    private final MerchantsViewModel model;

    @FXML private BorderPane merchantsRoot;
    @FXML private Label merchantsTitle;
    @FXML private Label emptyBody;
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
        merchantsTitle.setText(model.title());
        emptyBody.setText(model.emptyText());
        searchField.textProperty().bindBidirectional(model.queryProperty());
        SearchKeys.focusKeys(merchantsRoot, searchField);
        SearchKeys.leaveKeys(searchField, merchantTable);
        ChoiceCell.install(tierFilter, List.of(TierChoice.values()), model::tierLabel);
        tierFilter.valueProperty().bindBidirectional(model.tierProperty());
        countLabel.textProperty().bind(model.countTextProperty());

        setUpColumns();
        SortedList<MerchantRow> sorted = new SortedList<>(model.visibleRows());
        sorted.comparatorProperty().bind(merchantTable.comparatorProperty());
        merchantTable.setItems(sorted);
        noMatchLabel.textProperty().bind(model.noMatchTextProperty());
        merchantTable.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, now) -> model.select(now == null ? null : now.merchant()));

        new StatePanes(loadingState, errorState, errorMessage, emptyState)
                .bind(model.stateProperty(), model.errorProperty(), merchantTable);
        showWhen(detailPane, StatePanes.is(model.stateProperty(), ScreenState.READY));

        BooleanBinding hasDetail = model.detailProperty().isNotNull();
        showWhen(detailScroll, hasDetail);
        showWhen(detailHint, hasDetail.not());
        model.detailProperty().addListener((obs, old, now) -> showDetail(now));

        model.revealProperty().addListener((obs, old, row) -> {
            if (row != null) {
                merchantTable.getSelectionModel().select(row);
                merchantTable.scrollTo(row);
                merchantTable.requestFocus();
            }
        });
        model.load();
    }

    private void setUpColumns() {
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().merchant().name()));
        shopColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().merchant().shopName()));
        tierColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(model.tierLabel(c.getValue().merchant().tier())));
        regionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().merchant().region()));
        nameColumn.setCellFactory(column -> new WholeTextCell<>());
        shopColumn.setCellFactory(column -> new WholeTextCell<>());
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

    @FXML
    private void retry() {
        model.revealProperty().addListener((obs, old, row) -> {
            if (row != null) {
                merchantTable.getSelectionModel().select(row);
                merchantTable.scrollTo(row);
                merchantTable.requestFocus();
            }
        });
        model.load();
    }
}
