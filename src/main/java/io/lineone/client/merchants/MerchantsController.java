package io.lineone.client.merchants;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.FixOption;
import io.lineone.api.Listing;
import io.lineone.api.Merchant;
import io.lineone.api.PricePoint;
import io.lineone.api.User;
import io.lineone.client.common.AfterLayout;
import io.lineone.client.common.ChoiceCell;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.SearchKeys;
import io.lineone.client.common.StatePanes;
import io.lineone.client.common.WholeTextCell;
import io.lineone.client.fixes.FixText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Binds the merchants table, its filters, states, the supervisor's managers panel and moves, and the selected
 * merchant's listings to the view model. The table never sorts its own items: a click on a header asks the book,
 * which keeps the whole book in that order.
 */
public final class MerchantsController {

    private final MerchantsViewModel model;
    private final MerchantListingsViewModel listings;
    private final BookProbe probe;

    @FXML private BorderPane merchantsRoot;
    @FXML private Label merchantsTitle;
    @FXML private Label emptyBody;
    @FXML private TextField searchField;
    @FXML private ComboBox<TierChoice> tierFilter;
    @FXML private ComboBox<BandChoice> bandFilter;
    @FXML private ComboBox<String> categoryFilter;
    @FXML private ComboBox<String> regionFilter;
    @FXML private ComboBox<User> managerFilter;
    @FXML private Button clearFiltersButton;
    @FXML private MenuButton moveButton;
    @FXML private Label countLabel;
    @FXML private Label asOfLabel;
    @FXML private Label progressLabel;
    @FXML private Button resumeButton;
    @FXML private Label noticeLabel;
    @FXML private VBox managersPanel;
    @FXML private ListView<BookMoves.ManagerLine> managerList;
    @FXML private TableView<MerchantRow> merchantTable;
    @FXML private TableColumn<MerchantRow, Merchant> nameColumn;
    @FXML private TableColumn<MerchantRow, Merchant> shopColumn;
    @FXML private TableColumn<MerchantRow, Merchant> tierColumn;
    @FXML private TableColumn<MerchantRow, Merchant> scoreColumn;
    @FXML private TableColumn<MerchantRow, Merchant> openColumn;
    @FXML private TableColumn<MerchantRow, Merchant> moneyColumn;
    @FXML private TableColumn<MerchantRow, Merchant> contactColumn;
    @FXML private TableColumn<MerchantRow, Merchant> managerColumn;
    @FXML private Label noMatchLabel;
    @FXML private VBox loadingState;
    @FXML private VBox errorState;
    @FXML private Label errorMessage;
    @FXML private VBox emptyState;
    @FXML private VBox detail;

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

    /** @param probe the benchmark's measurements, or null */
    public MerchantsController(MerchantsViewModel model, MerchantListingsViewModel listings, BookProbe probe) {
        this.model = model;
        this.listings = listings;
        this.probe = probe;
    }

