package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.client.queue.IssueRow;
import io.lineone.testing.ManagerBooks;
import io.lineone.testing.Screenshots;
import io.lineone.testing.TestServer;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * The issue queue against a real backend on a fixed port with an H2 file database under {@code target/}, so the
 * backend can be stopped and started again with its data.
 */
class IssueQueueUiTest extends ConsoleTestBase {

    private static TestServer server;
    private static ManagerBooks books;

    @BeforeAll
    static void startServer() {
        server = TestServer.onH2File().systemClock().start();
        books = ManagerBooks.seed(server);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    private void openQueue(Locale locale) throws TimeoutException {
        open(locale, Optional.empty(), server, ManagerBooks.LI_NA);
        waitUntil(() -> showing("#navIssues"));
        clickOn("#navIssues");
        waitUntil(() -> showing("#queueRoot") && !showing("#loadingState"));
        waitUntil(() -> lookup("#connectionLabel").tryQuery().isPresent()
                && fx(() -> lookup("#connectionLabel").query().getStyleClass().contains("connection-live")));
    }

    @SuppressWarnings("unchecked")
    private TableView<IssueRow> queue() {
        return (TableView<IssueRow>) lookup("#issueTable").queryAs(TableView.class);
    }

    private Optional<Issue> shown(String id) {
        return fx(() -> queue().getItems().stream().map(IssueRow::issue).filter(i -> i.id().equals(id)).findFirst());
    }

    private void select(String id) {
        interact(() -> {
            TableView<IssueRow> table = queue();
            table.getItems().stream().filter(r -> r.id().equals(id)).findFirst()
                    .ifPresent(row -> table.getSelectionModel().select(row));
            table.requestFocus();
        });
    }

    private String selectedId() {
        return fx(() -> {
            IssueRow row = queue().getSelectionModel().getSelectedItem();
            return row == null ? null : row.id();
        });
    }

    private Issue onServer(String id) {
        return server.issueById(id);
    }

    private Issue post(Priority priority, String title, long money) {
        return server.issue(books.liNasMerchants().get(0), priority, IssueCategory.PRICING_ERROR, title, money);
    }

    @Test
    void aPostedIssueAppearsLiveAndIsTriagedByKeyboard() throws Exception {
        openQueue(Locale.ENGLISH);

        Issue fire = post(Priority.P1, "Tea set listed at ¥9.90 instead of ¥990", 200_000_00);
        waitUntil(() -> shown(fire.id()).isPresent());
        List<IssueRow> order = fx(() -> List.copyOf(queue().getItems()));
        int at = order.stream().map(IssueRow::id).toList().indexOf(fire.id());
        assertThat(order.subList(0, at)).as("a new P1 goes among the top, after P1s due sooner")
                .allSatisfy(row -> assertThat(row.issue().priority()).isEqualTo(Priority.P1));
        assertThat(order.get(at).isFresh()).as("and is highlighted").isTrue();
        assertThat(text("#countLabel")).endsWith("issues");

        select(fire.id());
        // Typing in the search box is typing, not triage.
        clickOn("#searchField").write("c");
        assertThat(text("#searchField")).isEqualTo("c");
        assertThat(onServer(fire.id()).assigneeId()).isNull();
        type(KeyCode.BACK_SPACE);
        type(KeyCode.ESCAPE);
        select(fire.id());

        double tableTop = fx(() -> lookup("#issueTable").query().localToScene(0, 0).getY());
        type(KeyCode.C);
        waitUntil(() -> "李娜".equals(onServer(fire.id()).assigneeName()));
        waitUntil(() -> shown(fire.id()).map(i -> "李娜".equals(i.assigneeName())).orElse(false));
        type(KeyCode.A);
        waitUntil(() -> onServer(fire.id()).status() == IssueStatus.ACKNOWLEDGED);
        waitUntil(() -> shown(fire.id()).map(i -> i.status() == IssueStatus.ACKNOWLEDGED).orElse(false));
        assertThat(text("#noticeLabel")).startsWith("Acknowledged");
        assertThat(fx(() -> lookup("#issueTable").query().localToScene(0, 0).getY())).as("the notice moves no row")
                .isEqualTo(tableTop);
        Screenshots.save(stage.getScene(), "queue-en");
        waitUntil(() -> !showing("#noticeBanner"));

        // J and K move through the queue.
        type(KeyCode.J);
        waitUntil(() -> !fire.id().equals(selectedId()));
        type(KeyCode.K);
        waitUntil(() -> fire.id().equals(selectedId()));

        type(KeyCode.ENTER);
        waitUntil(() -> showing("#detailDrawer") && !showing("#drawerProgress"));
        assertThat(text("#drawerTitle")).isEqualTo(fire.title());
        assertThat(text("#drawerMerchantName")).isEqualTo(books.liNasMerchants().get(0).name());
        assertThat(text("#drawerListing")).isEqualTo(fire.listingId());
        List<String> history = fx(() -> lookup("#drawerHistory").queryAs(VBox.class)
                .getChildren().stream().map(n -> ((Label) n).getText()).toList());
        assertThat(history).anySatisfy(line -> assertThat(line).contains("Administrator · opened the issue"));
        assertThat(history).anySatisfy(line -> assertThat(line).contains("李娜 · claimed it"));
        assertThat(history).anySatisfy(line -> assertThat(line).contains("李娜 · moved it from New to Acknowledged"));
        Screenshots.save(stage.getScene(), "queue-drawer-en");
        type(KeyCode.ESCAPE);
        waitUntil(() -> !showing("#detailDrawer"));

        type(KeyCode.R);
        waitUntil(() -> showing("#resolveSheet"));
        // Picked by its label from the list; what is stored is the tag the insights group by.
        clickOn("#rootCauseField").write("Decimal");
        clickOn("#rootCauseField .arrow-button");
        clickOn("Decimal point slipped in the price");
        assertThat(fx(() -> lookup("#rootCauseField").queryAs(ComboBox.class).getEditor().getText()))
                .isEqualTo("Decimal point slipped in the price");
        clickOn("#noteField").write("Merchant restored ¥990; buyers refunded.");
        Screenshots.save(stage.getScene(), "queue-resolve-en");
        type(KeyCode.TAB);
        assertThat(text("#noteField")).as("Tab leaves the note").isEqualTo("Merchant restored ¥990; buyers refunded.");
        assertThat(fx(() -> stage.getScene().getFocusOwner().getId())).isEqualTo("resolveConfirm");
        clickOn("#noteField");
        press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertThat(fx(() -> stage.getScene().getFocusOwner().getId())).isEqualTo("rootCauseField");
        clickOn("#noteField");
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> onServer(fire.id()).status() == IssueStatus.RESOLVED);
        Issue resolved = onServer(fire.id());
        assertThat(resolved.rootCause()).isEqualTo("decimal-point-price");
        waitUntil(() -> shown(fire.id()).isEmpty() && !showing("#resolveSheet"));
    }

