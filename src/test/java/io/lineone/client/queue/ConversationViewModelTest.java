package io.lineone.client.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.DeliveryStatus;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.MessageDirection;
import io.lineone.api.ReplyTemplate;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.ManualUiScheduler;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Issues;
import java.net.ConnectException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The drawer's conversation: live messages once a frame, drafts per issue, saved replies filled in, offline refusals. */
class ConversationViewModelTest {

    private static final Instant AT = Instant.parse("2026-11-23T06:01:00Z");

    private final QueueFixture session = new QueueFixture();
    private final List<IssueMessage> alerts = new ArrayList<>();

    private static IssueMessage fromMerchant(String id, String issueId, String text) {
        return new IssueMessage(id, issueId, "m-1", MessageDirection.INBOUND, "u-feed", "杭州西湖茶叶有限公司", text,
                null, AT, null, null);
    }

    private static ReplyTemplate template(String id, IssueCategory category, String language, String text) {
        return new ReplyTemplate(id, category, language, "T " + id, text, AT);
    }

    /** Signed in, two issues, the drawer open on i-1. */
    private ConversationViewModel openOn(String id) {
        session.serverHas(Issues.issue("i-1").money(123_456).build(),
                Issues.issue("i-2").title("Coupons stack").build()).signIn();
        session.issues.conversations().alertWith(alerts::add);
        session.select(id);
        session.queue().detail().open();
        return session.queue().conversation();
    }

