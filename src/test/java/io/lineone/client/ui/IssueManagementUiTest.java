package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssuePatch;
import io.lineone.api.ManagerLoad;
import io.lineone.api.Merchant;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.client.queue.IssueRow;
import io.lineone.testing.ManagerBooks;
import io.lineone.testing.Screenshots;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * Managing issues from the console as a person would: transfer, priority, bulk claim, a new issue, and a
 * supervisor's team panel.
 */
class IssueManagementUiTest extends SeededConsoleTestBase {

    private static final String CHEN_JING = "chen.jing";

    @BeforeAll
    static void supervisor() {
        server.account(Role.SUPERVISOR, CHEN_JING, "陈静");
    }

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    private void openQueue(String login) throws TimeoutException {
        open(Locale.ENGLISH, Optional.empty(), server, login);
        waitUntil(() -> showing("#navIssues"));
        clickOn("#navIssues");
        waitUntil(() -> showing("#queueRoot") && !showing("#loadingState"));
        waitUntil(() -> fx(() -> lookup("#connectionLabel").query().getStyleClass().contains("connection-live")));
    }

    @SuppressWarnings("unchecked")
    private TableView<IssueRow> queue() {
        return (TableView<IssueRow>) lookup("#issueTable").queryAs(TableView.class);
    }

    private List<String> shownIds() {
        return fx(() -> queue().getItems().stream().map(IssueRow::id).toList());
    }

    private Optional<Issue> shown(String id) {
        return fx(() -> queue().getItems().stream().map(IssueRow::issue).filter(i -> i.id().equals(id)).findFirst());
    }

    private void select(String id) {
        interact(() -> {
            TableView<IssueRow> table = queue();
            int index = table.getItems().stream().map(IssueRow::id).toList().indexOf(id);
            table.getSelectionModel().clearAndSelect(index);
            table.getFocusModel().focus(index);
            table.scrollTo(index);
            table.requestFocus();
        });
    }