    @FXML
    private void initialize() {
        merchantsTitle.setText(model.text().title(model.wholeTeam()));
        emptyBody.setText(model.text().emptyText(model.wholeTeam()));
        searchField.textProperty().bindBidirectional(model.filters().queryProperty());
        SearchKeys.focusKeys(merchantsRoot, searchField);
        SearchKeys.leaveKeys(searchField, merchantTable);
        setUpFilters();
        countLabel.textProperty().bind(model.countTextProperty());
        asOfLabel.textProperty().bind(model.asOfTextProperty());
        showWhen(asOfLabel, model.asOfTextProperty().isNotEmpty());
        progressLabel.textProperty().bind(model.progressProperty());
        showWhen(progressLabel, model.progressProperty().isNotEmpty());
        showWhen(resumeButton, Bindings.createBooleanBinding(model::resumable, model.progressProperty()));
        noticeLabel.textProperty().bind(model.moves().noticeProperty());

        setUpColumns();
        // On a narrow window the detail pane gives way to the table's names, down to what its scorecard needs.
        detail.prefWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(250, Math.min(360, merchantsRoot.getWidth() * 0.26)), merchantsRoot.widthProperty()));
        merchantTable.setItems(model.visibleRows());
        // The book sorts itself; the table only says which columns, in which direction.
        merchantTable.setSortPolicy(table -> {
            List<BookSort.By> wanted = sortOrder();
            if (!(wanted.isEmpty() ? BookSort.DEFAULT : wanted).equals(model.sortedBy())) {
                MerchantRow selected = merchantTable.getSelectionModel().getSelectedItem();
                model.sort(wanted);
                keepSelected(selected);
            }
            return true;
        });
        noMatchLabel.textProperty().bind(model.filters().noMatchTextProperty());
        merchantTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.select(now);
                listings.show(now.merchant());
            }
        });
        // A keystroke rewrites the shown rows: the merchant being looked at stays selected if it is still there.
        model.visibleRows().addListener((ListChangeListener<MerchantRow>) change -> {
            MerchantRow shown = model.detail().shown();
            if (shown != null && merchantTable.getSelectionModel().getSelectedItem() != shown) {
                keepSelected(shown);
            }
        });

        new StatePanes(loadingState, errorState, errorMessage, emptyState)
                .bind(model.stateProperty(), model.errorProperty(), merchantTable);
        showWhen(detail, StatePanes.is(model.stateProperty(), ScreenState.READY));

        model.revealProperty().addListener((obs, old, row) -> {
            if (row != null) {
                merchantTable.getSelectionModel().select(row);
                merchantTable.scrollTo(row);
                merchantTable.requestFocus();
            }
        });
        ManagerPanel.attach(model, merchantTable, managersPanel, managerList, moveButton);
        setUpListings();
        model.pacedBy(rest -> AfterLayout.run(merchantTable, rest));
        if (probe != null) {
            probe.attach(model, merchantTable, searchField);
        }
        model.load();
    }

    private void keepSelected(MerchantRow row) {
        if (row == null) {
            return;
        }
        int at = model.visibleRows().indexOf(row);
        if (at >= 0) {
            merchantTable.getSelectionModel().clearAndSelect(at);
        }
    }

    private List<BookSort.By> sortOrder() {
        List<BookSort.By> order = new ArrayList<>();
        for (TableColumn<MerchantRow, ?> column : merchantTable.getSortOrder()) {
            order.add(new BookSort.By(BookSort.Key.valueOf((String) column.getUserData()),
                    column.getSortType() == TableColumn.SortType.ASCENDING));
        }
        return order;
    }

    private void setUpFilters() {
        ChoiceCell.install(tierFilter, List.of(TierChoice.values()), model.text()::tierLabel);
        tierFilter.valueProperty().bindBidirectional(model.filters().tierProperty());
        ChoiceCell.install(bandFilter, List.of(BandChoice.values()), model.text()::bandLabel);
        bandFilter.valueProperty().bindBidirectional(model.filters().bandProperty());
        choices(categoryFilter, model.filters().categories(), model.text()::categoryLabel);
        categoryFilter.valueProperty().bindBidirectional(model.filters().categoryProperty());
        choices(regionFilter, model.filters().regions(), model.text()::regionLabel);
        regionFilter.valueProperty().bindBidirectional(model.filters().regionProperty());
        managerColumn.setVisible(model.wholeTeam());
        if (model.wholeTeam()) {
            choices(managerFilter, model.moves().managers(), model.text()::managerLabel);
            managerFilter.valueProperty().bindBidirectional(model.filters().managerProperty());
        } else {
            // A manager's book is theirs alone: the filter is left out of the screen, not merely hidden (a combo box
            // builds its list's skin with its own).
            StatePanes.leaveOut(managerFilter);
        }
    }

    /** A combo box of "all" (null) and the values of {@code source}, following it as it changes. */
    private static <T> void choices(ComboBox<T> box, javafx.collections.ObservableList<T> source,
                                    java.util.function.Function<T, String> label) {
        Runnable fill = () -> {
            T chosen = box.getValue();
            List<T> values = new ArrayList<>();
            values.add(null);
            values.addAll(source);
            ChoiceCell.install(box, values, label);
            box.setValue(source.contains(chosen) ? chosen : null);
        };
        fill.run();
        source.addListener((ListChangeListener<T>) change -> fill.run());
    }

    private void setUpColumns() {
        BookText text = model.text();
        for (TableColumn<MerchantRow, Merchant> column : List.of(nameColumn, shopColumn, tierColumn, scoreColumn,
                openColumn, moneyColumn, contactColumn, managerColumn)) {
            // Every cell follows its row's merchant, so a live change repaints it in place.
            column.setCellValueFactory(c -> c.getValue().merchantProperty());
        }
        nameColumn.setCellFactory(column -> new MerchantCells.Text(Merchant::name, null));
        shopColumn.setCellFactory(column -> new MerchantCells.Text(Merchant::shopName, null));
        tierColumn.setCellFactory(column -> new MerchantCells.Text(m -> text.tier(m.tier()), null));
        scoreColumn.setCellFactory(column -> new BandChipCell(text));
        openColumn.setCellFactory(column -> new MerchantCells.Text(m -> Integer.toString(m.openIssues()), "number-cell"));
        moneyColumn.setCellFactory(column -> new MerchantCells.Text(m -> text.money(m.moneyAtRiskCents()),
                "number-cell"));
        contactColumn.setCellFactory(column -> new MerchantCells.Contact(text));
        managerColumn.setCellFactory(column -> new MerchantCells.Text(m -> m.assignedManagerName() == null
                ? text.messages().get("merchants.manager.none") : m.assignedManagerName(), null));
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
        StatePanes.showWhenFirstNeeded(listingsLoading, StatePanes.is(listings.stateProperty(), ScreenState.LOADING));
        listingsError.textProperty().bind(listings.errorProperty());
        showWhen(listingsError, StatePanes.is(listings.stateProperty(), ScreenState.ERROR));
        showWhen(listingsEmpty, StatePanes.is(listings.stateProperty(), ScreenState.EMPTY).and(noMerchant.not()));
        BooleanBinding listingsReady = StatePanes.is(listings.stateProperty(), ScreenState.READY);
        listingsContent.visibleProperty().bind(listingsReady);
        StatePanes.addWhenFirstShown(listingsContent, listingsReady);

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
        model.load();
    }

    @FXML
    private void resume() {
        model.resume();
    }

    @FXML
    private void clearFilters() {
        model.filters().clear();
    }
}
