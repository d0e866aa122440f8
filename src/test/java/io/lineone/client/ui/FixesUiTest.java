package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lineone.api.AssigneeChange;
import io.lineone.api.Fix;
import io.lineone.api.Issue;
import io.lineone.api.Listing;
import io.lineone.api.ListingStatus;
import io.lineone.api.Merchant;
import io.lineone.api.Page;
import io.lineone.api.Priority;
import io.lineone.client.ledger.FixRow;
import io.lineone.client.merchants.ListingRow;
import io.lineone.client.merchants.MerchantRow;
import io.lineone.client.queue.IssueRow;
import io.lineone.testing.Feed;
import io.lineone.testing.ManagerBooks;
import io.lineone.testing.Screenshots;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * One-click fixes against the real backend: the feed slips a decimal point, the detector's P1 appears in the queue
 * without a refresh, F and Enter delist the listing, the merchant's listings say so, the ledger counts it, and Undo
 * brings it all back. Also: a preview gone stale, and a merchant that became another manager's.
 */
class FixesUiTest extends SeededConsoleTestBase {

    private Feed feed;

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    @BeforeEach
    void feed() {
        feed = new Feed(server);
    }

    private void openQueue() throws TimeoutException {
        openQueue(Locale.ENGLISH);
    }

    private void openQueue(Locale locale) throws TimeoutException {
        open(locale, Optional.empty(), server, ManagerBooks.LI_NA);
        waitUntil(() -> showing("#navIssues"));
        clickOn("#navIssues");
        waitUntil(() -> showing("#queueRoot") && !showing("#loadingState"));
        waitUntil(() -> fx(() -> lookup("#connectionLabel").query().getStyleClass().contains("connection-live")));
    }

