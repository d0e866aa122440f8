package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.Priority;
import io.lineone.client.queue.IssueRow;
import io.lineone.testing.ManagerBooks;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * The queue's table as a user resizes the window and opens and closes the drawer, and the new P1's toast: what the
 * eye sees, measured on the rendered nodes.
 */
class QueueLayoutUiTest extends SeededConsoleTestBase {

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    private void openQueue(double width) throws TimeoutException {
        open(Locale.ENGLISH, Optional.empty(), server, ManagerBooks.LI_NA);
        waitUntil(() -> showing("#navIssues"));
        interact(() -> stage.setWidth(width));
        clickOn("#navIssues");
        waitUntil(() -> showing("#queueRoot") && !showing("#loadingState"));
        waitUntil(() -> fx(() -> lookup("#connectionLabel").query().getStyleClass().contains("connection-live")));
    }

    @SuppressWarnings("unchecked")
    private TableView<IssueRow> queue() {
        return (TableView<IssueRow>) lookup("#issueTable").queryAs(TableView.class);
    }

    private TableColumn<IssueRow, ?> column(String id) {
        return fx(() -> queue().getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow());
    }

    private Issue post(Priority priority, String title) {
        return server.issue(books.liNasMerchants().get(0), priority, IssueCategory.PRICING_ERROR, title, 1_000_00);
    }

    private void selectFirst() {
        interact(() -> {
            queue().getSelectionModel().clearAndSelect(0);
            queue().requestFocus();
        });
    }

    /** Every shown column is at least as wide as its minimum, and the visible ones fill the table. */
    private void assertColumnsWhole() {
        fx(() -> {
            queue().layout();
            return null;
        });
        for (TableColumn<IssueRow, ?> c : fx(() -> List.copyOf(queue().getVisibleLeafColumns()))) {
            assertThat(fx(c::getWidth)).as(c.getId() + " width").isGreaterThanOrEqualTo(fx(c::getMinWidth) - 0.5);
        }
    }

    /**
     * In each drawn row the text of every text cell sits on the row's vertical middle, as the chips do: none at the
     * top of its row.
     */
    private void assertCellsCentred() {
        List<String> offCentre = fx(() -> {
            List<String> wrong = new java.util.ArrayList<>();
            for (Node node : queue().lookupAll(".issue-row")) {
                TableRow<?> row = (TableRow<?>) node;
                if (row.isEmpty() || !row.isVisible()) {
                    continue;
                }
                Bounds rowBounds = row.localToScene(row.getLayoutBounds());
                for (Node child : row.getChildrenUnmodifiable()) {
                    if (child instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getText() != null) {
                        Text text = (Text) cell.lookup(".text");
                        if (text == null) {
                            continue;
                        }
                        Bounds b = text.localToScene(text.getLayoutBounds());
                        double middle = (b.getMinY() + b.getMaxY()) / 2;
                        double rowMiddle = (rowBounds.getMinY() + rowBounds.getMaxY()) / 2;
                        if (Math.abs(middle - rowMiddle) > 3) {
                            wrong.add(cell.getTableColumn().getId() + " of " + row.getItem());
                        }
                    }
                }
            }
            return wrong;
        });
        assertThat(offCentre).isEmpty();
    }

    @Test
    void closingTheDrawerAndResizingKeepEveryColumnWholeAndEveryRowOnOneLine() throws Exception {
        post(Priority.P2, "Cup listed at ¥0.99");
        post(Priority.P3, "Coupons stack past the budget");
        openQueue(1600);
        waitUntil(() -> queue().getItems().size() >= 2);
        selectFirst();

        type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> showing("#detailDrawer"));
        assertThat(fx(() -> column("categoryColumn").isVisible()))
                .as("with the drawer open there is room for the category at 1600 px").isTrue();
        assertThat(fx(() -> column("assigneeColumn").isVisible())).isTrue();
        assertColumnsWhole();

        interact(() -> stage.setWidth(1100));
        waitUntil(() -> !column("assigneeColumn").isVisible());
        assertColumnsWhole();

        type(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil(() -> !showing("#detailDrawer"));
        waitUntil(() -> column("categoryColumn").isVisible());
        assertColumnsWhole();
        assertThat(fx(() -> column("categoryColumn").getWidth())).as("not shrunk to an ellipsis")
                .isGreaterThanOrEqualTo(110);

        for (double width : new double[] {1300, 1000, 1440}) {
            interact(() -> stage.setWidth(width));
            assertColumnsWhole();
        }
        assertThat(fx(() -> column("categoryColumn").isVisible() && column("assigneeColumn").isVisible()))
                .as("both back after the resizes").isTrue();
        assertCellsCentred();
    }

    @Test
    void aNewP1sToastHasTheThemesBackgroundAndAClickOpensTheIssue() throws Exception {
        openQueue(1280);
        clickOn("#navMerchants");
        Issue fire = post(Priority.P1, "Rice cooker at ¥1.99 instead of ¥199");

        waitUntil(() -> showing(".toast"));
        Region toast = lookup(".toast").queryAs(Region.class);
        Color fill = fx(() -> {
            toast.applyCss();
            List<BackgroundFill> fills = toast.getBackground().getFills();
            return (Color) fills.get(fills.size() - 1).getFill();
        });
        assertThat(fill.getOpacity()).as("an opaque card, not text floating over the filters").isEqualTo(1.0);
        assertThat(fx(() -> ((javafx.scene.control.Label) toast.lookup(".toast-title")).getText()))
                .startsWith("New P1");

        clickOn(toast);
        waitUntil(() -> showing("#queueRoot") && showing("#detailDrawer"));
        waitUntil(() -> fire.title().equals(text("#drawerTitle")));
        assertThat(fx(() -> queue().getSelectionModel().getSelectedItem().id())).isEqualTo(fire.id());
        assertThat(showing(".toast")).as("a clicked toast leaves").isFalse();
    }

