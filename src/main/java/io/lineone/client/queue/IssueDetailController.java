package io.lineone.client.queue;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.Issue;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.Merchant;
import io.lineone.client.common.WrappedLabel;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;

/** Binds the issue queue's detail drawer ({@code IssueDetailView.fxml}) to its view model. */
public final class IssueDetailController {

    private final IssueDetailViewModel model;
    private final ConversationViewModel conversation;

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

    public IssueDetailController(IssueDetailViewModel model, ConversationViewModel conversation) {
        this.model = model;
        this.conversation = conversation;
    }

    @FXML
    private void initialize() {
        showWhen(detailDrawer, model.openProperty());
        showWhen(drawerError, model.errorProperty().isNotEmpty());
        drawerError.textProperty().bind(model.errorProperty());
        model.detailProperty().addListener((obs, old, detail) -> show(detail));
        setUpTabs();
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
