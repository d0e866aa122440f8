package io.lineone.client.queue;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.Issue;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.Merchant;
import io.lineone.client.common.WrappedLabel;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/** Binds the issue queue's detail drawer ({@code IssueDetailView.fxml}) to its view model. */
public final class IssueDetailController {

    private final IssueDetailViewModel model;

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

    public IssueDetailController(IssueDetailViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        showWhen(detailDrawer, model.openProperty());
        showWhen(drawerError, model.errorProperty().isNotEmpty());
        drawerError.textProperty().bind(model.errorProperty());
        model.detailProperty().addListener((obs, old, detail) -> show(detail));
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
