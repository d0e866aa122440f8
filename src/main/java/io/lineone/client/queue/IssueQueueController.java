package io.lineone.client.queue;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.IssueCategory;
import io.lineone.api.Priority;
import io.lineone.client.common.ChoiceCell;
import io.lineone.client.common.FocusHome;
import io.lineone.client.common.SearchKeys;
import io.lineone.client.common.StatePanes;
import io.lineone.client.common.UserSettings;
import io.lineone.client.queue.IssueActions.NoticeKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Binds the issue queue to its view model, and turns keys into commands: J/K move, X marks rows (C, A and R then act
 * on all of them), C claim, A acknowledge, W waiting on merchant, R resolve, B pull the bell on the selected issues,
 * F fix, T transfer, P priority, O reopen, D duplicate, N new issue, M reply, 1–4 saved views, Enter details,
 * / search, ? shortcuts, Esc closes. Keys are ignored while the focus is in a text field, so typing a search never triages
 * an issue. The detail drawer ({@link IssueDetailController}), the resolve sheet ({@link ResolveSheetController}) and the bell
 * sheet ({@link PullBellController}) are views of their own, included by this one.
 */
public final class IssueQueueController {

    /** How long an informational notice stays over the table. */
    private static final Duration INFO_SHOWN_FOR = Duration.seconds(6);

    private final IssueQueueViewModel model;
    private final IssueActions actions;
    private final ResolveDialogViewModel resolveDialog;
    private final IssueDetailViewModel detail;
    private final PullBellViewModel pullBell;
    private final UserSettings settings;
    private final ManageDialogViewModel manage;
    private RowMarks marks;

    @FXML private BorderPane queueRoot;
    @FXML private Label countLabel;
    @FXML private ToggleButton moneyOrderToggle;
    @FXML private TextField searchField;
    @FXML private HBox viewBar;
    @FXML private MenuButton columnsButton;
    @FXML private ComboBox<AssigneeChoice> assigneeFilter;
    @FXML private ComboBox<StatusChoice> statusFilter;
    @FXML private ComboBox<FilterChoice<IssueCategory>> categoryFilter;
    @FXML private ComboBox<FilterChoice<Priority>> priorityFilter;
    @FXML private Button claimButton;
    @FXML private Button acknowledgeButton;
    @FXML private Button waitButton;
    @FXML private Button resolveButton;
    @FXML private Button detailButton;
    @FXML private Button pullBellButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private HBox linkBanner;
    @FXML private Label linkLabel;
    @FXML private HBox noticeBanner;
    @FXML private FontIcon noticeIcon;
    @FXML private Label noticeLabel;
    @FXML private TableView<IssueRow> issueTable;
    @FXML private TableColumn<IssueRow, ?> categoryColumn;
    @FXML private TableColumn<IssueRow, ?> assigneeColumn;
    @FXML private VBox loadingState;
    @FXML private VBox errorState;
    @FXML private Label errorMessage;
    @FXML private VBox emptyState;
    @FXML private Label emptyBody;
    @FXML private StackPane helpSheet;

    public IssueQueueController(IssueQueueViewModel model, UserSettings settings) {
        this.model = model;
        this.settings = settings;
        this.actions = model.actions();
        this.resolveDialog = model.resolve();
        this.detail = model.detail();
        this.pullBell = model.pullBell();
        this.manage = model.manage();
    }

    /**
     * The controllers of the queue's view and of the views it includes, all over {@code model}.
     *
     * @param settings where the user's columns, sort and view are remembered
     */
    public static Map<Class<?>, Supplier<?>> controllers(IssueQueueViewModel model, UserSettings settings) {
        return Map.of(IssueQueueController.class, () -> new IssueQueueController(model, settings),
                IssueDetailController.class, () -> new IssueDetailController(model.detail(), model.conversation(),
                        model.fixes()),
                ConversationController.class, () -> new ConversationController(model.conversation()),
                NotesController.class, () -> new NotesController(model.conversation()),
                PullBellController.class, () -> new PullBellController(model.pullBell(), model.text().messages()),
                ResolveSheetController.class, () -> new ResolveSheetController(model.resolve(), model.actions()),
                ManageIssueController.class, () -> new ManageIssueController(model.manage(), model.actions(),
                        model.text()),
                NewIssueController.class, () -> new NewIssueController(model.newIssue(), model.text()),
                ManageMenuController.class, () -> new ManageMenuController(model),
                TeamLoadController.class, () -> new TeamLoadController(model));
    }

