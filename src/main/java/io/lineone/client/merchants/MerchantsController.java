package io.lineone.client.merchants;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.FixOption;
import io.lineone.api.Merchant;
import io.lineone.client.fixes.FixText;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
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
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import io.lineone.api.Listing;
import io.lineone.api.PricePoint;

/** Binds the merchants table, its filters, states and the detail pane to the view model. */
public final class MerchantsController {

    private final MerchantsViewModel model;
    private final MerchantListingsViewModel listings;

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

    @FXML private Label listingsHeading;
    @FXML private Label cashChip;
    @FXML private Label cashLabel;
    @FXML private HBox listingsContent;
    @FXML private TableView<ListingRow> listingTable;
    @FXML private TableColumn<ListingRow, String> listingTitle;
    @FXML private TableColumn<ListingRow, Listing> listingStatus;
    @FXML private TableColumn<ListingRow, Number> listingPrice;
    @FXML private TableColumn<ListingRow, Listing> listingReference;
    @FXML private TableColumn<ListingRow, Listing> listingFlags;
    @FXML private Label listingSideHint;
    @FXML private Label listingFixesTitle;
    @FXML private VBox listingFixes;
    @FXML private Label listingFixReason;
    @FXML private Label priceHistoryTitle;
    @FXML private VBox listingSide;
    @FXML private Label listingSideTitle;
    @FXML private VBox priceHistory;
    @FXML private Label listingsHint;
    @FXML private VBox listingsLoading;
    @FXML private Label listingsError;
    @FXML private Label listingsEmpty;

    public MerchantsController(MerchantsViewModel model, MerchantListingsViewModel listings) {
        this.model = model;
        this.listings = listings;
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
        merchantTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            model.select(now == null ? null : now.merchant());
            listings.show(now == null ? null : now.merchant());
        });

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
        setUpListings();
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
        scoreColumn.setComparator(Comparator.comparing(Merchant::lighthouseScore,
                Comparator.nullsFirst(Comparator.naturalOrder())));
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

    /** The selected merchant's listings below the table: flags, price history and the fixes that apply. */
    private void setUpListings() {
        FixText text = listings.text();
        listingsHeading.textProperty().bind(listings.headingProperty());
        cashLabel.textProperty().bind(listings.cashTextProperty());
        showWhen(cashChip, Bindings.createBooleanBinding(() -> listings.cashProperty().get() != null
                && listings.cashProperty().get().shortOfCash(), listings.cashProperty()));
        BooleanBinding noMerchant = listings.headingProperty().isEmpty();
        showWhen(listingsHint, noMerchant);
        showWhen(listingsLoading, StatePanes.is(listings.stateProperty(), ScreenState.LOADING));
        listingsError.textProperty().bind(listings.errorProperty());
        showWhen(listingsError, StatePanes.is(listings.stateProperty(), ScreenState.ERROR));
        showWhen(listingsEmpty, StatePanes.is(listings.stateProperty(), ScreenState.EMPTY).and(noMerchant.not()));
        listingsContent.visibleProperty().bind(StatePanes.is(listings.stateProperty(), ScreenState.READY));

        listingTitle.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().listing().title()));
        listingTitle.setCellFactory(column -> new WholeTextCell<>());
        listingStatus.setCellValueFactory(c -> c.getValue().listingProperty());
        listingStatus.setCellFactory(column -> new ListingCells.Status(text));
        listingPrice.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().listing().priceCents()));
        listingPrice.setCellFactory(column -> new ListingCells.Money(text));
        listingPrice.setComparator(Comparator.comparingLong(Number::longValue));
        listingReference.setCellValueFactory(c -> c.getValue().listingProperty());
        listingReference.setCellFactory(column -> new ListingCells.Reference(text));
        listingReference.setSortable(false);
        listingFlags.setCellValueFactory(c -> c.getValue().listingProperty());
        listingFlags.setCellFactory(column -> new AnomalyChipsCell(text));
        SortedList<ListingRow> sorted = new SortedList<>(listings.rows());
        sorted.comparatorProperty().bind(listingTable.comparatorProperty());
        listingTable.setItems(sorted);
        listingTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> listings.select(row));

        BooleanBinding picked = listings.selectedProperty().isNotNull();
        showWhen(listingSide, listings.headingProperty().isNotEmpty());
        showWhen(listingSideHint, picked.not());
        showWhen(listingSideTitle, picked);
        listingSideTitle.textProperty().bind(Bindings.createStringBinding(() -> listings.selectedProperty().get() == null
                ? "" : listings.selectedProperty().get().listing().title(), listings.selectedProperty()));
        showWhen(priceHistoryTitle, Bindings.isNotEmpty(listings.prices()));
        showWhen(priceHistory, Bindings.isNotEmpty(listings.prices()));
        listings.prices().addListener((ListChangeListener<PricePoint>) change -> showPrices(text));
        BooleanBinding anyFix = Bindings.isNotEmpty(listings.options());
        showWhen(listingFixesTitle, anyFix);
        showWhen(listingFixes, anyFix);
        listingFixReason.textProperty().bind(listings.fixUnavailableReasonProperty());
        showWhen(listingFixReason, anyFix.and(listings.fixUnavailableReasonProperty().isNotEmpty()));
        listings.options().addListener((ListChangeListener<FixOption>) change -> showFixButtons());
    }

    /** The selected listing's prices, newest first, a flagged one in red. */
    private void showPrices(FixText text) {
        priceHistory.getChildren().clear();
        for (PricePoint point : listings.prices()) {
            Label line = new Label(text.messages().format("merchants.listings.pricePoint", text.when(point.at()),
                    text.money(point.priceCents())) + (point.flagged()
                    ? " · " + text.messages().get("merchants.listings.flagged") : ""));
            line.getStyleClass().add(point.flagged() ? "price-flagged" : "price-point");
            priceHistory.getChildren().add(line);
        }
    }

    private void showFixButtons() {
        listingFixes.getChildren().clear();
        for (FixOption option : listings.options()) {
            Button button = new Button(listings.fixLabel(option), new FontIcon("fth-tool"));
            button.getStyleClass().addAll("small", "fix-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setUserData(option.kind().name());
            button.disableProperty().bind(listings.fixAvailableProperty().not());
            Tooltip reason = new Tooltip();
            reason.textProperty().bind(listings.fixUnavailableReasonProperty());
            button.setTooltip(reason);
            button.setOnAction(event -> listings.fix(option));
            listingFixes.getChildren().add(button);
        }
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