    @Test
    void openingTheDrawerReadsTheConversationNotesAndTheSavedRepliesOfItsCategoryInTheConsolesLanguage() {
        session.backend.messages.put("i-1", new ArrayList<>(List.of(fromMerchant("msg-a", "i-1", "价格填错了"))));
        session.backend.notes.put("i-1", new ArrayList<>(List.of(new IssueNote("n-1", "i-1", "m-1", "u-1", "李娜",
                "上周也错过一次", AT))));
        session.backend.templates.addAll(List.of(template("t-all", null, "en", "Hello {merchant}"),
                template("t-zh", IssueCategory.PRICING_ERROR, "zh", "{merchant}，您好"),
                template("t-price", IssueCategory.PRICING_ERROR, "en", "{title}: {money} at risk — {manager}"),
                template("t-coupon", IssueCategory.COUPON_OVERSPEND, "en", "Coupons")));
        ConversationViewModel conversation = openOn("i-1");

        assertThat(conversation.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(conversation.messages()).extracting(IssueMessage::id).containsExactly("msg-a");
        assertThat(conversation.notes()).extracting(IssueNote::id).containsExactly("n-1");
        assertThat(conversation.savedReplies().templates()).extracting(ReplyTemplate::id).containsExactly("t-all", "t-price");
        assertThat(conversation.savedReplies().filled(conversation.savedReplies().templates().get(1)))
                .isEqualTo("Price shown as ¥0.99 instead of ¥99: ¥1,234.56 at risk — 李娜");

        session.queue().detail().close();
        assertThat(conversation.messages()).as("nothing shown with the drawer closed").isEmpty();
    }

    @Test
    void aMerchantsMessageShowsInTheOpenDrawerAtTheNextFrameAndADeliveryReplacesTheReplyInPlace() {
        ConversationViewModel conversation = openOn("i-1");
        assertThat(conversation.stateProperty().get()).isEqualTo(ScreenState.EMPTY);
        List<Integer> changes = new ArrayList<>();
        conversation.messages().addListener((ListChangeListener<IssueMessage>) c -> changes.add(1));

        session.backend.streamListener.onMessage(10, fromMerchant("msg-1", "i-1", "在吗？"));
        session.backend.streamListener.onMessage(11, fromMerchant("msg-2", "i-1", "价格填错了"));
        assertThat(conversation.messages()).as("not before the frame").isEmpty();
        session.ui.frame();
        assertThat(conversation.messages()).extracting(IssueMessage::text).containsExactly("在吗？", "价格填错了");
        assertThat(conversation.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(alerts).as("the drawer shows them: no alert").isEmpty();

        conversation.draftProperty().set("马上处理");
        conversation.send();
        IssueMessage sent = conversation.messages().get(2);
        assertThat(sent.deliveryStatus()).isEqualTo(DeliveryStatus.PENDING);
        IssueMessage delivered = new IssueMessage(sent.id(), sent.issueId(), sent.merchantId(), sent.direction(),
                sent.authorId(), sent.authorName(), sent.text(), null, sent.at(), DeliveryStatus.DELIVERED,
                AT.plusSeconds(5));
        session.backend.streamListener.onMessage(12, sent);
        session.backend.streamListener.onMessage(13, delivered);
        session.ui.frame();
        assertThat(conversation.messages()).hasSize(3);
        assertThat(conversation.messages().get(2).deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        // A late PENDING (the send's own event after the delivery's) never undoes DELIVERED.
        session.backend.streamListener.onMessage(14, sent);
        session.ui.frame();
        assertThat(conversation.messages().get(2).deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aMerchantWritingOnAnIssueNotInTheDrawerRaisesAnAlert() {
        ConversationViewModel conversation = openOn("i-1");
        session.backend.streamListener.onMessage(10, fromMerchant("msg-9", "i-2", "优惠券叠加了"));
        session.ui.frame();
        assertThat(alerts).extracting(IssueMessage::id).containsExactly("msg-9");
        assertThat(conversation.messages()).isEmpty();
    }

    @Test
    void draftsBelongToTheirIssueAcrossSelectionChangesAndTheDrawerClosing() {
        ConversationViewModel conversation = openOn("i-1");
        conversation.draftProperty().set("给 i-1 的回复");
        conversation.noteDraftProperty().set("i-1 的备注");
        session.select("i-2");
        assertThat(conversation.draftProperty().get()).isEmpty();
        conversation.draftProperty().set("给 i-2 的回复");
        session.queue().detail().close();
        session.select("i-1");
        session.queue().detail().open();
        assertThat(conversation.draftProperty().get()).isEqualTo("给 i-1 的回复");
        assertThat(conversation.noteDraftProperty().get()).isEqualTo("i-1 的备注");
        session.select("i-2");
        assertThat(conversation.draftProperty().get()).isEqualTo("给 i-2 的回复");
    }

    @Test
    void offlineSendingIsRefusedWithItsReasonAndNothingIsQueuedTheDraftStays() {
        ConversationViewModel conversation = openOn("i-1");
        conversation.draftProperty().set("已为您下架");
        assertThat(conversation.canSendProperty().get()).isTrue();

        session.backend.streamListener.onDown(true, new ConnectException("refused"));
        assertThat(conversation.canSendProperty().get()).isFalse();
        assertThat(conversation.sendHintProperty().get()).startsWith("Offline");
        conversation.send();
        assertThat(session.backend.calls).noneMatch(call -> call.startsWith("send"));
        assertThat(conversation.draftProperty().get()).isEqualTo("已为您下架");

        session.opened(io.lineone.client.net.EventStream.Opened.RESUMED);
        assertThat(conversation.canSendProperty().get()).isTrue();
        conversation.send();
        assertThat(session.backend.calls).contains("send i-1 已为您下架");
        assertThat(conversation.draftProperty().get()).as("sent, so no longer a draft").isEmpty();
    }

    @Test
    void draftsCarryIntoASessionBuiltAgain() {
        ConversationViewModel conversation = openOn("i-1");
        conversation.draftProperty().set("马上为您下架");
        conversation.noteDraftProperty().set("price feed slipped again");

        LiveConversations.Drafts kept = session.issues.conversations().drafts();
        LiveConversations next = new LiveConversations(new ManualUiScheduler());
        next.restore(kept);

        assertThat(next.replyDraft("i-1")).isEqualTo("马上为您下架");
        assertThat(next.noteDraft("i-1")).isEqualTo("price feed slipped again");
        assertThat(next.replyDraft("i-2")).isEmpty();
    }

    @Test
    void aFailedSendKeepsTheDraftAndSaysWhy() {
        ConversationViewModel conversation = openOn("i-1");
        conversation.draftProperty().set("稍等");
        session.backend.failNext(FakeBackend.status(404));
        conversation.send();
        assertThat(conversation.draftProperty().get()).isEqualTo("稍等");
        assertThat(conversation.sendErrorProperty().get()).startsWith("Not found");
        assertThat(conversation.sendingProperty().get()).isFalse();
    }

    @Test
    void aSavedReplyGoesIntoTheDraftFilledInAndIsSentAsTheManagerSawIt() {
        session.backend.templates.add(template("t-1", IssueCategory.PRICING_ERROR, "en",
                "Hello {merchant}, \"{title}\" may cost {money}. — {manager}"));
        ConversationViewModel conversation = openOn("i-1");
        conversation.draftProperty().set("Hi!");
        assertThat(conversation.insertTemplate(0)).isTrue();
        assertThat(conversation.insertTemplate(5)).isFalse();
        String expected = "Hi!\nHello 杭州西湖茶叶有限公司, \"Price shown as ¥0.99 instead of ¥99\" may cost ¥1,234.56. — 李娜";
        assertThat(conversation.draftProperty().get()).isEqualTo(expected);
        conversation.draftProperty().set(conversation.draftProperty().get() + " Thanks");
        conversation.send();
        IssueMessage sent = session.backend.messages.get("i-1").get(0);
        assertThat(sent.text()).isEqualTo(expected + " Thanks");
        assertThat(sent.templateId()).isEqualTo("t-1");
    }

    @Test
    void tooLongIsToldBeforeSendingAndNotesStayNotes() {
        ConversationViewModel conversation = openOn("i-1");
        conversation.draftProperty().set("长".repeat(4001));
        assertThat(conversation.canSendProperty().get()).isFalse();
        assertThat(conversation.sendHintProperty().get()).isEqualTo("1 characters too long (at most 4,000).");

        conversation.noteDraftProperty().set("内部：先别告诉商家");
        conversation.addNote();
        assertThat(conversation.notes()).extracting(IssueNote::text).containsExactly("内部：先别告诉商家");
        assertThat(conversation.noteDraftProperty().get()).isEmpty();
        assertThat(session.backend.calls).noneMatch(call -> call.startsWith("send"));
        assertThat(conversation.messages()).isEmpty();
    }

    @Test
    void chineseConsoleOffersChineseSavedReplies() {
        QueueFixture chinese = new QueueFixture(Locale.SIMPLIFIED_CHINESE, new io.lineone.client.common.CurrentThreadTaskExecutor());
        chinese.backend.templates.addAll(List.of(template("t-en", null, "en", "Hello"),
                template("t-zh", null, "zh", "{merchant}，您好")));
        chinese.serverHas(Issues.issue("i-1").build()).signIn();
        chinese.select("i-1");
        chinese.queue().detail().open();
        ConversationViewModel conversation = chinese.queue().conversation();
        assertThat(conversation.savedReplies().templates()).extracting(ReplyTemplate::id).containsExactly("t-zh");
        assertThat(conversation.text().choice(0, conversation.savedReplies().templates().get(0))).isEqualTo("1 · T t-zh");
        assertThat(conversation.savedReplies().filled(conversation.savedReplies().templates().get(0))).isEqualTo("杭州西湖茶叶有限公司，您好");
    }

    @Test
    void aDifferentIssuesAnswersAreDroppedAndTheConversationReadsAgainOnRetry() {
        ConversationViewModel conversation = openOn("i-1");
        Issue i1 = session.backend.issues.get("i-1");
        session.backend.messages.put("i-1", new ArrayList<>(List.of(fromMerchant("msg-x", i1.id(), "再试"))));
        session.backend.failNext(FakeBackend.unreachable());
        conversation.retry();
        assertThat(conversation.stateProperty().get()).isEqualTo(ScreenState.ERROR);
        conversation.retry();
        assertThat(conversation.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(conversation.messages()).extracting(IssueMessage::id).containsExactly("msg-x");
    }
}