    @FXML
    private void initialize() {
        setUpFilters();
        setUpTable();
        setUpBanners();
        setUpActions();
        for (ObservableValue<Boolean> sheet : List.of(detail.openProperty(), pullBell.openProperty(),
                resolveDialog.openProperty())) {
            tableTakesKeysBack(sheet);
        }
        helpSheet.setVisible(false);
        helpSheet.setManaged(false);
        // Escape first, as a filter: the table and the text fields would otherwise take it for themselves.
        queueRoot.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                escape(event);
            }
        });
        SearchKeys.focusKeys(queueRoot, searchField);
        SearchKeys.leaveKeys(searchField, issueTable);
        queueRoot.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        queueRoot.addEventHandler(KeyEvent.KEY_TYPED, this::onTyped);
        FocusHome.set(queueRoot, issueTable);
        // The table takes the keys as soon as the screen shows.
        queueRoot.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                Platform.runLater(issueTable::requestFocus);
            }
        });
    }

    private void setUpFilters() {
        QueueFilters filters = model.filters();
        IssueText text = model.text();
        searchField.textProperty().bindBidirectional(filters.queryProperty());
        ChoiceCell.install(assigneeFilter, List.of(AssigneeChoice.values()), model::assigneeLabel);
        assigneeFilter.valueProperty().bindBidirectional(filters.assigneeProperty());
        ChoiceCell.install(statusFilter, List.of(StatusChoice.values()), text::label);
        statusFilter.valueProperty().bindBidirectional(filters.statusProperty());
        ChoiceCell.install(categoryFilter, filters.categoryChoices(), text::categoryChoice);
        categoryFilter.valueProperty().bindBidirectional(filters.categoryProperty());
        ChoiceCell.install(priorityFilter, filters.priorityChoices(), text::priorityChoice);
        priorityFilter.valueProperty().bindBidirectional(filters.priorityProperty());
        moneyOrderToggle.selectedProperty().bindBidirectional(filters.orderByMoneyProperty());
        countLabel.textProperty().bind(filters.countTextProperty());
        QueueViewBar.install(viewBar, filters, text.messages());
    }

    private void setUpTable() {
        IssueColumns.install(issueTable, model.text(), model.nowProperty());
        issueTable.setRowFactory(table -> new IssueTableRow());
        // Several issues can be one bell's evidence; the rest of the queue acts on the focused one.
        issueTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        marks = new RowMarks(issueTable, model.bulk().selection(), model.wholeTeam());
        issueTable.setItems(model.visibleRows());
        // A header click sorts by that column; clicked until unsorted, the queue is back in its own order.
        issueTable.setSortPolicy(table -> {
            model.filters().sortBy(table.getSortOrder().isEmpty() ? null : table.getComparator());
            return true;
        });
        issueTable.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, row) -> model.selectedProperty().set(row));
        issueTable.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && issueTable.getSelectionModel().getSelectedItem() != null) {
                detail.open();
            }
        });
        new StatePanes(loadingState, errorState, errorMessage, emptyState)
                .bind(model.stateProperty(), model.errorProperty(), issueTable);
        emptyBody.setText(model.emptyText());
        // Category and assignee give way first when the table is narrow (the drawer open, a small window): the
        // drawer shows both of the selected issue anyway.
        QueueLayout.install(issueTable, List.of(categoryColumn, assigneeColumn), columnsButton, model.filters(),
                settings, model.text().messages());
        model.revealProperty().addListener((obs, old, row) -> reveal(row));
        reveal(model.revealProperty().get());
    }

    /** An issue asked for from elsewhere (a notification): selected, scrolled to, its drawer open. */
    private void reveal(IssueRow row) {
        if (row == null) {
            return;
        }
        var selection = issueTable.getSelectionModel();
        selection.clearSelection();
        selection.select(row);
        issueTable.scrollTo(Math.max(0, issueTable.getItems().indexOf(row) - 3));
        detail.open();
        issueTable.requestFocus();
    }

    private void setUpBanners() {
        linkLabel.textProperty().bind(model.linkTextProperty());
        showWhen(linkBanner, model.linkTextProperty().isNotEmpty());
        noticeLabel.textProperty().bind(actions.noticeProperty());
        showWhen(noticeBanner, actions.noticeProperty().isNotEmpty());
        actions.noticeKindProperty().addListener((obs, old, kind) -> styleNotice(kind));
        styleNotice(actions.noticeKindProperty().get());
        // "Done" and "not now" notices leave by themselves; a stale or failed change stays until dismissed, and the
        // pointer resting on a notice keeps it.
        PauseTransition fade = new PauseTransition(INFO_SHOWN_FOR);
        fade.setOnFinished(event -> {
            if (actions.noticeKindProperty().get() == NoticeKind.INFO && !noticeBanner.isHover()) {
                actions.dismissNotice();
            }
        });
        actions.noticeProperty().addListener((obs, old, now) -> fade.playFromStart());
        noticeBanner.hoverProperty().addListener((obs, was, hovered) -> {
            if (!hovered) {
                fade.playFromStart();
            }
        });
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
        waitButton.disableProperty().bind(actions.canWaitProperty().not());
        resolveButton.disableProperty().bind(model.canResolveProperty().not());
        detailButton.disableProperty().bind(model.selectedIssueProperty().isNull());
        pullBellButton.disableProperty().bind(model.selectedIssueProperty().isNull());
        showWhen(busyIndicator, actions.busyProperty());
    }

    /** Closing the drawer or a sheet gives the table back the keys. */
    private void tableTakesKeysBack(ObservableValue<Boolean> open) {
        open.addListener((obs, was, now) -> {
            if (!now) {
                issueTable.requestFocus();
            }
        });
    }

    // ------------------------------------------------------------------------------------------------- keys

    private void onKey(KeyEvent event) {
        if (event.isControlDown() || event.isAltDown() || event.isMetaDown() || typing()) {
            return;
        }
        boolean handled = true;
        switch (event.getCode()) {
            case J -> marks.move(1);
            case K -> marks.move(-1);
            case X -> marks.toggle();
            case C -> model.claim();
            case A -> model.acknowledge();
            case T -> manage.begin(ManageDialogViewModel.Step.TRANSFER);
            case P -> manage.begin(ManageDialogViewModel.Step.PRIORITY);
            case O -> manage.begin(ManageDialogViewModel.Step.REOPEN);
            case D -> manage.begin(ManageDialogViewModel.Step.DUPLICATE);
            case N -> model.newIssue().begin(model.selectedIssueProperty().get());
            case W -> actions.waitOnMerchant();
            case R -> resolveDialog.begin();
            case B -> pullTheBell();
            case F -> model.fixSelected();
            case ENTER -> detail.open();
            case M -> replyToMerchant();
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
        QueueView saved = QueueViewBar.byDigit(event.getCharacter());
        if (saved != null) {
            event.consume();
            model.filters().show(saved);
        } else if ("?".equals(event.getCharacter())) {
            event.consume();
            toggleHelp();
        }
    }

    /** Typing (the search, the resolve dialog) is typing, never a command. */
    private boolean typing() {
        Node focus = queueRoot.getScene() == null ? null : queueRoot.getScene().getFocusOwner();
        return focus instanceof TextInputControl || resolveDialog.openProperty().get()
                || pullBell.openProperty().get() || manage.openProperty().get() || model.newIssue().openProperty().get();
    }

    private void escape(KeyEvent event) {
        if (pullBell.openProperty().get()) {
            pullBell.cancel();
        } else if (manage.openProperty().get()) {
            manage.cancel();
        } else if (model.newIssue().openProperty().get()) {
            model.newIssue().cancel();
        } else if (resolveDialog.openProperty().get()) {
            resolveDialog.cancel();
        } else if (helpSheet.isVisible()) {
            helpSheet.setVisible(false);
        } else if (searchField.isFocused()) {
            SearchKeys.leave(searchField, issueTable);
        } else if (detail.openProperty().get()) {
            detail.close();
        } else if (!marks.clear()) {
            return;
        }
        event.consume();
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
        actions.waitOnMerchant();
    }

    @FXML
    private void resolve() {
        resolveDialog.begin();
    }

    @FXML
    private void pullTheBell() {
        pullBell.begin(issueTable.getSelectionModel().getSelectedItems().stream().map(IssueRow::issue).toList());
    }

    /** M: the drawer open on the selected issue's conversation, the caret in the reply box. */
    private void replyToMerchant() {
        detail.open();
        if (detail.openProperty().get()) {
            model.conversation().askToReply();
        }
    }

    @FXML
    private void openDetail() {
        detail.open();
    }

    @FXML
    private void toggleHelp() {
        helpSheet.setVisible(!helpSheet.isVisible());
        helpSheet.setManaged(helpSheet.isVisible());
    }

    @FXML
    private void dismissNotice() {
        actions.dismissNotice();
    }

    @FXML
    private void retry() {
        model.retry();
    }
}
