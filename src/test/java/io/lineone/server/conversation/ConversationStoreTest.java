package io.lineone.server.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.DeliveryStatus;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.IssueSource;
import io.lineone.api.IssueStatus;
import io.lineone.api.MessageDirection;
import io.lineone.api.Priority;
import io.lineone.api.ReplyTemplate;
import io.lineone.server.issues.IssueStore;
import io.lineone.testing.StoreRows;
import io.lineone.testing.StoreTest;
import io.lineone.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

class ConversationStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-11T00:00:00.125Z");

    private static void issue(TestDatabase t, String id, String merchantId) {
        IssueStore.Row row = new IssueStore.Row(id, merchantId, null, null, IssueCategory.PRICING_ERROR,
                IssueSource.MERCHANT, Priority.P2, "标价疑似小数点错位", "", null, null, 0, T0, T0.plusSeconds(300),
                T0.plus(Duration.ofHours(24)), new IssueStore.State(IssueStatus.NEW, null, null, T0, null, null, 0, 0,
                null, 1), null);
        t.db().inTransaction(tx -> {
            new IssueStore(t.db()).insert(tx, row);
            return null;
        });
    }

    private static IssueMessage message(String id, String issueId, MessageDirection direction, Instant at) {
        return new IssueMessage(id, issueId, "mer_a", direction, "usr_a", direction == MessageDirection.INBOUND
                ? "商家 mer_a" : "名字 a", "第 " + id + " 条：价格 ¥0.99 😀\n第二行", null, at,
                direction == MessageDirection.OUTBOUND ? DeliveryStatus.PENDING : null, null);
    }

    private static void insert(TestDatabase t, ConversationStore store, IssueMessage... messages) {
        t.db().inTransaction(tx -> {
            for (IssueMessage m : messages) {
                store.insert(tx, m);
            }
            return null;
        });
    }

    @StoreTest
    void aConversationReadsBackOldestFirstInTheOrderWrittenAndPagesByCursor(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        issue(t, "iss_1", "mer_a");
        issue(t, "iss_2", "mer_a");
        ConversationStore store = new ConversationStore(t.db());
        // Same millisecond, ids out of order: the written order still holds.
        IssueMessage first = message("msg_z", "iss_1", MessageDirection.INBOUND, T0);
        IssueMessage second = message("msg_a", "iss_1", MessageDirection.OUTBOUND, T0);
        IssueMessage third = message("msg_m", "iss_1", MessageDirection.INBOUND, T0.plusMillis(1));
        insert(t, store, first, second, message("msg_other", "iss_2", MessageDirection.INBOUND, T0), third);

        assertThat(store.messages("iss_1", null, 10)).containsExactly(first, second, third);
        assertThat(store.messages("iss_1", null, 2)).containsExactly(first, second);
        assertThat(store.messages("iss_1", "msg_a", 10)).containsExactly(third);
        assertThat(store.messages("iss_3", null, 10)).isEmpty();
    }

    @StoreTest
    void theOutboxHoldsPendingRepliesOnlyUntilDeliveredOnce(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        issue(t, "iss_1", "mer_a");
        ConversationStore store = new ConversationStore(t.db());
        IssueMessage reply1 = message("msg_1", "iss_1", MessageDirection.OUTBOUND, T0);
        IssueMessage inbound = message("msg_2", "iss_1", MessageDirection.INBOUND, T0.plusMillis(5));
        IssueMessage reply2 = message("msg_3", "iss_1", MessageDirection.OUTBOUND, T0.plusMillis(9));
        insert(t, store, reply1, inbound, reply2);

        assertThat(store.outbox(10)).containsExactly(reply1, reply2);
        Instant at = T0.plusSeconds(3);
        assertThat(t.db().<Boolean>inTransaction(tx -> store.markDelivered(tx, "msg_1", at))).isTrue();
        assertThat(t.db().<Boolean>inTransaction(tx -> store.markDelivered(tx, "msg_1", at.plusSeconds(1))))
                .as("delivered once").isFalse();
        assertThat(t.db().<Boolean>inTransaction(tx -> store.markDelivered(tx, "msg_2", at)))
                .as("a merchant's message is never in the outbox").isFalse();
        assertThat(store.outbox(10)).containsExactly(reply2);
        assertThat(store.messages("iss_1", null, 10).get(0)).isEqualTo(new IssueMessage("msg_1", "iss_1", "mer_a",
                MessageDirection.OUTBOUND, "usr_a", "名字 a", reply1.text(), null, T0, DeliveryStatus.DELIVERED, at));
    }

    @StoreTest
    void notesAndSavedRepliesReadBack(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        issue(t, "iss_1", "mer_a");
        ConversationStore store = new ConversationStore(t.db());
        IssueNote note = new IssueNote("note_1", "iss_1", "mer_a", "usr_a", "名字 a", "内部：先别告诉商家 \u2603", T0);
        t.db().inTransaction(tx -> {
            store.insert(tx, note);
            return null;
        });
        assertThat(store.notes("iss_1", null, 10)).containsExactly(note);
        assertThat(store.outbox(10)).isEmpty();

        List<ReplyTemplate> pricing = store.templates(IssueCategory.PRICING_ERROR);
        assertThat(pricing).extracting(ReplyTemplate::category).containsOnly(null, IssueCategory.PRICING_ERROR);
        assertThat(pricing).extracting(ReplyTemplate::language).contains("zh", "en");
        assertThat(pricing).filteredOn(r -> r.id().equals("tpl_pricing_zh")).singleElement()
                .satisfies(r -> assertThat(r.text()).startsWith("{merchant}，您好：您的商品“{title}”"));
        ReplyTemplate mine = new ReplyTemplate("tpl_x", IssueCategory.LOGISTICS, "en", "Courier late", "Hi {merchant}",
                T0);
        t.db().inTransaction(tx -> {
            store.insert(tx, mine, "usr_a");
            return null;
        });
        assertThat(store.templates(IssueCategory.LOGISTICS)).contains(mine)
                .noneMatch(r -> r.category() == IssueCategory.PRICING_ERROR);
        assertThat(store.template("tpl_x")).contains(mine);
        assertThat(store.templates(null)).hasSizeGreaterThan(pricing.size());
    }
}
