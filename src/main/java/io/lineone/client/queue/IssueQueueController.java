package io.lineone.client.queue;

import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.Merchant;
import io.lineone.api.Priority;
import io.lineone.client.queue.IssueQueueViewModel.NoticeKind;
import io.lineone.client.queue.IssueQueueViewModel.State;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Binds the issue queue to its view model, and turns keys into commands: J/K move, C claim, A acknowledge,
 * W waiting on merchant, R resolve, Enter details, / search, ? shortcuts, Esc closes. Keys are ignored while
 * the focus is in a text field, so typing a search never triages an issue.
 */
public final class IssueQueueController {

    private final IssueQueueViewModel model;

    @FXML private BorderPane queueRoot;
    @FXML private Label countLabel;
    @FXML private ToggleButton moneyOrderToggle;
    @FXML private TextField searchField;
    @FXML private ComboBox<AssigneeChoice> assigneeFilter;
    @FXML private ComboBox<StatusChoice> statusFilter;
    @FXML private ComboBox<FilterChoice<IssueCategory>> categoryFilter;
    @FXML private ComboBox<FilterChoice<Priority>> priorityFilter;
    @FXML private Button claimButton;
    @FXML private Button acknowledgeButton;
    @FXML private Button waitButton;
    @FXML private Button resolveButton;
    @FXML private Button detailButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private HBox linkBanner;
    @FXML private Label linkLabel;
    @FXML private HBox noticeBanner;
    @FXML private FontIcon noticeIcon;
    @FXML private Label noticeLabel;
    @FXML private TableView<IssueRow> issueTable;
    @FXML private TableColumn<IssueRow, Issue> priorityColumn;
    @FXML private TableColumn<IssueRow, Issue> slaColumn;
    @FXML private TableColumn<IssueRow, Issue> merchantColumn;
    @FXML private TableColumn<IssueRow, Issue> categoryColumn;
    @FXML private TableColumn<IssueRow, Issue> titleColumn;
    @FXML private TableColumn<IssueRow, Issue> statusColumn;
    @FXML private TableColumn<IssueRow, Issue> assigneeColumn;
    @FXML private TableColumn<IssueRow, Issue> moneyColumn;
    @FXML private VBox loadingState;
    @FXML private VBox errorState;
    @FXML private Label errorMessage;
    @FXML private VBox emptyState;
    @FXML private StackPane resolveSheet;
    @FXML private Label resolveSubject;
    @FXML private ComboBox<String> rootCauseField;
    @FXML private TextArea noteField;
    @FXML private Label resolveErrorLabel;
    @FXML private Button resolveConfirm;
    @FXML private StackPane helpSheet;
    @FXML private VBox detailDrawer;
    @FXML private Label drawerPriority;
    @FXML private Label drawerStatus;
    @FXML private ProgressIndicator drawerProgress;
    @FXML private Label drawerTitle;
    @FXML private Label drawerDescription;
    @FXML private Label drawerCategory;
    @FXML private Label drawerMoney;
    @FXML private Label drawerListing;
    @FXML private Label drawerAssignee;
    @FXML private Label drawerRootCause;
    @FXML private Label drawerPauses;
    @FXML private Label drawerMerchantName;
    @FXML private Label drawerMerchantShop;
    @FXML private Label drawerMerchantFacts;
    @FXML private VBox drawerHistory;
    @FXML private Label drawerError;

