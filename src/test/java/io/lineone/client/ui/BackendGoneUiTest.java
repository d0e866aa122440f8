package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Bell;
import io.lineone.api.Issue;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.Listing;
import io.lineone.api.ListingStatus;
import io.lineone.api.Page;
import io.lineone.api.Release;
import io.lineone.client.queue.IssueRow;
import io.lineone.testing.BellsSeed;
import io.lineone.testing.DyingLink;
import io.lineone.testing.Feed;
import io.lineone.testing.ManagerBooks;
import io.lineone.testing.TestServer;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * The backend goes away in the middle of an action — its answer to a fix or a note lost after it was done, a bell's
 * pull that never arrived — and the console says so in the dialog or the box the user is in, keeps what they
 * wrote, shows nothing as done that is not, and once the backend is back the same action is done exactly once.
 * The console talks to its backend through a {@link DyingLink} that dies on the chosen request.
 */
class BackendGoneUiTest extends SeededConsoleTestBase {

    private static final String UNREACHABLE = "Cannot reach the server at ";

    private static DyingLink link;
    private Feed feed;

    @BeforeAll
    static void link() {
        link = new DyingLink(server.port());
    }

    @AfterAll
    static void unlink() {
        link.close();
    }

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    @BeforeEach
    void openQueue() throws TimeoutException {
        link.restore();
        feed = new Feed(server);
        open(Locale.ENGLISH, Optional.empty(), link.url(), ManagerBooks.LI_NA);
        waitUntil(() -> showing("#navIssues"));
        clickOn("#navIssues");
        waitUntil(() -> showing("#queueRoot") && !showing("#loadingState"));
        waitUntil(this::live);
    }

    private boolean live() {
        return fx(() -> lookup("#connectionLabel").query().getStyleClass().contains("connection-live"));
    }

    @SuppressWarnings("unchecked")
    private TableView<IssueRow> queue() {
        return (TableView<IssueRow>) lookup("#issueTable").queryAs(TableView.class);
    }

    private Optional<Issue> shown(String id) {
        return fx(() -> queue().getItems().stream().map(IssueRow::issue).filter(i -> i.id().equals(id)).findFirst());
    }

    private void select(String... issueIds) {
        interact(() -> {
            queue().getSelectionModel().clearSelection();
            queue().getItems().stream().filter(r -> List.of(issueIds).contains(r.id()))
                    .forEach(row -> queue().getSelectionModel().select(row));
            queue().requestFocus();
        });
    }

    /** Closes the notices of new P1s, as a person would before reaching the button under them. */
    private void dismissToasts() throws TimeoutException {
        for (Node close : fx(() -> List.<Node>copyOf(lookup(".toast-close").queryAll()))) {
            clickOn(close);
        }
        waitUntil(() -> lookup(".toast").tryQuery().isEmpty());
    }

    private boolean enabled(String query) {
        return showing(query) && fx(() -> !lookup(query).queryAs(Button.class).isDisabled());
    }

    /** The dialog's before → after, as the texts of its cells. */
    private List<String> changesShown() {
        return fx(() -> lookup("#fixChanges").queryAs(GridPane.class).getChildren().stream()
                .filter(n -> n instanceof Labeled).map(n -> ((Labeled) n).getText()).toList());
    }

    private long fixesOf(String listingId) {
        return server.api().get("/fixes?limit=500", server.adminToken()).as(new TypeReference<Page<io.lineone.api.Fix>>() { })
                .items().stream().filter(f -> f.targetId().equals(listingId)).count();
    }

    @Test
    void aFixWhoseAnswerIsLostKeepsItsDialogAndEnterOnceTheBackendIsBackAppliesItOnce() throws Exception {
        Listing listing = feed.price(feed.listing(books.liNasMerchants().get(0).id(), Feed.rice("五常大米 5kg")).id(), 890);
        String issueId = listing.openIssueIds().get(0);
        waitUntil(() -> shown(issueId).isPresent());
        select(issueId);
        type(KeyCode.F);
        waitUntil(() -> showing("#fixSheet") && showing("#fixSaves") && enabled("#fixConfirm"));
        List<String> changes = changesShown();

        link.dieOn("POST /api/v1/fixes ", DyingLink.Death.AFTER_IT_IS_DONE);
        type(KeyCode.ENTER);

        waitUntil(() -> link.isDown() && showing("#fixError") && text("#fixError").startsWith(UNREACHABLE));
        assertThat(fixesOf(listing.id())).as("the backend applied it before it went away").isEqualTo(1);
        assertThat(showing("#fixSheet")).as("the dialog stays, before → after as it was").isTrue();
        assertThat(changesShown()).isEqualTo(changes).contains("Live", "Delisted");
        assertThat(lookup(".toast-fix").tryQuery()).as("no toast claims what the console never heard").isEmpty();
        waitUntil(() -> !live() && !enabled("#fixConfirm") && showing("#fixOffline"));
        assertThat(text("#fixOffline")).startsWith("Offline");

        link.restore();
        waitUntil(() -> live() && enabled("#fixConfirm"));
        type(KeyCode.ENTER);
        waitUntil(() -> !showing("#fixSheet") && lookup(".toast-fix").tryQuery().isPresent());
        assertThat(fx(() -> lookup(".toast-fix .toast-title").queryLabeled().getText())).isEqualTo("Delisted “五常大米 5kg”");
        assertThat(fixesOf(listing.id())).as("sent again with its key: applied once").isEqualTo(1);
        assertThat(feed.get(listing.id()).status()).isEqualTo(ListingStatus.DELISTED);
        waitUntil(() -> shown(issueId).isEmpty());
    }

