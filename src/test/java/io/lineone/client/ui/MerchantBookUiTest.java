package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.AssigneeChange;
import io.lineone.api.IssueCategory;
import io.lineone.api.Merchant;
import io.lineone.api.NewMerchant;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.client.merchants.MerchantRow;
import io.lineone.testing.ManagerBooks;
import io.lineone.testing.TestServer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * My merchants as people use it: typing and clicking to filter and sort, the detail pane's scorecard and timeline,
 * a merchant with no score yet, and a supervisor moving merchants between managers' books, live.
 */
class MerchantBookUiTest extends SeededConsoleTestBase {

    private static Merchant newcomer;
    private static TestServer.Account supervisor;

    @BeforeAll
    static void seedMore() {
        String liNa = books.liNasMerchants().get(0).assignedManagerId();
        newcomer = server.merchant(new NewMerchant("阿福新店", "阿福杂货铺", Tier.SME, "家居日用", "浙江", liNa, null));
        server.issue(books.liNasMerchants().get(1), Priority.P2, IssueCategory.PRICING_ERROR, "丝绸标价疑似错位",
                1_234_00);
        supervisor = server.account(Role.SUPERVISOR, "chen.jing", "陈静");
    }

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    private void signInAs(String login) throws TimeoutException {
        open(Locale.ENGLISH, Optional.of(server.url()), server, ManagerBooks.LI_NA);
        signIn(login, TestServer.PASSWORD);
        // A supervisor starts at the queue; the rail leads to everyone's merchants.
        waitUntil(() -> showing("#navMerchants"));
        clickOn("#navMerchants");
        waitUntil(() -> showing("#merchantTable") && !table().getItems().isEmpty()
                && text("#connectionLabel").startsWith("Live"));
    }

    private String buttonText(String comboId) {
        return fx(() -> ((javafx.scene.control.ComboBox<?>) lookup(comboId).query()).getButtonCell().getText());
    }

    private List<String> ids() {
        return fx(() -> table().getItems().stream().map(MerchantRow::id).toList());
    }

    @Test
    void typingFiltersAndClickingAHeaderSortsByMeaning() throws TimeoutException {
        signInAs(ManagerBooks.LI_NA);
        assertThat(table().getItems()).hasSize(6);
        assertThat(buttonText("#categoryFilter")).as("a filter left at all says so").isEqualTo("All categories");
        assertThat(buttonText("#regionFilter")).isEqualTo("All regions");

        clickOn("#searchField").write("hz");
        waitUntil(() -> table().getItems().size() == 3);
        assertThat(shownNames()).containsExactlyInAnyOrder("杭州西湖茶叶有限公司", "杭州丝绸贸易有限公司", "义乌小商品有限公司");
        assertThat(text("#countLabel")).isEqualTo("3 of 6 merchants");
        type(KeyCode.ESCAPE);
        waitUntil(() -> table().getItems().size() == 6);

        clickOn("#bandFilter");
        // The popup's entry, not the chip of the unscored row that reads the same.
        clickOn(lookup(".combo-box-popup .list-cell").match((Node cell) -> cell instanceof Labeled label
                && "Not scored yet".equals(label.getText())).<Node>query());
        waitUntil(() -> table().getItems().size() == 1);
        assertThat(shownNames()).containsExactly("阿福新店");
        clickOn("#clearFiltersButton");
        waitUntil(() -> table().getItems().size() == 6);

        clickOn("At risk");
        clickOn("At risk");
        waitUntil(() -> "杭州丝绸贸易有限公司".equals(shownNames().get(0)));
        clickOn("Lighthouse");
        waitUntil(() -> "阿福新店".equals(shownNames().get(5)));
        clickOn("Lighthouse");
        waitUntil(() -> "杭州西湖茶叶有限公司".equals(shownNames().get(0)));
        assertThat(shownNames().get(5)).as("not scored yet sorts last both ways").isEqualTo("阿福新店");
    }