    @Test
    void aHeaderClickSortsByWhatTheColumnMeansAndAThirdBringsBackTheQueueOrder() throws Exception {
        Issue small = server.issue(books.liNasMerchants().get(0), Priority.P1, IssueCategory.PRICING_ERROR,
                "Small but urgent", 9_00);
        Issue large = server.issue(books.liNasMerchants().get(1), Priority.P2, IssueCategory.COUPON_OVERSPEND,
                "Large and calm", 1_200_000_00);
        Issue middle = server.issue(books.liNasMerchants().get(2), Priority.P3, IssueCategory.LOGISTICS,
                "In between", 3_000_00);
        openQueue(1400);
        waitUntil(() -> queue().getItems().size() >= 3);
        List<String> queueOrder = List.of(small.id(), large.id(), middle.id());
        assertThat(ids()).containsSubsequence(queueOrder);

        clickOn("#moneyColumn");
        waitUntil(() -> ids().indexOf(small.id()) < ids().indexOf(middle.id())
                && ids().indexOf(middle.id()) < ids().indexOf(large.id()));
        clickOn("#moneyColumn");
        waitUntil(() -> ids().indexOf(large.id()) < ids().indexOf(middle.id())
                && ids().indexOf(middle.id()) < ids().indexOf(small.id()));
        assertThat(ids().get(0)).as("¥1,200,000.00 sorted as money, not as text").isEqualTo(large.id());

        clickOn("#moneyColumn");
        waitUntil(() -> fx(() -> queue().getSortOrder().isEmpty()));
        assertThat(ids()).containsSubsequence(queueOrder);
    }

    private List<String> ids() {
        return fx(() -> queue().getItems().stream().map(IssueRow::id).toList());
    }

    @Test
    void digitKeysPickSavedViewsAndTheChosenColumnsSortAndViewAreRememberedAtTheNextSignIn() throws Exception {
        Issue urgent = post(Priority.P1, "Views: urgent one");
        Issue calm = post(Priority.P3, "Views: calm one");
        openQueue(1400);
        waitUntil(() -> ids().containsAll(List.of(urgent.id(), calm.id())));

        type(KeyCode.DIGIT2);
        waitUntil(() -> !ids().contains(calm.id()) && ids().contains(urgent.id()));
        assertThat(fx(() -> lookup("#view-P1").queryAs(ToggleButton.class).isSelected())).isTrue();

        clickOn("#columnsButton");
        clickOn("#show-categoryColumn");
        waitUntil(() -> !fx(() -> column("categoryColumn").isVisible()));
        type(KeyCode.ESCAPE);
        clickOn("#moneyColumn");
        waitUntil(() -> fx(() -> queue().getSortOrder().size()) == 1);

        interact(wiring::close);
        openQueue(1400);
        waitUntil(() -> ids().contains(urgent.id()));
        assertThat(ids()).as("the P1 view again").doesNotContain(calm.id());
        assertThat(fx(() -> column("categoryColumn").isVisible())).as("category still hidden").isFalse();
        assertThat(fx(() -> column("assigneeColumn").isVisible())).isTrue();
        assertThat(fx(() -> queue().getSortOrder().get(0).getId())).isEqualTo("moneyColumn");

        type(KeyCode.DIGIT1);
        waitUntil(() -> ids().contains(calm.id()));
    }

    @Test
    void atAThousandPixelsEveryToolbarButtonIsWholeAndTheRailFoldsToIcons() throws Exception {
        openQueue(1000);
        interact(() -> stage.setHeight(650));
        for (String id : List.of("#claimButton", "#acknowledgeButton", "#waitButton", "#resolveButton",
                "#pullBellButton", "#detailButton", "#helpButton", "#priorityFilter")) {
            Region button = lookup(id).queryAs(Region.class);
            waitUntil(() -> fx(() -> button.getWidth() >= button.prefWidth(-1) - 0.5));
            Bounds inWindow = fx(() -> button.localToScene(button.getBoundsInLocal()));
            assertThat(inWindow.getMaxX()).as(id + " inside the window").isLessThanOrEqualTo(1000);
        }

        double railBefore = fx(() -> lookup(".nav-rail").queryAs(Region.class).getWidth());
        clickOn("#collapseRail");
        waitUntil(() -> fx(() -> lookup(".nav-rail").queryAs(Region.class).getWidth()) < 80);
        assertThat(railBefore).isGreaterThan(150);
        assertThat(showing("#brand")).isFalse();
        assertThat(fx(() -> lookup("#navIssues").queryAs(ToggleButton.class).getTooltip().getText()))
                .as("the name stays as a tooltip").startsWith("Issue queue");
        press(KeyCode.SHORTCUT, KeyCode.BACK_SLASH).release(KeyCode.BACK_SLASH, KeyCode.SHORTCUT);
        waitUntil(() -> fx(() -> lookup(".nav-rail").queryAs(Region.class).getWidth()) > 150);
    }
}
