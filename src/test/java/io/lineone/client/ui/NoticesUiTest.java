package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.Priority;
import io.lineone.client.notices.Notice;
import io.lineone.client.queue.IssueRow;
import io.lineone.testing.ManagerBooks;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/** The notification centre: what the toasts said stays there, counted on the rail until looked at. */
class NoticesUiTest extends SeededConsoleTestBase {

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    @SuppressWarnings("unchecked")
    private ListView<Notice> notices() {
        return (ListView<Notice>) lookup("#noticeList").queryAs(ListView.class);
    }

    @Test
    void p1sAreCountedOnTheRailKeptInTheCentreAndOpenedFromThere() throws Exception {
        open(Locale.ENGLISH, Optional.empty(), server, ManagerBooks.LI_NA);
        waitUntil(() -> showing("#navNotices"));
        waitUntil(() -> fx(() -> lookup("#connectionLabel").query().getStyleClass().contains("connection-live")));
        assertThat(showing("#unreadBadge")).as("nothing unread at sign-in").isFalse();

        Issue first = server.issue(books.liNasMerchants().get(0), Priority.P1, IssueCategory.PRICING_ERROR,
                "Kettle at ¥0.99", 50_000_00);
        server.issue(books.liNasMerchants().get(1), Priority.P1, IssueCategory.COUPON_OVERSPEND,
                "Coupons stacked past cost", 80_000_00);
        waitUntil(() -> showing("#unreadBadge") && "2".equals(text("#unreadBadge")));

        clickOn("#navNotices");
        waitUntil(() -> fx(() -> notices().getItems().size()) == 2);
        assertThat(showing("#unreadBadge")).as("read once looked at").isFalse();
        assertThat(fx(() -> notices().getItems().get(0).title())).contains(books.liNasMerchants().get(1).name());

        // The older one, by keyboard: down to it, Enter.
        interact(() -> {
            notices().getSelectionModel().select(0);
            notices().requestFocus();
        });
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        waitUntil(() -> showing("#queueRoot") && showing("#detailDrawer"));
        waitUntil(() -> first.title().equals(text("#drawerTitle")));
        @SuppressWarnings("unchecked")
        TableView<IssueRow> queue = lookup("#issueTable").queryAs(TableView.class);
        assertThat(fx(() -> queue.getSelectionModel().getSelectedItem().id())).isEqualTo(first.id());

        clickOn("#navNotices");
        clickOn("#clearButton");
        waitUntil(() -> showing("#emptyState") && !showing("#noticeList"));
    }
}
