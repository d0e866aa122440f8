package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Issue;
import io.lineone.api.Listing;
import io.lineone.client.queue.IssueRow;
import io.lineone.testing.Feed;
import io.lineone.testing.ManagerBooks;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * Offline, the fix buttons are disabled and say why, and F opens nothing: no fix is queued to be sent later. This
 * class stops its server, so it has one of its own.
 */
class FixOfflineUiTest extends SeededConsoleTestBase {

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    @SuppressWarnings("unchecked")
    private TableView<IssueRow> queue() {
        return (TableView<IssueRow>) lookup("#issueTable").queryAs(TableView.class);
    }

    private Optional<Issue> shown(String id) {
        return fx(() -> queue().getItems().stream().map(IssueRow::issue).filter(i -> i.id().equals(id)).findFirst());
    }

    private List<Button> fixButtons() {
        return fx(() -> lookup("#drawerFixes .fix-button").queryAll().stream().map(n -> (Button) n).toList());
    }

    @Test
    void offlineTheFixButtonsAreDisabledWithAReasonAndFOpensNothing() throws Exception {
        open(Locale.ENGLISH, Optional.empty(), server, ManagerBooks.LI_NA);
        waitUntil(() -> showing("#navIssues"));
        clickOn("#navIssues");
        waitUntil(() -> showing("#queueRoot") && !showing("#loadingState"));
        waitUntil(() -> fx(() -> lookup("#connectionLabel").query().getStyleClass().contains("connection-live")));
        Feed feed = new Feed(server);
        Listing listing = feed.listing(books.liNasMerchants().get(0).id(), Feed.rice("五常大米 5kg"));
        String issueId = feed.price(listing.id(), 890).openIssueIds().get(0);
        waitUntil(() -> shown(issueId).isPresent());
        interact(() -> {
            queue().getItems().stream().filter(r -> r.id().equals(issueId)).findFirst()
                    .ifPresent(row -> queue().getSelectionModel().clearAndSelect(queue().getItems().indexOf(row)));
            queue().requestFocus();
        });
        type(KeyCode.ENTER);
        waitUntil(() -> showing("#detailDrawer") && !fixButtons().isEmpty());
        assertThat(fixButtons()).extracting(Button::getText).startsWith("Delist the listing");
        assertThat(fixButtons()).allSatisfy(b -> assertThat(b.isDisabled()).isFalse());

        server.stop();

        waitUntil(() -> fixButtons().stream().allMatch(Node::isDisabled));
        waitUntil(() -> showing("#drawerFixesReason"));
        assertThat(text("#drawerFixesReason")).startsWith("Offline");
        assertThat(fx(() -> fixButtons().get(0).getTooltip().getText())).startsWith("Offline");

        clickOn("#issueTable");
        interact(() -> queue().requestFocus());
        type(KeyCode.F);
        waitUntil(() -> showing("#noticeBanner"));
        assertThat(text("#noticeLabel")).startsWith("Offline");
        assertThat(showing("#fixSheet")).as("nothing opens, nothing is queued").isFalse();
    }
}
