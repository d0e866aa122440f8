package io.lineone.client.queue;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.Issue;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.Merchant;
import io.lineone.client.common.WrappedLabel;
import io.lineone.api.FixOption;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;

/** Binds the issue queue's detail drawer ({@code IssueDetailView.fxml}) to its view model. */
public final class IssueDetailController {

    private final IssueDetailViewModel model;
    private final ConversationViewModel conversation;
    private final IssueFixes fixes;

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
    @FXML private TabPane drawerTabs;
    @FXML private Tab conversationTab;

    @FXML private Label drawerFixesTitle;
    @FXML private VBox drawerFixes;
    @FXML private Label drawerFixesReason;

    public IssueDetailController(IssueDetailViewModel model, ConversationViewModel conversation, IssueFixes fixes) {
        this.model = model;
        this.conversation = conversation;
        this.fixes = fixes;
    }

    @FXML
    private void initialize() {
        showWhen(detailDrawer, model.openProperty());
        showWhen(drawerError, model.errorProperty().isNotEmpty());
        drawerError.textProperty().bind(model.errorProperty());
        model.detailProperty().addListener((obs, old, detail) -> show(detail));
        setUpTabs();
        showWhen(drawerFixesTitle, Bindings.isNotEmpty(fixes.options()));
        showWhen(drawerFixes, Bindings.isNotEmpty(fixes.options()));
        // A disabled button shows no tooltip: the reason is also a line under the buttons.
        drawerFixesReason.textProperty().bind(fixes.unavailableReasonProperty());
        showWhen(drawerFixesReason, Bindings.isNotEmpty(fixes.options())
                .and(fixes.unavailableReasonProperty().isNotEmpty()));
        fixes.options().addListener((ListChangeListener<FixOption>) change -> showFixes());
    }

    /** The conversation's tab says how many messages there are; asking to reply turns to the conversation. */
    private void setUpTabs() {
        ConversationText text = conversation.text();
        conversationTab.textProperty().bind(Bindings.createStringBinding(() -> conversation.messages().isEmpty()
                ? text.messages().get("conversation.tab.conversation")
                : text.messages().format("conversation.tab.conversationCount", conversation.messages().size()),
                conversation.messages()));
        conversation.replyWantedProperty().addListener((obs, old, now) ->
                drawerTabs.getSelectionModel().select(conversationTab));
    }

    private void showFixes() {
        drawerFixes.getChildren().clear();
        IssueDetail shown = model.detailProperty().get();
        String issueId = shown == null ? null : shown.issue().id();
        // The listing by its title rather than its id, once a fix names it.
        String listingId = shown == null ? null : shown.issue().listingId();
        fixes.options().stream().filter(o -> o.targetId().equals(listingId) && o.targetTitle() != null).findFirst()
                .ifPresent(o -> drawerListing.setText(o.targetTitle()));
        for (FixOption option : fixes.options()) {
            Button button = new Button(fixes.label(option), new FontIcon("fth-tool"));
            button.getStyleClass().addAll("small", "fix-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setUserData(option.kind().name());
            button.disableProperty().bind(fixes.availableProperty().not());
            Tooltip reason = new Tooltip();
            reason.textProperty().bind(fixes.unavailableReasonProperty());
            button.setTooltip(reason);
            button.setOnAction(event -> fixes.open(option, issueId));
            drawerFixes.getChildren().add(button);
        }
    }

    private void show(IssueDetail detail) {
        if (detail == null) {
            return;
        }
        IssueText text = model.text();
        Issue issue = detail.issue();
        drawerProgress.setVisible(detail.loading());
        IssueChips.show(drawerPriority, issue.priority().name(), IssueChips.priority(issue));
        IssueChips.show(drawerStatus, text.status(issue.status()), IssueChips.status(issue));
        drawerTitle.setText(issue.title());
        drawerDescription.setText(issue.description());
        drawerCategory.setText(text.category(issue.category()));
        drawerMoney.setText(text.money(issue.moneyAtRiskCents()));
        drawerListing.setText(issue.listingId() == null ? "—" : issue.listingId());
        drawerAssignee.setText(text.assignee(issue));
        drawerRootCause.setText(issue.rootCause() == null ? "—" : issue.rootCause());
        drawerPauses.setText(text.pauses(issue));
        Merchant merchant = detail.merchant();
        drawerMerchantName.setText(merchant == null ? issue.merchantName() : merchant.name());
        drawerMerchantShop.setText(merchant == null ? "" : merchant.shopName());
        drawerMerchantFacts.setText(merchant == null ? "" : text.merchantFacts(merchant));
        drawerHistory.getChildren().clear();
        for (IssueHistoryEntry entry : detail.history()) {
            drawerHistory.getChildren().add(WrappedLabel.of(text.historyLine(entry), "history-line"));
            if (entry.note() != null) {
                drawerHistory.getChildren().add(WrappedLabel.of(entry.note(), "history-note"));
            }
        }
    }

    @FXML
    private void close() {
        model.close();
    }
}