    @Test
    void anEditBehindTheConsolesBackIsReportedAndReloaded() throws Exception {
        openQueue(Locale.ENGLISH);
        Issue issue = post(Priority.P2, "Coupon stacks below cost", 5_000_00);
        waitUntil(() -> shown(issue.id()).isPresent());
        select(issue.id());

        // Someone else notes it, and in the same FX turn — before the console can hear of it — A is pressed.
        interact(() -> {
            server.patch(issue.id(), new IssuePatch(null, "Called the merchant", null));
            Node table = queue();
            table.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "a", "a", KeyCode.A, false, false, false, false));
        });

        waitUntil(() -> showing("#noticeBanner") && text("#noticeLabel").contains("changed by someone else"));
        assertThat(text("#noticeLabel")).isEqualTo("“Coupon stacks below cost” was changed by someone else — reloaded."
                + " Check it and try again.");
        waitUntil(() -> shown(issue.id()).map(Issue::version).orElse(0L) == onServer(issue.id()).version());
        assertThat(onServer(issue.id()).status()).as("nothing was overwritten").isEqualTo(IssueStatus.NEW);
        Screenshots.save(stage.getScene(), "queue-stale-en");

        // Pressed again, on the reloaded version, it goes through.
        type(KeyCode.A);
        waitUntil(() -> onServer(issue.id()).status() == IssueStatus.ACKNOWLEDGED);
    }

    @Test
    void afterTheBackendRestartsTheQueueEqualsTheServers() throws Exception {
        openQueue(Locale.ENGLISH);
        Issue kept = post(Priority.P3, "Weight in g shown as kg", 300_00);
        Issue toResolve = post(Priority.P2, "Stock sync lagging", 0);
        waitUntil(() -> shown(kept.id()).isPresent() && shown(toResolve.id()).isPresent());

        // A half-written resolution survives what follows.
        select(kept.id());
        type(KeyCode.R);
        waitUntil(() -> showing("#resolveSheet"));
        clickOn("#rootCauseField").write("weight-unit");
        clickOn("#noteField").write("Half-written note");
        type(KeyCode.ESCAPE);
        waitUntil(() -> !showing("#resolveSheet"));

        server.stop();
        waitUntil(() -> showing("#linkBanner") && text("#linkLabel").startsWith("Offline."));
        assertThat(text("#linkLabel")).matches("Offline\\. The queue shows what was known as of \\d\\d:\\d\\d:\\d\\d;.*");
        assertThat(shown(kept.id())).as("the last queue stays visible").isPresent();
        assertThat(fx(() -> lookup("#claimButton").queryAs(Button.class).isDisabled())).isTrue();
        assertThat(fx(() -> lookup("#resolveButton").queryAs(Button.class).isDisabled())).isTrue();
        type(KeyCode.C);
        waitUntil(() -> text("#noticeLabel").equals("Offline: actions are disabled until the connection is back."));
        waitUntil(() -> text("#connectionLabel").startsWith("Offline"));
        assertThat(showing("#reconnectButton")).as("offering to try again at once").isTrue();
        Screenshots.save(stage.getScene(), "queue-offline-en");

        server.start();
        // "Retry now": fired rather than clicked, since the stream may have found the server by itself already.
        interact(() -> lookup("#reconnectButton").queryAs(Button.class).fire());
        // Changes made while the console was away, and right after the restart.
        server.patch(toResolve.id(), new IssuePatch(IssueStatus.RESOLVED, "fixed by the feed", "inventory-sync"));
        Issue added = post(Priority.P1, "Posted while the console was away", 1_00);

        waitUntil(() -> !showing("#linkBanner"));
        assertThat(showing("#noticeBanner")).as("the offline notice leaves with the offline state").isFalse();
        assertThat(showing("#reconnectButton")).isFalse();
        waitUntil(() -> shownMatchesServer());
        assertThat(shown(added.id())).isPresent();
        assertThat(shown(toResolve.id())).isEmpty();
        waitUntil(() -> text("#connectionLabel").startsWith("Live"));

        select(kept.id());
        type(KeyCode.R);
        waitUntil(() -> showing("#resolveSheet"));
        assertThat(text("#noteField")).isEqualTo("Half-written note");
        assertThat(fx(() -> lookup("#rootCauseField").queryAs(ComboBox.class).getEditor()
                .getText())).isEqualTo("weight-unit");
        type(KeyCode.ESCAPE);
    }

    private boolean shownMatchesServer() {
        try {
            Map<String, Long> expected = server.openIssuesOf(ManagerBooks.LI_NA).stream()
                    .collect(Collectors.toMap(Issue::id, Issue::version));
            Map<String, Long> actual = fx(() -> queue().getItems().stream()
                    .collect(Collectors.toMap(IssueRow::id, IssueRow::version)));
            return expected.equals(actual);
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    @Test
    void theQueueInChinese() throws Exception {
        openQueue(Locale.SIMPLIFIED_CHINESE);
        Issue issue = server.issue(books.liNasMerchants().get(1), Priority.P1, IssueCategory.COUPON_OVERSPEND,
                "叠加优惠券后售价低于成本", 18_000_00);
        waitUntil(() -> shown(issue.id()).isPresent());
        assertThat(fx(() -> queue().getColumns().get(2).getText())).isEqualTo("商家");
        assertThat(text("#breachLabel")).contains("SLA");
        assertThat(text("#connectionLabel")).startsWith("实时");
        select(issue.id());
        Screenshots.save(stage.getScene(), "queue-zh");
        type(KeyCode.ENTER);
        waitUntil(() -> showing("#detailDrawer") && !showing("#drawerProgress"));
        write("?");
        waitUntil(() -> showing("#helpSheet"));
        Screenshots.save(stage.getScene(), "queue-help-zh");
        // While the new P1's notification shows, the first Escape goes to it: popups take Escape first.
        for (int i = 0; i < 3 && showing("#helpSheet"); i++) {
            type(KeyCode.ESCAPE);
        }
        waitUntil(() -> !showing("#helpSheet"));
    }
}