    /** A rice listing whose price the feed then slips from ¥89.00 to ¥8.90: a decimal slip, a P1. */
    private Listing slipped(Merchant merchant, String title) {
        Listing listing = feed.listing(merchant.id(), Feed.rice(title));
        return feed.price(listing.id(), 890);
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> tableOf(String id) {
        return (TableView<T>) lookup(id).queryAs(TableView.class);
    }

    private Optional<Issue> shown(String id) {
        return fx(() -> this.<IssueRow>tableOf("#issueTable").getItems().stream().map(IssueRow::issue)
                .filter(i -> i.id().equals(id)).findFirst());
    }

    private void select(String issueId) {
        interact(() -> {
            TableView<IssueRow> table = tableOf("#issueTable");
            table.getItems().stream().filter(r -> r.id().equals(issueId)).findFirst()
                    .ifPresent(row -> table.getSelectionModel().clearAndSelect(table.getItems().indexOf(row)));
            table.requestFocus();
        });
    }

    private long cents(String money) {
        return Long.parseLong(money.replaceAll("[^0-9]", ""));
    }

    private Fix serverFix(String listingId) {
        return server.api().get("/fixes", server.adminToken()).as(new TypeReference<Page<Fix>>() { }).items().stream().filter(f -> f.targetId().equals(listingId))
                .findFirst().orElseThrow();
    }

    @Test
    void aSlippedPriceIsAP1LiveAndFAndEnterDelistItTheLedgerCountsItAndUndoBringsItBack() throws Exception {
        openQueue();
        clickOn("#navLedger");
        waitUntil(() -> showing("#ledgerRoot") && !showing("#loadingState"));
        long before = showing("#weekTotal") ? cents(text("#weekTotal")) : 0;
        clickOn("#navIssues");
        waitUntil(() -> showing("#queueRoot"));

        Merchant merchant = books.liNasMerchants().get(0);
        Listing listing = slipped(merchant, "五常大米 5kg");
        String issueId = listing.openIssueIds().get(0);
        waitUntil(() -> shown(issueId).isPresent());
        assertThat(shown(issueId).orElseThrow().priority()).isEqualTo(Priority.P1);

        select(issueId);
        assertThat(lookup("#fixSheet").tryQuery()).as("built when first opened, not with the window").isEmpty();
        type(KeyCode.F);
        waitUntil(() -> showing("#fixSheet") && showing("#fixSaves"));
        assertThat(text("#fixTitle")).isEqualTo("Delist the listing");
        assertThat(text("#fixSubject")).isEqualTo("五常大米 5kg");
        assertThat(text("#fixSaves")).startsWith("Saves ¥");
        Screenshots.save(stage.getScene(), "fix-dialog-en");

        type(KeyCode.ENTER);
        waitUntil(() -> feed.get(listing.id()).status() == ListingStatus.DELISTED);
        waitUntil(() -> !showing("#fixSheet") && lookup(".toast-action").tryQuery().isPresent());
        assertThat(fx(() -> lookup(".toast-action").queryAs(Button.class).isDisabled())).isFalse();
        assertThat(fx(() -> lookup(".toast-fix .toast-title").queryLabeled().getText())).isEqualTo("Delisted “五常大米 5kg”");
        Fix fix = serverFix(listing.id());

        // The merchant's listings say so, from the event.
        clickOn("#navMerchants");
        waitUntil(() -> showing("#merchantTable") && !showing("#loadingState"));
        interact(() -> {
            TableView<MerchantRow> table = tableOf("#merchantTable");
            table.getItems().stream().filter(r -> r.merchant().id().equals(merchant.id())).findFirst()
                    .ifPresent(row -> table.getSelectionModel().select(row));
        });
        waitUntil(() -> showing("#listingTable") && listingStatus(listing.id()) == ListingStatus.DELISTED);
        interact(() -> {
            TableView<ListingRow> table = tableOf("#listingTable");
            table.getItems().stream().filter(r -> r.id().equals(listing.id())).findFirst()
                    .ifPresent(row -> table.getSelectionModel().select(row));
        });
        waitUntil(() -> showing("#priceHistory"));
        Screenshots.save(stage.getScene(), "merchant-listings-en");

        // The ledger counts it; its row's Undo brings the listing back, and the total goes down again.
        clickOn("#navLedger");
        waitUntil(() -> showing("#weekTotal") && cents(text("#weekTotal")) == before + fix.lossAvertedCents());
        waitUntil(() -> fixRow(fix.id()).isPresent());
        Screenshots.save(stage.getScene(), "ledger-en");
        interact(() -> lookup("#ledgerContent").queryAs(ScrollPane.class).setVvalue(1.0));
        clickOn(undoButton(fix.id()));
        waitUntil(() -> feed.get(listing.id()).status() == ListingStatus.LIVE);
        waitUntil(() -> cents(text("#weekTotal")) == before);
        waitUntil(() -> fixRow(fix.id()).map(r -> r.fix().status().name()).orElse("").equals("UNDONE"));

        clickOn("#navMerchants");
        waitUntil(() -> listingStatus(listing.id()) == ListingStatus.LIVE);
    }

    private ListingStatus listingStatus(String listingId) {
        return fx(() -> this.<ListingRow>tableOf("#listingTable").getItems().stream()
                .filter(r -> r.id().equals(listingId)).map(r -> r.listing().status()).findFirst().orElse(null));
    }

    @SuppressWarnings("unchecked")
    private Button undoButton(String fixId) {
        return fx(() -> lookup("#fixTable .table-row-cell").queryAll().stream().map(n -> (TableRow<FixRow>) n)
                .filter(row -> row.getItem() != null && row.getItem().id().equals(fixId))
                .map(row -> (Button) row.lookup(".fix-undo")).findFirst().orElseThrow());
    }

    private Optional<FixRow> fixRow(String fixId) {
        return fx(() -> this.<FixRow>tableOf("#fixTable").getItems().stream().filter(r -> r.id().equals(fixId))
                .findFirst());
    }

    @Test
    void theToastsUndoPutsTheListingBack() throws Exception {
        openQueue();
        Listing listing = slipped(books.liNasMerchants().get(1), "东北大米 10kg");
        String issueId = listing.openIssueIds().get(0);
        waitUntil(() -> shown(issueId).isPresent());
        select(issueId);

        type(KeyCode.F);
        waitUntil(() -> showing("#fixSheet") && showing("#fixSaves"));
        type(KeyCode.ENTER);
        waitUntil(() -> lookup(".toast-action").tryQuery().isPresent());
        assertThat(feed.get(listing.id()).status()).isEqualTo(ListingStatus.DELISTED);
        clickOn(".toast-action");

        waitUntil(() -> feed.get(listing.id()).status() == ListingStatus.LIVE);
        waitUntil(() -> fx(() -> lookup(".toast-title").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("Undone: Delist the listing"))));
    }

    @Test
    void aPreviewGoneStaleShowsWhatChangedAndTheFreshPreviewIsConfirmedAgain() throws Exception {
        openQueue();
        Listing listing = slipped(books.liNasMerchants().get(2), "泰国香米 5kg");
        String issueId = listing.openIssueIds().get(0);
        waitUntil(() -> shown(issueId).isPresent());
        select(issueId);
        type(KeyCode.F);
        waitUntil(() -> showing("#fixSheet") && showing("#fixSaves"));

        // The feed changes the listing while the manager reads the preview.
        feed.price(listing.id(), 880);
        type(KeyCode.ENTER);

        waitUntil(() -> showing("#fixNotice") && showing("#fixSaves"));
        assertThat(text("#fixNotice")).startsWith("Changed since you looked");
        assertThat(feed.get(listing.id()).status()).as("nothing was applied").isEqualTo(ListingStatus.LIVE);
        Screenshots.save(stage.getScene(), "fix-dialog-stale-en");

        type(KeyCode.ENTER);
        waitUntil(() -> feed.get(listing.id()).status() == ListingStatus.DELISTED);
        waitUntil(() -> !showing("#fixSheet"));
    }