    @Test
    void aBellWhosePullNeverArrivedKeepsItsReasonAndIsPulledOnceWhenTheBackendIsBack() throws Exception {
        BellsSeed seed = new BellsSeed(server);
        Release release = seed.release("商品价格展示改版");
        Issue issue = seed.issue(books.liNasMerchants().get(1), release, "划线价被当成售价展示", 9_900_00);
        waitUntil(() -> shown(issue.id()).isPresent());
        select(issue.id());
        type(KeyCode.B);
        waitUntil(() -> showing("#pullSheet"));
        dismissToasts();
        String reason = "The new price page shows the list price as the selling price";
        clickOn("#reasonField").write(reason);
        waitUntil(() -> !showing("#reasonHint") && enabled("#pullSend"));

        link.dieOn("POST /api/v1/releases/" + release.id() + "/bells ", DyingLink.Death.BEFORE_IT_ARRIVES);
        clickOn("#pullSend");

        waitUntil(() -> link.isDown() && showing("#pullError") && text("#pullError").startsWith(UNREACHABLE));
        assertThat(showing("#pullSheet")).as("the dialog stays").isTrue();
        assertThat(text("#reasonField")).as("the reason is kept").isEqualTo(reason);
        assertThat(seed.bellsOf(release)).as("nothing was pulled").isEmpty();
        waitUntil(() -> !live() && !enabled("#pullSend"));

        link.restore();
        waitUntil(() -> live() && enabled("#pullSend"));
        clickOn("#pullSend");
        waitUntil(() -> !showing("#pullSheet") && text("#noticeLabel").startsWith("Bell pulled on 商品价格展示改版"));
        List<Bell> bells = seed.bellsOf(release);
        assertThat(bells).singleElement().satisfies(bell -> assertThat(bell.reason()).isEqualTo(reason));
    }

    @Test
    void aNoteWhoseAnswerIsLostStaysInItsBoxAndSendingItAgainSavesItOnce() throws Exception {
        Issue issue = server.issue(books.liNasMerchants().get(2), io.lineone.api.Priority.P2,
                io.lineone.api.IssueCategory.LOGISTICS, "物流轨迹三天未更新", 1_000_00);
        waitUntil(() -> shown(issue.id()).isPresent());
        select(issue.id());
        type(KeyCode.ENTER);
        waitUntil(() -> showing("#detailDrawer"));
        clickOn("#notesTab");
        waitUntil(() -> showing("#internalNoteField"));
        String note = "Carrier says the scanner at the hub was down; call the merchant tomorrow.";
        clickOn("#internalNoteField").write(note);

        link.dieOn("POST /api/v1/issues/" + issue.id() + "/notes ", DyingLink.Death.AFTER_IT_IS_DONE);
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);

        waitUntil(() -> link.isDown() && showing("#noteError") && text("#noteError").startsWith(UNREACHABLE));
        assertThat(notesOnServer(issue)).as("saved before the backend went away").hasSize(1);
        assertThat(text("#internalNoteField")).as("the console never heard so: the draft is kept").isEqualTo(note);
        assertThat(notesShown()).as("at most the one note there is").isLessThanOrEqualTo(1);
        waitUntil(() -> !live());

        link.restore();
        waitUntil(this::live);
        clickOn("#internalNoteField");
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> text("#internalNoteField").isEmpty() && !showing("#noteError"));
        assertThat(notesOnServer(issue)).as("sent again with its key: saved once").extracting(IssueNote::text)
                .containsExactly(note);
        waitUntil(() -> notesShown() == 1);
    }

    @Test
    void aReplyWhoseAnswerIsLostStaysInItsBoxAndSendingItAgainReachesTheMerchantOnce() throws Exception {
        Issue issue = server.issue(books.liNasMerchants().get(3), io.lineone.api.Priority.P2,
                io.lineone.api.IssueCategory.AFTER_SALES, "退款迟迟未到账", 500_00);
        waitUntil(() -> shown(issue.id()).isPresent());
        select(issue.id());
        type(KeyCode.M);
        waitUntil(() -> showing("#replyField") && fx(() -> lookup("#replyField").query().isFocused()));
        String reply = "The refund left today; your bank shows it within two days.";
        write(reply);

        link.dieOn("POST /api/v1/issues/" + issue.id() + "/messages ", DyingLink.Death.AFTER_IT_IS_DONE);
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);

        waitUntil(() -> link.isDown() && showing("#sendError") && text("#sendError").startsWith(UNREACHABLE));
        assertThat(repliesOnServer(issue)).as("taken before the backend went away").hasSize(1);
        assertThat(text("#replyField")).as("the console never heard so: the draft is kept").isEqualTo(reply);
        waitUntil(() -> !live());

        link.restore();
        waitUntil(this::live);
        clickOn("#replyField");
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> text("#replyField").isEmpty() && !showing("#sendError"));
        assertThat(repliesOnServer(issue)).as("sent again with its key: one message to the merchant")
                .extracting(IssueMessage::text).containsExactly(reply);
    }

    private List<IssueMessage> repliesOnServer(Issue issue) {
        return server.api().get("/issues/" + issue.id() + "/messages", server.signIn(ManagerBooks.LI_NA, TestServer.PASSWORD))
                .as(new TypeReference<Page<IssueMessage>>() { }).items();
    }

    private int notesShown() {
        return fx(() -> lookup("#noteList").queryAs(VBox.class).getChildren().size());
    }

    private List<IssueNote> notesOnServer(Issue issue) {
        return server.api().get("/issues/" + issue.id() + "/notes", server.signIn(ManagerBooks.LI_NA, TestServer.PASSWORD))
                .as(new TypeReference<Page<IssueNote>>() { }).items();
    }
}