    public IssueQueueController(IssueQueueViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        setUpFilters();
        setUpTable();
        setUpBanners();
        setUpActions();
        setUpResolveSheet();
        setUpDrawer();
        helpSheet.setVisible(false);
        helpSheet.setManaged(false);
        // Escape first, as a filter: the table and the text fields would otherwise take it for themselves.
        queueRoot.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                escape(event);
            }
        });
        queueRoot.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        queueRoot.addEventHandler(KeyEvent.KEY_TYPED, this::onTyped);
        // The table takes the keys as soon as the screen shows.
        queueRoot.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                Platform.runLater(issueTable::requestFocus);
            }
        });
    }

    private void setUpFilters() {
        searchField.textProperty().bindBidirectional(model.queryProperty());
        choices(assigneeFilter, List.of(AssigneeChoice.values()), model::label);
        assigneeFilter.valueProperty().bindBidirectional(model.assigneeProperty());
        choices(statusFilter, List.of(StatusChoice.values()), model::label);
        statusFilter.valueProperty().bindBidirectional(model.statusProperty());
        choices(categoryFilter, model.categoryChoices(), model::categoryChoiceLabel);
        categoryFilter.valueProperty().bindBidirectional(model.categoryProperty());
        choices(priorityFilter, model.priorityChoices(), model::priorityChoiceLabel);
        priorityFilter.valueProperty().bindBidirectional(model.priorityProperty());
        moneyOrderToggle.selectedProperty().bindBidirectional(model.orderByMoneyProperty());
        countLabel.textProperty().bind(model.countTextProperty());
    }

    private static <T> void choices(ComboBox<T> box, List<T> values, Function<T, String> label) {
        box.getItems().setAll(values);
        box.setButtonCell(new ChoiceCell<>(label));
        box.setCellFactory(list -> new ChoiceCell<>(label));
    }

    private void setUpTable() {
        for (TableColumn<IssueRow, Issue> column : List.of(priorityColumn, slaColumn, merchantColumn, categoryColumn,
                titleColumn, statusColumn, assigneeColumn, moneyColumn)) {
            column.setCellValueFactory(c -> c.getValue().issueProperty());
            column.setReorderable(false);
        }
        priorityColumn.setCellFactory(c -> IssueCell.chip(issue -> issue.priority().name(),
                issue -> List.of("priority-chip", "priority-" + issue.priority().name().toLowerCase(Locale.ROOT))));
        slaColumn.setCellFactory(c -> new SlaCell(model.nowProperty(), model::slaText, model::slaTooltip));
        merchantColumn.setCellFactory(c -> IssueCell.text(Issue::merchantName));
        categoryColumn.setCellFactory(c -> IssueCell.text(issue -> model.categoryLabel(issue.category())));
        titleColumn.setCellFactory(c -> IssueCell.text(Issue::title));
        statusColumn.setCellFactory(c -> IssueCell.chip(issue -> model.statusLabel(issue.status()),
                issue -> List.of("status-chip", "status-" + issue.status().name().toLowerCase(Locale.ROOT)
                        .replace('_', '-'))));
        assigneeColumn.setCellFactory(c -> IssueCell.text(model::assigneeLabel));
        moneyColumn.setCellFactory(c -> IssueCell.text(issue -> model.money(issue.moneyAtRiskCents()), "money-cell"));
        issueTable.setRowFactory(table -> new IssueTableRow());
        issueTable.setItems(model.visibleRows());
        issueTable.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, row) -> model.selectedProperty().set(row));
        issueTable.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && issueTable.getSelectionModel().getSelectedItem() != null) {
                model.openDetail();
            }
        });

        showWhen(loadingState, model.stateProperty().isEqualTo(State.LOADING));
        showWhen(errorState, model.stateProperty().isEqualTo(State.ERROR));
        showWhen(emptyState, model.stateProperty().isEqualTo(State.EMPTY));
        issueTable.visibleProperty().bind(model.stateProperty().isEqualTo(State.READY));
        errorMessage.textProperty().bind(model.errorProperty());
    }

    private void setUpBanners() {
        linkLabel.textProperty().bind(model.linkTextProperty());
        showWhen(linkBanner, model.linkTextProperty().isNotEmpty());
        noticeLabel.textProperty().bind(model.noticeProperty());
        showWhen(noticeBanner, model.noticeProperty().isNotEmpty());
        model.noticeKindProperty().addListener((obs, old, kind) -> styleNotice(kind));
        styleNotice(model.noticeKindProperty().get());
    }

    private void styleNotice(NoticeKind kind) {
        noticeBanner.getStyleClass().removeIf(style -> style.startsWith("banner-"));
        noticeBanner.getStyleClass().add("banner-" + kind.name().toLowerCase(Locale.ROOT));
        noticeIcon.setIconLiteral(switch (kind) {
            case STALE -> "fth-refresh-cw";
            case ERROR -> "fth-alert-triangle";
            default -> "fth-info";
        });
    }

    private void setUpActions() {
        claimButton.disableProperty().bind(model.canClaimProperty().not());
        acknowledgeButton.disableProperty().bind(model.canAcknowledgeProperty().not());
        waitButton.disableProperty().bind(model.canWaitProperty().not());
        resolveButton.disableProperty().bind(model.canResolveProperty().not());
        detailButton.disableProperty().bind(model.selectedIssueProperty().isNull());
        showWhen(busyIndicator, model.busyProperty());
    }

    private void setUpResolveSheet() {
        showWhen(resolveSheet, model.resolvingProperty());
        rootCauseField.getItems().setAll(model.rootCauseSuggestions());
        rootCauseField.getEditor().textProperty().bindBidirectional(model.rootCauseProperty());
        noteField.textProperty().bindBidirectional(model.noteProperty());
        resolveErrorLabel.textProperty().bind(model.resolveErrorProperty());
        showWhen(resolveErrorLabel, model.resolveErrorProperty().isNotEmpty());
        BooleanBinding cannotSend = model.actionsAvailableProperty().not();
        resolveConfirm.disableProperty().bind(cannotSend);
        resolveConfirm.defaultButtonProperty().bind(model.resolvingProperty());
        model.resolvingProperty().addListener((obs, old, open) -> {
            if (open) {
                Issue issue = model.selectedIssueProperty().get();
                resolveSubject.setText(issue == null ? "" : issue.title());
                Platform.runLater(rootCauseField::requestFocus);
            } else {
                issueTable.requestFocus();
            }
        });
    }

    private void setUpDrawer() {
        showWhen(detailDrawer, model.detailOpenProperty());
        // The drawer shows category and assignee itself; the table gives their room to the rest meanwhile.
        categoryColumn.visibleProperty().bind(model.detailOpenProperty().not());
        assigneeColumn.visibleProperty().bind(model.detailOpenProperty().not());
        showWhen(drawerError, model.detailErrorProperty().isNotEmpty());
        drawerError.textProperty().bind(model.detailErrorProperty());
        model.detailProperty().addListener((obs, old, detail) -> showDetail(detail));
    }

    private void showDetail(IssueDetail detail) {
        if (detail == null) {
            return;
        }
        Issue issue = detail.issue();
        drawerProgress.setVisible(detail.loading());
        drawerPriority.setText(issue.priority().name());
        drawerPriority.getStyleClass().setAll("label", "priority-chip",
                "priority-" + issue.priority().name().toLowerCase(Locale.ROOT));
        drawerStatus.setText(model.statusLabel(issue.status()));
        drawerStatus.getStyleClass().setAll("label", "status-chip",
                "status-" + issue.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        drawerTitle.setText(issue.title());
        drawerDescription.setText(issue.description());
        drawerCategory.setText(model.categoryLabel(issue.category()));
        drawerMoney.setText(model.money(issue.moneyAtRiskCents()));
        drawerListing.setText(issue.listingId() == null ? "—" : issue.listingId());
        drawerAssignee.setText(model.assigneeLabel(issue));
        drawerRootCause.setText(issue.rootCause() == null ? "—" : issue.rootCause());
        drawerPauses.setText(model.pausesText(issue));
        Merchant merchant = detail.merchant();
        drawerMerchantName.setText(merchant == null ? issue.merchantName() : merchant.name());
        drawerMerchantShop.setText(merchant == null ? "" : merchant.shopName());
        drawerMerchantFacts.setText(merchant == null ? "" : model.merchantFacts(merchant));
        drawerHistory.getChildren().clear();
        for (IssueHistoryEntry entry : detail.history()) {
            Label line = new Label(model.historyLine(entry));
            line.setWrapText(true);
            line.getStyleClass().add("history-line");
            drawerHistory.getChildren().add(line);
            if (entry.note() != null) {
                Label noteLine = new Label(entry.note());
                noteLine.setWrapText(true);
                noteLine.getStyleClass().add("history-note");
                drawerHistory.getChildren().add(noteLine);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- keys

    private void onKey(KeyEvent event) {
        if (event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
            return;
        }
        if (typing()) {
            return;
        }
        boolean handled = true;
        switch (event.getCode()) {
            case J -> move(1);
            case K -> move(-1);
            case C -> model.claim();
            case A -> model.acknowledge();
            case W -> model.waitOnMerchant();
            case R -> model.beginResolve();
            case ENTER -> model.openDetail();
            default -> handled = false;
        }
        if (handled) {
            event.consume();
        }
    }

    /** "/" and "?" by the character typed, whatever the keyboard layout puts them on. */
    private void onTyped(KeyEvent event) {
        if (typing() || event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
            return;
        }
        switch (event.getCharacter()) {
            case "/" -> {
                // Consumed here, so the "/" is not typed into the field that gets the focus.
                event.consume();
                searchField.requestFocus();
                searchField.selectAll();
            }
            case "?" -> {
                event.consume();
                toggleHelp();
            }
            default -> {
                // Letters typed on the table mean nothing more than their key press did.
            }
        }
    }

    /** Typing (the search, the resolve dialog) is typing, never a command. */
    private boolean typing() {
        Node focus = queueRoot.getScene() == null ? null : queueRoot.getScene().getFocusOwner();
        return focus instanceof TextInputControl || model.resolvingProperty().get();
    }

    private void escape(KeyEvent event) {
        if (model.resolvingProperty().get()) {
            model.cancelResolve();
        } else if (helpSheet.isVisible()) {
            helpSheet.setVisible(false);
        } else if (searchField.isFocused()) {
            issueTable.requestFocus();
        } else if (model.detailOpenProperty().get()) {
            model.closeDetail();
        } else {
            return;
        }
        event.consume();
    }

    private void move(int step) {
        var selection = issueTable.getSelectionModel();
        int size = issueTable.getItems().size();
        if (size == 0) {
            return;
        }
        int index = selection.getSelectedIndex();
        int target = index < 0 ? 0 : Math.max(0, Math.min(size - 1, index + step));
        selection.clearAndSelect(target);
        issueTable.scrollTo(Math.max(0, target - 3));
    }

    // --------------------------------------------------------------------------------------------- buttons

    @FXML
    private void claim() {
        model.claim();
    }

    @FXML
    private void acknowledge() {
        model.acknowledge();
    }

    @FXML
    private void waitOnMerchant() {
        model.waitOnMerchant();
    }

    @FXML
    private void resolve() {
        model.beginResolve();
    }

    @FXML
    private void confirmResolve() {
        model.confirmResolve();
    }

    @FXML
    private void cancelResolve() {
        model.cancelResolve();
    }

    @FXML
    private void openDetail() {
        model.openDetail();
    }

    @FXML
    private void closeDetail() {
        model.closeDetail();
        issueTable.requestFocus();
    }

    @FXML
    private void toggleHelp() {
        helpSheet.setVisible(!helpSheet.isVisible());
        helpSheet.setManaged(helpSheet.isVisible());
    }

    @FXML
    private void dismissNotice() {
        model.dismissNotice();
    }

    @FXML
    private void retry() {
        model.load();
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private static final class ChoiceCell<T> extends ListCell<T> {
        private final Function<T, String> label;

        ChoiceCell(Function<T, String> label) {
            this.label = label;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : label.apply(item));
        }
    }
}