    @Test
    void aMerchantThatBecameAnotherManagersSaysTheFixIsNotHers() throws Exception {
        openQueue();
        Merchant merchant = books.liNasMerchants().get(3);
        Listing listing = slipped(merchant, "有机大米 2kg");
        String issueId = listing.openIssueIds().get(0);
        waitUntil(() -> shown(issueId).isPresent());
        select(issueId);
        type(KeyCode.F);
        waitUntil(() -> showing("#fixSheet") && showing("#fixSaves"));

        String wangWei = books.wangWeisMerchants().get(0).assignedManagerId();
        assertThat(server.api().put("/merchants/" + merchant.id() + "/assignee", server.adminToken(),
                new AssigneeChange(wangWei)).status()).isEqualTo(200);
        type(KeyCode.ENTER);

        waitUntil(() -> showing("#fixError"));
        assertThat(text("#fixError")).isEqualTo(
                "This fix is not yours to make: the merchant is another manager’s, or the listing is gone.");
        assertThat(feed.get(listing.id()).status()).isEqualTo(ListingStatus.LIVE);
        type(KeyCode.ESCAPE);
        waitUntil(() -> !showing("#fixSheet"));
    }

    @Test
    void inChineseTheDialogAndTheLedgerSpeakChineseAndMoneyIsYuan() throws Exception {
        openQueue(Locale.SIMPLIFIED_CHINESE);
        Listing listing = slipped(books.liNasMerchants().get(4), "东北大米 5kg");
        String issueId = listing.openIssueIds().get(0);
        waitUntil(() -> shown(issueId).isPresent());
        select(issueId);

        type(KeyCode.F);
        waitUntil(() -> showing("#fixSheet") && showing("#fixSaves"));
        assertThat(text("#fixTitle")).isEqualTo("下架商品");
        assertThat(text("#fixSaves")).matches("可避免损失 ¥[0-9,]+\\.[0-9]{2}");
        Screenshots.save(stage.getScene(), "fix-dialog-zh");
        type(KeyCode.ENTER);
        waitUntil(() -> feed.get(listing.id()).status() == ListingStatus.DELISTED);

        clickOn("#navLedger");
        waitUntil(() -> showing("#weekTotal") && fixRowFor(listing.id()).isPresent());
        assertThat(text("#weekTotal")).matches("¥[0-9,]+\\.[0-9]{2}");
        assertThat(text("#weekCount")).endsWith("次修复");
        Screenshots.save(stage.getScene(), "ledger-zh");
    }

    @Test
    void aListingsFlagsAreChipsAndItsRowOffersItsFixes() throws Exception {
        openQueue();
        Merchant merchant = books.liNasMerchants().get(0);
        Listing listing = slipped(merchant, "香米礼盒 2kg");
        clickOn("#navMerchants");
        waitUntil(() -> showing("#merchantTable") && !showing("#loadingState"));
        interact(() -> {
            TableView<MerchantRow> table = tableOf("#merchantTable");
            table.getItems().stream().filter(r -> r.merchant().id().equals(merchant.id())).findFirst()
                    .ifPresent(row -> table.getSelectionModel().select(row));
        });
        waitUntil(() -> showing("#listingTable") && listingStatus(listing.id()) == ListingStatus.LIVE);
        interact(() -> {
            TableView<ListingRow> table = tableOf("#listingTable");
            table.getItems().stream().filter(r -> r.id().equals(listing.id())).findFirst()
                    .ifPresent(row -> table.getSelectionModel().select(row));
        });
        waitUntil(() -> lookup("#listingFixes .fix-button").tryQuery().isPresent());
        assertThat(fx(() -> lookup("#listingTable .anomaly-chip").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList())).contains("Decimal slip");
        Screenshots.save(stage.getScene(), "merchant-listing-flags-en");

        clickOn(fx(() -> lookup("#listingFixes .fix-button").queryAll().stream().map(n -> (Button) n)
                .filter(b -> b.getText().equals("Delist the listing")).findFirst().orElseThrow()));
        waitUntil(() -> showing("#fixSheet") && showing("#fixSaves"));
        type(KeyCode.ENTER);
        waitUntil(() -> feed.get(listing.id()).status() == ListingStatus.DELISTED);
        waitUntil(() -> listingStatus(listing.id()) == ListingStatus.DELISTED);
    }

    private Optional<FixRow> fixRowFor(String listingId) {
        return fx(() -> this.<FixRow>tableOf("#fixTable").getItems().stream()
                .filter(r -> r.fix().targetId().equals(listingId)).findFirst());
    }
}
