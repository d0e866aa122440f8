package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Bell;
import io.lineone.api.BellStatus;
import io.lineone.api.Gate;
import io.lineone.api.Issue;
import io.lineone.api.Release;
import io.lineone.client.bells.LiveRow;
import io.lineone.client.queue.IssueRow;
import io.lineone.testing.BellsSeed;
import io.lineone.testing.ManagerBooks;
import io.lineone.testing.TestServer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * Bells end to end against the real backend: a manager pulls one from the queue with B, the release's owner
 * acknowledges and marks it fixed, the puller resolves it, and the gate badge follows the server's events live.
 */
class BellsUiTest extends ConsoleTestBase {

    private static TestServer server;
    private static ManagerBooks books;
    private static BellsSeed seed;

    @BeforeAll
    static void startServer() {
        server = TestServer.onH2().systemClock().start();
        books = ManagerBooks.seed(server);
        seed = new BellsSeed(server);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    private void openAs(String login) throws TimeoutException {
        open(Locale.ENGLISH, Optional.empty(), server, login);
        waitUntil(() -> showing("#connectionLabel")
                && fx(() -> lookup("#connectionLabel").query().getStyleClass().contains("connection-live")));
    }

    private Optional<ListCell<?>> releaseCell(String name) {
        return fx(() -> lookup(".release-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> cell.getItem() instanceof LiveRow<?> row && row.get() instanceof Release r
                        && r.name().equals(name))
                .<ListCell<?>>map(cell -> cell).findFirst());
    }

    private String badge(String name) {
        return fx(() -> releaseCell(name).map(cell -> (Label) cell.lookup(".gate-badge"))
                .map(label -> label.getText() + " " + String.join(" ", label.getStyleClass())).orElse(""));
    }

    private void clickBell(String bellId) throws TimeoutException {
        waitUntil(() -> bellRow(bellId).isPresent());
        clickOn(bellRow(bellId).orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private Optional<Node> bellRow(String bellId) {
        return fx(() -> lookup("#bellTable").queryAs(TableView.class).lookupAll(".table-row-cell").stream()
                .filter(node -> node instanceof TableRow<?> row && row.getItem() instanceof LiveRow<?> live
                        && live.id().equals(bellId))
                .findFirst());
    }

    private Bell onServer(Bell bell) {
        return seed.bell(bell.id());
    }

    private boolean enabled(String query) {
        return showing(query) && fx(() -> !lookup(query).queryAs(Button.class).isDisabled());
    }

    @Test
    void aManagerPullsTheBellFromTheQueueWithBAndAShortReasonKeepsTheDraft() throws Exception {
        Release release = seed.release("满减券叠加规则改版");
        Issue tea = seed.issue(books.liNasMerchants().get(0), release, "满减券叠加后低于成本价", 18_600_00);
        Issue silk = seed.issue(books.liNasMerchants().get(1), release, "店铺券与平台券同时生效", 4_200_00);
        openAs(ManagerBooks.LI_NA);
        clickOn("#navIssues");
        waitUntil(() -> showing("#issueTable") && fx(() -> lookup("#issueTable").queryAs(TableView.class).getItems()
                .stream().filter(row -> List.of(tea.id(), silk.id()).contains(((IssueRow) row).id())).count() == 2));
        interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<IssueRow> table = lookup("#issueTable").queryAs(TableView.class);
            table.getSelectionModel().clearSelection();
            table.getItems().stream().filter(row -> row.id().equals(tea.id()) || row.id().equals(silk.id()))
                    .forEach(row -> table.getSelectionModel().select(row));
            table.requestFocus();
        });

        type(KeyCode.B);
        waitUntil(() -> showing("#pullSheet"));
        assertThat(text("#impactLabel")).isEqualTo("2 issues · 2 merchants · ¥22,800.00 at risk");
        assertThat(fx(() -> ((Release) lookup("#releaseBox").queryAs(ComboBox.class).getValue()).id()))
                .as("the release the issues name").isEqualTo(release.id());
        clickOn("#reasonField").write("too short");
        assertThat(text("#reasonHint")).isEqualTo("Say what is wrong in at least 20 characters (11 more).");
        assertThat(enabled("#pullSend")).isFalse();

        type(KeyCode.ESCAPE);
        waitUntil(() -> !showing("#pullSheet"));
        type(KeyCode.B);
        waitUntil(() -> showing("#pullSheet"));
        assertThat(text("#reasonField")).as("the draft survived closing").isEqualTo("too short");
        clickOn("#reasonField").write(": coupons stack below cost for KA shops");
        waitUntil(() -> !showing("#reasonHint") && enabled("#pullSend"));
        clickOn("#pullSend");

        waitUntil(() -> !showing("#pullSheet") && text("#noticeLabel").startsWith("Bell pulled on 满减券叠加规则改版"));
        List<Bell> bells = seed.bellsOf(release);
        assertThat(bells).singleElement().satisfies(bell -> {
            assertThat(bell.reason()).isEqualTo("too short: coupons stack below cost for KA shops");
            assertThat(bell.evidenceIssueIds()).containsExactlyInAnyOrder(tea.id(), silk.id());
            assertThat(bell.moneyAtRiskCents()).isEqualTo(22_800_00);
        });
        assertThat(seed.release(release).gate()).isEqualTo(Gate.BLOCKED);
    }

    @Test
    void theProductOwnerPickedAtSignInLandsOnBellsAndAPulledBellOnTheirReleaseComesAsAToast() throws Exception {
        Release release = seed.release("退款时效提示");
        Issue refund = seed.issue(books.liNasMerchants().get(4), release, "退款到账时间提示有误", 3_000_00);
        open(Locale.ENGLISH, Optional.of(server.url()), server, ManagerBooks.LI_NA);
        waitUntil(() -> showing("#demoAccount"));

        clickOn("#demoAccount");
        clickOn("赵磊 · Product owner (zhao.lei)");
        clickOn("#demoButton");

        waitUntil(() -> showing("#bellsRoot") && text("#userLabel").startsWith("赵磊"));
        assertThat(showing("#navMerchants") || showing("#navIssues"))
                .as("a product owner has no book and no queue: the rail leaves them out").isFalse();
        waitUntil(() -> fx(() -> lookup("#connectionLabel").query().getStyleClass().contains("connection-live")));

        seed.pull(ManagerBooks.LI_NA, release, List.of(refund.id()));

        waitUntil(() -> showing(".toast-bell"));
        Label title = fx(() -> (Label) lookup(".toast-bell").query().lookup(".toast-title"));
        assertThat(fx(title::getText)).isEqualTo("Bell pulled on your release 退款时效提示");
        javafx.scene.layout.Region toast = lookup(".toast-bell").queryAs(javafx.scene.layout.Region.class);
        assertThat(fx(() -> toast.getBackground().getFills().get(0).getFill()))
                .as("a card with the theme's background").isInstanceOfSatisfying(javafx.scene.paint.Color.class,
                        c -> assertThat(c.getOpacity()).isEqualTo(1.0));
        clickOn(fx(() -> toast.lookup(".toast-close")));
        waitUntil(() -> !showing(".toast-bell"));
    }

    @Test
    void theOwnerLandsOnBellsAcknowledgesAndMarksFixedAndTheGateOpensLiveWhenThePullerResolves() throws Exception {
        Release release = seed.release("发货时效预估");
        Issue late = seed.issue(books.liNasMerchants().get(2), release, "预计送达时间显示错误", 1_000_00);
        Bell bell = seed.pull(ManagerBooks.LI_NA, release, List.of(late.id()));
        openAs(BellsSeed.OWNER);

        waitUntil(() -> showing("#bellsRoot") && releaseCell("发货时效预估").isPresent());
        assertThat(badge("发货时效预估")).startsWith("BLOCKED · 1").contains("gate-blocked");
        clickOn(releaseCell("发货时效预估").orElseThrow());
        clickBell(bell.id());
        waitUntil(() -> evidenceLines().stream().anyMatch(line -> line.contains("预计送达时间显示错误")));
        assertThat(showing("#evidenceHidden")).as("the owner reads the evidence against the release").isFalse();
        assertThat(showing("#resolveButton")).as("resolving is the puller's").isFalse();
        assertThat(showing("#overruleButton")).as("overruling a supervisor's").isFalse();

        waitUntil(() -> enabled("#acknowledgeButton"));
        clickOn("#noteField").write("Rolling the stacking rule back");
        clickOn("#acknowledgeButton");
        waitUntil(() -> onServer(bell).status() == BellStatus.ACKNOWLEDGED);
        assertThat(onServer(bell).comments()).extracting(c -> c.text()).contains("Rolling the stacking rule back");
        waitUntil(() -> enabled("#fixedButton"));
        clickOn("#fixedButton");
        waitUntil(() -> onServer(bell).status() == BellStatus.FIXED);
        assertThat(badge("发货时效预估")).as("fixed still blocks").contains("gate-blocked");

        // The puller resolves it elsewhere: the server's events alone turn the badge green here.
        seed.step(ManagerBooks.LI_NA, bell, "resolve");
        waitUntil(() -> badge("发货时效预估").contains("gate-open"));
        assertThat(badge("发货时效预估")).startsWith("OPEN");
    }

    @Test
    void thePullerResolvesAFixedBellFromTheBoard() throws Exception {
        Release release = seed.release("价格保护规则");
        Issue price = seed.issue(books.liNasMerchants().get(3), release, "价保差额未退回", 2_500_00);
        Bell bell = seed.pull(ManagerBooks.LI_NA, release, List.of(price.id()));
        seed.step(BellsSeed.OWNER, bell, "acknowledge");
        seed.step(BellsSeed.OWNER, bell, "fixed");
        openAs(ManagerBooks.LI_NA);
        clickOn("#navBells");
        waitUntil(() -> releaseCell("价格保护规则").isPresent());
        clickOn(releaseCell("价格保护规则").orElseThrow());
        clickBell(bell.id());

        assertThat(showing("#acknowledgeButton")).as("acknowledging is the owner's").isFalse();
        waitUntil(() -> enabled("#resolveButton"));
        clickOn("#resolveButton");

        waitUntil(() -> onServer(bell).status() == BellStatus.RESOLVED);
        waitUntil(() -> text("#actionDone").startsWith("Resolved."));
        waitUntil(() -> badge("价格保护规则").contains("gate-open"));
        assertThat(enabled("#resolveButton")).isFalse();
    }

    private List<String> evidenceLines() {
        return fx(() -> lookup("#evidenceList").queryAs(VBox.class).getChildren().stream()
                .map(node -> ((Labeled) node).getText()).toList());
    }

    @Test
    void aSupervisorOverrulesOnlyWithAJustificationAndTheGateOpens() throws Exception {
        Release release = seed.release("物流轨迹合并");
        Issue track = seed.issue(books.liNasMerchants().get(0), release, "物流轨迹不更新", 800_00);
        Bell bell = seed.pull(ManagerBooks.LI_NA, release, List.of(track.id()));
        openAs(BellsSeed.SUPERVISOR);
        clickOn("#navBells");
        waitUntil(() -> releaseCell("物流轨迹合并").isPresent());
        clickOn(releaseCell("物流轨迹合并").orElseThrow());
        clickBell(bell.id());
        assertThat(showing("#acknowledgeButton")).as("acknowledging is the owner's").isFalse();

        waitUntil(() -> enabled("#overruleButton"));
        clickOn("#overruleButton");
        waitUntil(() -> text("#actionError").equals("Write the justification in the note first: an overrule needs one."));
        assertThat(onServer(bell).status()).isEqualTo(BellStatus.OPEN);

        clickOn("#noteField").write("Carrier outage, not the release: tracking resumed at 15:00");
        clickOn("#overruleButton");
        waitUntil(() -> onServer(bell).status() == BellStatus.OVERRULED);
        assertThat(onServer(bell).justification()).isEqualTo("Carrier outage, not the release: tracking resumed at 15:00");
        waitUntil(() -> text("#detailJustification").contains("Carrier outage"));
        waitUntil(() -> badge("物流轨迹合并").contains("gate-open"));
    }

    @Test
    void moreEvidenceFromTheQueueJoinsTheBellAlreadyStoppingTheRelease() throws Exception {
        Release release = seed.release("运费模板改版");
        Issue first = seed.issue(books.liNasMerchants().get(1), release, "运费按重量计算错误", 3_000_00);
        Issue more = seed.issue(books.liNasMerchants().get(2), release, "偏远地区运费翻倍", 1_500_00);
        Bell bell = seed.pull(ManagerBooks.LI_NA, release, List.of(first.id()));
        openAs(ManagerBooks.LI_NA);
        clickOn("#navIssues");
        waitUntil(() -> showing("#issueTable") && fx(() -> lookup("#issueTable").queryAs(TableView.class).getItems()
                .stream().anyMatch(row -> ((IssueRow) row).id().equals(more.id()))));
        interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<IssueRow> table = lookup("#issueTable").queryAs(TableView.class);
            table.getSelectionModel().clearSelection();
            table.getItems().stream().filter(row -> row.id().equals(more.id()))
                    .forEach(row -> table.getSelectionModel().select(row));
            table.requestFocus();
        });

