package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueStatus;
import io.lineone.api.NewMessage;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.client.queue.IssueRow;
import io.lineone.testing.ApiClient;
import io.lineone.testing.ManagerBooks;
import io.lineone.testing.Screenshots;
import io.lineone.testing.TestServer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.StreamSupport;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * Talking to the merchant from the drawer, against a real backend: the feed's message appears without a click, a
 * saved reply is picked, edited and sent with Ctrl+Enter, shows pending then delivered as the connector acknowledges
 * it, and the queue's row leaves NEW; a note stays internal.
 */
class ConversationUiTest extends SeededConsoleTestBase {

    private static TestServer.Account feed;

    @BeforeAll
    static void feedAccount() {
        feed = server.account(Role.SERVICE, "marketplace.feed", "Marketplace feed");
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

    /** The texts and meta lines of the bubbles on show, in order. */
    private List<String> bubbles() {
        return fx(() -> lookup("#bubbles").queryAs(VBox.class).getChildren().stream()
                .map(row -> (VBox) ((javafx.scene.layout.HBox) row).getChildren().get(0))
                .map(bubble -> ((Label) bubble.getChildren().get(0)).getText() + " | "
                        + ((Label) bubble.getChildren().get(1)).getText()
                        + (bubble.getStyleClass().contains("bubble-out") ? " | ours" : " | theirs"))
                .toList());
    }

    private List<String> notes() {
        return fx(() -> lookup("#noteList").queryAs(VBox.class).getChildren().stream()
                .map(card -> ((Label) ((VBox) card).getChildren().get(0)).getText()).toList());
    }

    private static List<JsonNode> items(ApiClient.Response response) {
        return StreamSupport.stream(response.json().get("items").spliterator(), false).toList();
    }

    @Test
    void theManagerTalksToTheMerchantFromTheDrawer() throws Exception {
        openQueue(Locale.ENGLISH);
        Issue issue = server.issue(books.liNasMerchants().get(0), Priority.P2, IssueCategory.PRICING_ERROR,
                "Tea set listed at ¥9.90", 1_234_56);
        waitUntil(() -> shown(issue.id()).isPresent());
        select(issue.id());
        type(KeyCode.M);
        waitUntil(() -> showing("#replyField") && fx(() -> lookup("#replyField").query().isFocused()));

        // The marketplace feed posts the merchant's message: it appears in the open drawer by itself.
        ApiClient api = server.api();
        assertThat(api.post("/issues/" + issue.id() + "/messages", feed.token(),
                new NewMessage("The price is wrong, please help!", null)).status()).isEqualTo(201);
        waitUntil(() -> bubbles().size() == 1);
        assertThat(bubbles().get(0)).startsWith("The price is wrong, please help! | ").endsWith("| theirs");

        // A saved reply, picked from the list, goes into the box filled in; the manager edits and sends it.
        clickOn("#templatePicker");
        // Saved replies show their whole text, so the open list may need scrolling to the third, as by a person.
        interact(() -> {
            ListView<?> list = lookup(".combo-box-popup .list-view").queryAs(ListView.class);
            list.scrollTo(2);
        });
        clickOn("3 · Price looks wrong, delist first");
        waitUntil(() -> text("#replyField").startsWith("Hello 杭州西湖茶叶有限公司, the price of your listing "
                + "\"Tea set listed at ¥9.90\" looks wrong and could cost you about ¥1,234.56."));
        assertThat(text("#replyField")).endsWith("— 李娜");
        write(" I will call you.");
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> bubbles().size() == 2);
        assertThat(bubbles().get(1)).contains("— 李娜 I will call you. | 李娜 · ").endsWith("waiting to be delivered | ours");
        assertThat(text("#replyField")).as("sent, so the box is empty").isEmpty();
        Screenshots.save(stage.getScene(), "conversation-pending-en");

        // The first reply is the first response: the row leaves NEW without anyone pressing A.
        waitUntil(() -> shown(issue.id()).map(i -> i.status() == IssueStatus.ACKNOWLEDGED).orElse(false));
        assertThat(server.issueById(issue.id()).firstResponseAt()).isNotNull();

        // The connector reads the outbox and acknowledges: the bubble says delivered.
        List<JsonNode> outbox = items(api.get("/outbox", feed.token()));
        JsonNode reply = outbox.stream().filter(m -> m.get("issueId").asText().equals(issue.id())).findFirst()
                .orElseThrow();
        assertThat(reply.get("text").asText()).endsWith("— 李娜 I will call you.");
        assertThat(api.post("/outbox/" + reply.get("id").asText() + "/delivered", feed.token(), null).status())
                .isEqualTo(200);
        waitUntil(() -> bubbles().get(1).endsWith("delivered | ours") && !bubbles().get(1).contains("waiting"));
        Screenshots.save(stage.getScene(), "conversation-delivered-en");

        // An internal note: under notes, marked internal, never in the outbox nor the conversation.
        clickOn("#notesTab");
        waitUntil(() -> showing("#internalNoteField"));
        assertThat(text("#internalBanner")).startsWith("Internal — not sent to the merchant.");
        clickOn("#internalNoteField").write("Same shop mispriced last week too.");
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> notes().equals(List.of("Same shop mispriced last week too.")));
        assertThat(text("#internalNoteField")).isEmpty();
        assertThat(items(api.get("/outbox?limit=500", feed.token())))
                .noneMatch(m -> m.get("text").asText().contains("mispriced last week"));
        assertThat(items(api.get("/issues/" + issue.id() + "/messages", feed.token())))
                .noneMatch(m -> m.get("text").asText().contains("mispriced last week"));
        Screenshots.save(stage.getScene(), "conversation-notes-en");
    }

    @Test
    void aMerchantWritingOnAnotherIssueRaisesANotificationAndChineseReadsChinese() throws Exception {
        openQueue(Locale.SIMPLIFIED_CHINESE);
        Issue open = server.issue(books.liNasMerchants().get(1), Priority.P3, IssueCategory.PRICING_ERROR,
                "丝巾价格填错", 50_00);
        Issue other = server.issue(books.liNasMerchants().get(2), Priority.P3, IssueCategory.LOGISTICS,
                "物流不更新", 0);
        waitUntil(() -> shown(open.id()).isPresent() && shown(other.id()).isPresent());
        select(open.id());
        type(KeyCode.M);
        waitUntil(() -> showing("#replyField") && showing("#conversationEmpty"));

        server.api().post("/issues/" + other.id() + "/messages", feed.token(), new NewMessage("快递三天没动了", null));
        waitUntil(() -> lookup(".toast-message").tryQuery().isPresent());
        assertThat(fx(() -> lookup(".toast-message .toast-title").queryAs(Label.class).getText()))
                .isEqualTo("Chengdu Hotpot Foods 发来消息");
        assertThat(bubbles()).as("not in this drawer").isEmpty();

        // Ctrl+1 puts the first saved reply, in Chinese, into the box (the caret is there since M).
        waitUntil(() -> fx(() -> lookup("#replyField").query().isFocused()));
        press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        waitUntil(() -> text("#replyField").startsWith("杭州丝绸贸易有限公司，您好：您反馈的“丝巾价格填错”我们已收到"));
        Screenshots.save(stage.getScene(), "conversation-zh");
    }
}