    @Test
    void theDetailPaneShowsTheScorecardAgainstTargetsTheTrendAndTheTimeline() throws TimeoutException {
        signInAs(ManagerBooks.LI_NA);
        // What shows only once a merchant is picked stays out of the screen's first layout until then.
        assertThat(lookup("#detailScroll").tryQuery()).isEmpty();
        assertThat(lookup("#listingTable").tryQuery()).isEmpty();
        // Nor is what a manager's screen never shows (the supervisor's managers and moves).
        assertThat(lookup("#managersPanel").tryQuery()).isEmpty();
        assertThat(lookup("#moveButton").tryQuery()).isEmpty();
        clickOn("杭州丝绸贸易有限公司");
        waitUntil(() -> showing("#detailName") && text("#detailName").equals("杭州丝绸贸易有限公司"));
        waitUntil(() -> showing("#listingTable") || showing("#listingsEmpty"));
        waitUntil(() -> lookup(".scorecard-line").queryAll().size() == 5);
        assertThat(text("#detailShipping")).endsWith(" h");
        assertThat(text("#detailDsr")).endsWith(" / 5");
        assertThat(lookup(".scorecard-met").queryAll().size() + lookup(".scorecard-missed").queryAll().size())
                .isEqualTo(5);
        assertThat(text("#trendText")).isNotEmpty();
        assertThat(text("#detailOpen")).isEqualTo("1");
        waitUntil(() -> showing(".merchant-issue-link"));
        waitUntil(() -> showing("#timelineList") || showing("#timelineEmpty"));
        if (showing("#timelineList")) {
            assertThat(lookup(".timeline-entry").queryAll()).isNotEmpty();
        }
    }

    @Test
    void aMerchantWithNoScoreYetSaysSo() throws TimeoutException {
        signInAs(ManagerBooks.LI_NA);
        clickOn("阿福新店");
        waitUntil(() -> showing("#detailName") && text("#detailName").equals("阿福新店"));
        assertThat(text("#detailScore")).isEqualTo("Not scored yet");
        waitUntil(() -> showing("#scorecardEmpty"));
        assertThat(text("#scorecardEmpty")).startsWith("Not scored yet");
        assertThat(fx(() -> lookup("#detailScore").query().getStyleClass())).contains("band-none");
    }

    @Test
    void aSupervisorSeesEveryonesMerchantsAndMovesOneByItsMenu() throws TimeoutException {
        signInAs("chen.jing");
        waitUntil(() -> table().getItems().size() == 8);
        assertThat(showing("#managerColumn") || fx(() -> table().getColumns().get(7).isVisible())).isTrue();
        waitUntil(() -> !lookup(".merchants-manager-list .list-cell").queryAll().isEmpty());
        Merchant moved = books.wangWeisMerchants().get(1);

        clickOn(moved.name());
        clickOn("#moveButton");
        Node target = lookup(".menu-item").match((Node item) -> item.lookup(".label") instanceof Labeled label
                && "李娜".equals(label.getText())).query();
        clickOn(target);

        waitUntil(() -> text("#noticeLabel").equals(moved.name() + " is now in 李娜’s book."));
        Merchant now = server.api().get("/merchants/" + moved.id(), supervisor.token()).as(Merchant.class);
        assertThat(now.assignedManagerName()).isEqualTo("李娜");
        server.api().put("/merchants/" + moved.id() + "/assignee", supervisor.token(),
                new AssigneeChange(moved.assignedManagerId()));
    }

    @Test
    void aMerchantMovedAwayLeavesTheManagersConsoleLiveAndComesBackWithItsIssues() throws TimeoutException {
        signInAs(ManagerBooks.LI_NA);
        Merchant silk = books.liNasMerchants().get(1);
        String wangWei = books.wangWeisMerchants().get(0).assignedManagerId();
        clickOn("#navIssues");
        waitUntil(() -> showing("丝绸标价疑似错位"));
        clickOn("#navMerchants");

        var away = server.api().put("/merchants/" + silk.id() + "/assignee", supervisor.token(),
                new AssigneeChange(wangWei));
        assertThat(away.status()).isEqualTo(200);
        waitUntil(() -> !ids().contains(silk.id()));
        assertThat(table().getItems()).hasSize(5);
        clickOn("#navIssues");
        waitUntil(() -> !showing("丝绸标价疑似错位"));

        var back = server.api().put("/merchants/" + silk.id() + "/assignee", supervisor.token(),
                new AssigneeChange(silk.assignedManagerId()));
        assertThat(back.status()).isEqualTo(200);
        waitUntil(() -> showing("丝绸标价疑似错位"));
        clickOn("#navMerchants");
        waitUntil(() -> ids().contains(silk.id()));
    }
}