        type(KeyCode.B);
        waitUntil(() -> showing("#pullSheet") && showing("#openBellRow"));
        assertThat(text("#openBellLabel")).startsWith("This release is already stopped by a bell 李娜 pulled");
        assertThat(enabled("#pullSend")).as("a new bell still needs its reason").isFalse();
        clickOn("#joinButton");

        waitUntil(() -> !showing("#pullSheet")
                && text("#noticeLabel").equals("1 issue added to the bell on 运费模板改版: ¥4,500.00 at risk now."));
        assertThat(onServer(bell).evidenceIssueIds()).containsExactly(first.id(), more.id());
        assertThat(seed.bellsOf(release)).as("no second bell").hasSize(1);
    }

    @Test
    void theMetricsPanelShowsTheMonthsBellsWhenOpened() throws Exception {
        Release release = seed.release("商品详情页改版");
        Issue issue = seed.issue(books.liNasMerchants().get(4), release, "详情页价格显示错误", 1_000_00);
        seed.pull(ManagerBooks.LI_NA, release, List.of(issue.id()));
        openAs(ManagerBooks.LI_NA);
        clickOn("#navBells");
        waitUntil(() -> showing("#metricsPane"));
        assertThat(showing("#metricsChart")).as("read only when opened").isFalse();

        clickOn(".bell-metrics .title");
        waitUntil(() -> showing("#metricsChart"));
        waitUntil(() -> fx(() -> lookup(".bell-metrics-line").queryAll().stream()
                .map(node -> ((Labeled) node).getText())
                .anyMatch(line -> line.contains("coupons") && line.contains("pulled"))));
    }
}
