package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.Priority;
import io.lineone.client.queue.IssueRow;
import io.lineone.client.search.SearchHit;
import io.lineone.testing.ManagerBooks;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/** Ctrl+K from any screen: merchants and issues in one list, opened with Enter, closed with Esc. */
class GlobalSearchUiTest extends SeededConsoleTestBase {

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    @SuppressWarnings("unchecked")
    private ListView<SearchHit> results() {
        return (ListView<SearchHit>) lookup("#searchResults").queryAs(ListView.class);
    }

    private void ctrlK() {
        press(KeyCode.SHORTCUT, KeyCode.K).release(KeyCode.K, KeyCode.SHORTCUT);
    }

    @Test
    void pinyinFindsAMerchantAndATitleFindsAnIssueEachOpenedWithEnter() throws Exception {
        Issue kettle = server.issue(books.liNasMerchants().get(3), Priority.P2, IssueCategory.PRICING_ERROR,
                "Electric kettle listed at ¥1.29", 12_000_00);
        open(Locale.ENGLISH, Optional.empty(), server, ManagerBooks.LI_NA);
        waitUntil(() -> showing("#merchantTable") && !table().getItems().isEmpty());
        clickOn("#navIssues");
        waitUntil(() -> showing("#issueTable"));

        // 蜀香坊 is the shop of Chengdu Hotpot Foods: its pinyin initials find it from the queue.
        assertThat(lookup("#searchOverlay").tryQuery()).as("built when first opened, not with the window").isEmpty();
        ctrlK();
        waitUntil(() -> showing("#searchOverlay"));
        write("sxf");
        waitUntil(() -> fx(() -> results().getItems().size()) >= 1);
        assertThat(fx(() -> results().getItems().get(0).title())).isEqualTo("Chengdu Hotpot Foods");
        type(KeyCode.ENTER);

        waitUntil(() -> showing("#merchantTable") && !showing("#searchOverlay"));
        waitUntil(() -> fx(() -> table().getSelectionModel().getSelectedItem() != null));
        assertThat(fx(() -> table().getSelectionModel().getSelectedItem().merchant().name()))
                .isEqualTo("Chengdu Hotpot Foods");
        waitUntil(() -> "Chengdu Hotpot Foods".equals(text("#detailName")));

        ctrlK();
        waitUntil(() -> showing("#searchOverlay"));
        write("kettle");
        waitUntil(() -> fx(() -> results().getItems().stream().anyMatch(hit -> hit.id().equals(kettle.id()))));
        type(KeyCode.ENTER);
        waitUntil(() -> showing("#detailDrawer") && kettle.title().equals(text("#drawerTitle")));
        @SuppressWarnings("unchecked")
        TableView<IssueRow> queue = lookup("#issueTable").queryAs(TableView.class);
        assertThat(fx(() -> queue.getSelectionModel().getSelectedItem().id())).isEqualTo(kettle.id());
    }

    @Test
    void escClearsWhatWasTypedThenClosesAndGivesTheFocusBack() throws Exception {
        open(Locale.ENGLISH, Optional.empty(), server, ManagerBooks.LI_NA);
        waitUntil(() -> showing("#merchantTable") && !table().getItems().isEmpty());
        clickOn("#searchField");

        ctrlK();
        waitUntil(() -> showing("#searchOverlay"));
        write("nothing like this");
        waitUntil(() -> text("#searchStatus").startsWith("Nothing matches"));
        type(KeyCode.ESCAPE);
        waitUntil(() -> fx(() -> lookup("#globalSearchField").queryTextInputControl().getText().isEmpty()));
        assertThat(showing("#searchOverlay")).isTrue();
        type(KeyCode.ESCAPE);

        waitUntil(() -> !showing("#searchOverlay"));
        assertThat(fx(() -> lookup("#searchField").query().isFocused())).as("focus back where it was").isTrue();
    }
}