    /** Opens a combo box and clicks the entry that reads {@code item}. */
    private void choose(String combo, String item) throws TimeoutException {
        clickOn(combo);
        waitUntil(() -> lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(item)).tryQuery().isPresent());
        clickOn(lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(item)).queryAs(Node.class));
    }

    private Issue post(int merchant, Priority priority, String title) {
        return server.issue(books.liNasMerchants().get(merchant), priority, IssueCategory.PRICING_ERROR, title, 1_000_00);
    }

    @Test
    void aTransferredIssueLeavesTheQueueForTheOtherManagers() throws Exception {
        openQueue(ManagerBooks.LI_NA);
        Issue issue = post(0, Priority.P2, "Silk scarf priced per gram");
        waitUntil(() -> shown(issue.id()).isPresent());
        select(issue.id());

        type(KeyCode.T);
        waitUntil(() -> showing("#manageSheet"));
        assertThat(text("#manageTitle")).isEqualTo("Transfer to another manager");
        clickOn("#manageConfirm");
        assertThat(text("#manageError")).isEqualTo("Choose the manager who takes the issue over.");
        choose("#managerBox", "王伟");
        clickOn("#wordsField").write("王伟 knows this shop's pricing");
        Screenshots.save(stage.getScene(), "manage-transfer-en");
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);

        waitUntil(() -> shown(issue.id()).isEmpty());
        assertThat(text("#noticeLabel")).isEqualTo("“Silk scarf priced per gram” is now with 王伟.");
        Issue after = server.issueById(issue.id());
        assertThat(after.assigneeName()).isEqualTo("王伟");
        assertThat(server.openIssuesOf(ManagerBooks.WANG_WEI)).extracting(Issue::id).contains(issue.id());
    }

    @Test
    void aNewPriorityWithAReasonMovesTheRow() throws Exception {
        openQueue(ManagerBooks.LI_NA);
        Issue low = post(1, Priority.P4, "Gift box weight shown in jin");
        waitUntil(() -> shown(low.id()).isPresent());
        int before = shownIds().indexOf(low.id());
        assertThat(before).isPositive();
        select(low.id());

        type(KeyCode.P);
        waitUntil(() -> showing("#manageSheet"));
        choose("#priorityBox", "P1 · urgent (first reply within 60 s)");
        clickOn("#wordsField").write("Buyers are ordering by the hundred");
        clickOn("#manageConfirm");

        waitUntil(() -> shown(low.id()).map(i -> i.priority() == Priority.P1).orElse(false));
        assertThat(shownIds().indexOf(low.id())).as("the row moves up among the P1s").isLessThan(before);
        assertThat(server.issueById(low.id()).firstResponseDueAt()).isEqualTo(low.createdAt().plusSeconds(60));
    }

    @Test
    void threeRowsClaimedAtOnceOneOfThemChangedBySomeoneElse() throws Exception {
        openQueue(ManagerBooks.LI_NA);
        Issue a = post(2, Priority.P1, "Hotpot base at ¥0.59");
        Issue b = post(2, Priority.P1, "Hotpot coupon stacks twice");
        Issue c = post(2, Priority.P1, "Hotpot gift set below cost");
        waitUntil(() -> shown(a.id()).isPresent() && shown(b.id()).isPresent() && shown(c.id()).isPresent());
        List<String> order = shownIds().stream().filter(id -> List.of(a.id(), b.id(), c.id()).contains(id)).toList();
        select(order.get(0));
        // X marks the row, J moves on without losing it, X marks the next: three marked.
        type(KeyCode.X);
        for (String id : order.subList(1, 3)) {
            interact(() -> queue().getFocusModel().focus(queue().getItems().stream().map(IssueRow::id).toList()
                    .indexOf(id)));
            type(KeyCode.X);
        }
        waitUntil(() -> fx(() -> queue().getSelectionModel().getSelectedItems().size()) == 3);
        assertThat(text("#selectionLabel")).isEqualTo("3 selected");

        // Someone else notes the middle one, and in the same FX turn — before the console hears of it — C is pressed.
        interact(() -> {
            server.patch(order.get(1), new IssuePatch(null, "Called the merchant", null));
            queue().fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "c", "c", KeyCode.C, false, false, false, false));
        });

        waitUntil(() -> showing("#noticeBanner") && text("#noticeLabel").startsWith("2 claimed"));
        String stale = server.issueById(order.get(1)).title();
        assertThat(text("#noticeLabel")).isEqualTo("2 claimed, 1 changed by someone else (“" + stale
                + "”) — reloaded, left as they are");
        assertThat(server.issueById(order.get(0)).assigneeName()).isEqualTo("李娜");
        assertThat(server.issueById(order.get(2)).assigneeName()).isEqualTo("李娜");
        assertThat(server.issueById(order.get(1)).assigneeId()).as("nothing overwritten").isNull();
        Screenshots.save(stage.getScene(), "bulk-claim-en");
    }

    @Test
    void anIssueOpenedByHandForOneOfMyMerchants() throws Exception {
        openQueue(ManagerBooks.LI_NA);
        Issue context = post(4, Priority.P3, "Wholesale pack price in fen");
        waitUntil(() -> shown(context.id()).isPresent());
        select(context.id());
        type(KeyCode.N);
        waitUntil(() -> showing("#newIssueSheet"));
        // The selected issue's merchant is offered first; another is one click away.
        waitUntil(() -> fx(() -> lookup("#merchantBox").queryComboBox().getItems().size()) == 5);
        assertThat(fx(() -> ((Merchant) lookup("#merchantBox").queryComboBox().getValue()).name()))
                .as("the selected issue's merchant comes first").isEqualTo("义乌小商品有限公司");
        choose("#merchantBox", "Chengdu Hotpot Foods · 蜀香坊官方店");
        clickOn("#titleField").write("Phoned in: flash sale price typed without the decimal point");
        clickOn("#descriptionField").write("The merchant called at 10:02.");
        clickOn("#newIssueConfirm");

        waitUntil(() -> fx(() -> queue().getItems().stream().anyMatch(row -> row.issue().title()
                .equals("Phoned in: flash sale price typed without the decimal point"))));
        waitUntil(() -> !showing("#newIssueSheet"));
        assertThat(text("#noticeLabel")).startsWith("Opened “Phoned in");
        assertThat(fx(() -> queue().getItems().stream().filter(row -> row.issue().title().startsWith("Phoned in"))
                .findFirst().orElseThrow().issue().merchantName())).isEqualTo("Chengdu Hotpot Foods");
    }

    @Test
    void aSupervisorLandsOnTheTeamSeesEachManagersLoadAndFiltersByManager() throws Exception {
        Issue theirs = server.issue(books.wangWeisMerchants().get(0), Priority.P2, IssueCategory.INVENTORY,
                "Stock shows zero after restock", 3_000_00);
        post(3, Priority.P3, "Tea house listing mispriced");
        open(Locale.ENGLISH, Optional.empty(), server, CHEN_JING);
        waitUntil(() -> showing("#queueRoot") && !showing("#loadingState"));
        waitUntil(() -> showing("#teamPanel"));
        @SuppressWarnings("unchecked")
        ListView<ManagerLoad> team = lookup("#teamList").queryAs(ListView.class);
        waitUntil(() -> fx(() -> team.getItems().stream().anyMatch(load -> load.displayName().equals("王伟"))));
        ManagerLoad wang = fx(() -> team.getItems().stream().filter(load -> load.displayName().equals("王伟"))
                .findFirst().orElseThrow());
        assertThat(wang.open()).isPositive();
        Screenshots.save(stage.getScene(), "team-en");

        clickOn(lookup("#teamList .list-cell").match(node -> node.lookup(".team-name") != null
                && "王伟".equals(((javafx.scene.control.Label) node.lookup(".team-name")).getText()))
                .queryAs(Node.class));
        waitUntil(() -> !shownIds().isEmpty() && fx(() -> queue().getItems().stream()
                .allMatch(row -> wang.managerId().equals(row.issue().managerId()))));
        assertThat(shownIds()).contains(theirs.id());
        clickOn("#everyoneButton");
        waitUntil(() -> fx(() -> queue().getItems().stream()
                .anyMatch(row -> !wang.managerId().equals(row.issue().managerId()))));
    }
}
