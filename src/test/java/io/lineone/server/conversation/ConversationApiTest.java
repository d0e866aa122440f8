package io.lineone.server.conversation;

import static io.lineone.testing.ProblemAssert.invalid;
import static io.lineone.testing.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.DeliveryStatus;
import io.lineone.api.EventTypes;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.IssueStatus;
import io.lineone.api.MessageDirection;
import io.lineone.api.NewMessage;
import io.lineone.api.NewNote;
import io.lineone.api.NewReplyTemplate;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.server.audit.AuditLog;
import io.lineone.testing.ApiClient;
import io.lineone.testing.MutableClock;
import io.lineone.testing.SseReader;
import io.lineone.testing.TestServer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The conversation with the merchant, the outbox, internal notes and saved replies, over real HTTP. */
class ConversationApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final TestServer server = TestServer.onH2().build();

    private static final ApiClient api = server.api();
    private static TestServer.Account manager;
    private static TestServer.Account other;
    private static TestServer.Account supervisor;
    private static TestServer.Account feed;
    private static TestServer.Account admin;
    private static TestServer.Account owner;
    private static String merchant;

    @BeforeAll
    static void accounts() {
        manager = server.account(Role.MANAGER);
        other = server.account(Role.MANAGER);
        supervisor = server.account(Role.SUPERVISOR);
        feed = server.account(Role.SERVICE);
        admin = server.account(Role.ADMIN);
        owner = server.account(Role.PRODUCT_OWNER);
        merchant = server.merchantOf(manager).id();
    }

    private static ApiClient.Response say(TestServer.Account who, String issueId, String text) {
        return api.post("/issues/" + issueId + "/messages", who.token(), new NewMessage(text, null));
    }

    private static List<IssueMessage> conversation(TestServer.Account who, String issueId) {
        ApiClient.Response read = api.get("/issues/" + issueId + "/messages", who.token());
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        List<IssueMessage> messages = new ArrayList<>();
        read.json().get("items").forEach(item -> messages.add(io.lineone.api.Json.mapper().convertValue(item,
                IssueMessage.class)));
        return messages;
    }

    private static List<IssueMessage> outbox() {
        ApiClient.Response read = api.get("/outbox?limit=500", feed.token());
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        List<IssueMessage> messages = new ArrayList<>();
        read.json().get("items").forEach(item -> messages.add(io.lineone.api.Json.mapper().convertValue(item,
                IssueMessage.class)));
        return messages;
    }

    @Test
    void theMerchantWritesAndTheFirstReplyIsTheFirstResponseInOneTransaction() throws Exception {
        Issue issue = server.issue(merchant, Priority.P2);
        long before = lastEventId();
        ApiClient.Response inbound = say(feed, issue.id(), "  您好，价格填错了，麻烦尽快处理！  ");
        assertThat(inbound.status()).as("%s", inbound).isEqualTo(201);
        IssueMessage fromMerchant = inbound.as(IssueMessage.class);
        assertThat(fromMerchant.direction()).isEqualTo(MessageDirection.INBOUND);
        assertThat(fromMerchant.authorName()).isEqualTo(issue.merchantName());
        assertThat(fromMerchant.text()).as("outer white space goes").isEqualTo("您好，价格填错了，麻烦尽快处理！");
        assertThat(fromMerchant.deliveryStatus()).isNull();
        assertThat(server.issueById(issue.id()).status()).as("the merchant writing is no response")
                .isEqualTo(IssueStatus.NEW);

        server.clock().advance(Duration.ofSeconds(19));
        ApiClient.Response replied = say(manager, issue.id(), "您好，已为您下架该商品，请核对价格后重新上架。");
        assertThat(replied.status()).as("%s", replied).isEqualTo(201);
        IssueMessage reply = replied.as(IssueMessage.class);
        assertThat(reply.direction()).isEqualTo(MessageDirection.OUTBOUND);
        assertThat(reply.deliveryStatus()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(reply.authorId()).isEqualTo(manager.id());

        Issue answered = server.issueById(issue.id());
        assertThat(answered.status()).isEqualTo(IssueStatus.ACKNOWLEDGED);
        assertThat(answered.firstResponseAt()).isEqualTo(MutableClock.START.plusSeconds(19)).isEqualTo(reply.at());
        assertThat(answered.assigneeId()).as("the replier takes an unassigned issue").isEqualTo(manager.id());
        assertThat(answered.version()).isEqualTo(issue.version() + 1);
        List<IssueHistoryEntry> history = api.get("/issues/" + issue.id() + "/history", manager.token())
                .json().get("items").findValues("action").stream().map(JsonNode::asText)
                .map(action -> new IssueHistoryEntry(null, null, null, action, null, null, null, null)).toList();
        assertThat(history).extracting(IssueHistoryEntry::action).containsExactly("created", "claimed", "status");
        assertThat(server.audit("issue", issue.id())).extracting(AuditLog.Entry::action)
                .contains("message.receive", "message.reply", "issue.firstResponse");

        // One transaction: the reply's event and the issue's event are neighbours in the log.
        try (SseReader stream = server.events(supervisor.token(), before, null)) {
            List<SseReader.Event> events = List.of(stream.next(WAIT), stream.next(WAIT), stream.next(WAIT));
            assertThat(events).extracting(SseReader.Event::type).containsExactly(EventTypes.ISSUE_MESSAGE,
                    EventTypes.ISSUE_MESSAGE, EventTypes.ISSUE_UPDATED);
            assertThat(events.get(2).id()).isEqualTo(events.get(1).id() + 1);
            assertThat(events.get(1).as(IssueMessage.class)).isEqualTo(reply);
            assertThat(events.get(2).as(Issue.class).status()).isEqualTo(IssueStatus.ACKNOWLEDGED);
        }

        // A later reply leaves the first response where it was.
        server.clock().advance(Duration.ofSeconds(30));
        assertThat(say(supervisor, issue.id(), "补充：已同步到风控。").status()).isEqualTo(201);
        assertThat(server.issueById(issue.id())).isEqualTo(answered);
        assertThat(conversation(manager, issue.id())).extracting(IssueMessage::direction)
                .containsExactly(MessageDirection.INBOUND, MessageDirection.OUTBOUND, MessageDirection.OUTBOUND);
    }

    @Test
    void aReplyOnAnIssueAlreadyAcknowledgedMovesNothing() {
        Issue issue = server.issue(merchant, Priority.P3);
        Issue acked = server.patch(issue.id(), new io.lineone.api.IssuePatch(IssueStatus.IN_PROGRESS, null, null));
        assertThat(say(manager, issue.id(), "正在处理").status()).isEqualTo(201);
        assertThat(server.issueById(issue.id())).isEqualTo(acked);
    }

    @Test
    void repliesWaitInTheOutboxUntilTheConnectorSaysDeliveredOnce() throws Exception {
        Issue issue = server.issue(merchant, Priority.P2);
        IssueMessage inbound = say(feed, issue.id(), "在吗？").as(IssueMessage.class);
        IssueMessage first = say(manager, issue.id(), "在的，马上处理。").as(IssueMessage.class);
        IssueMessage second = say(manager, issue.id(), "已处理好。").as(IssueMessage.class);
        assertThat(outbox()).as("oldest first, replies only").containsSubsequence(first, second)
                .doesNotContain(inbound);

        long before = lastEventId();
        ApiClient.Response delivered = api.post("/outbox/" + first.id() + "/delivered", feed.token(), null);
        assertThat(delivered.status()).as("%s", delivered).isEqualTo(200);
        IssueMessage done = delivered.as(IssueMessage.class);
        assertThat(done.deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(done.deliveredAt()).isNotNull();
        ApiClient.Response again = api.post("/outbox/" + first.id() + "/delivered", feed.token(), null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.as(IssueMessage.class)).as("idempotent").isEqualTo(done);
        assertThat(outbox()).doesNotContain(first).contains(second);
        assertThat(conversation(manager, issue.id())).contains(done);
        try (SseReader stream = server.events(manager.token(), before, null)) {
            SseReader.Event event = stream.next(WAIT);
            assertThat(event.type()).isEqualTo(EventTypes.ISSUE_MESSAGE);
            assertThat(event.as(IssueMessage.class)).isEqualTo(done);
            assertThat(stream.next(Duration.ofMillis(300))).as("a second delivery writes no event").isNull();
        }

        problem(api.post("/outbox/" + inbound.id() + "/delivered", feed.token(), null), 404);
        problem(api.post("/outbox/msg_nothere/delivered", feed.token(), null), 404);
        problem(api.post("/outbox/" + second.id() + "/delivered", manager.token(), null), 403);
        problem(api.get("/outbox", manager.token()), 403);
        problem(api.get("/outbox", supervisor.token()), 403);
        invalid(api.get("/outbox?limit=0", feed.token()), "limit");
    }

    @Test
    void anotherManagersIssueIsNotFoundAndRolesAreChecked() {
        Issue issue = server.issue(merchant, Priority.P2);
        problem(say(other, issue.id(), "我来回复"), 404);
        problem(api.get("/issues/" + issue.id() + "/messages", other.token()), 404);
        problem(api.post("/issues/" + issue.id() + "/notes", other.token(), new NewNote("看看")), 404);
        problem(api.get("/issues/" + issue.id() + "/notes", other.token()), 404);
        problem(say(manager, "iss_unknown", "hi"), 404);
        problem(say(admin, issue.id(), "管理员不回复商家"), 403);
        problem(say(owner, issue.id(), "产品负责人不回复商家"), 403);
        problem(api.post("/issues/" + issue.id() + "/notes", feed.token(), new NewNote("feed")), 403);
        problem(api.get("/issues/" + issue.id() + "/notes", feed.token()), 403);
        assertThat(api.get("/issues/" + issue.id() + "/messages", admin.token()).status()).isEqualTo(200);
        assertThat(api.get("/issues/" + issue.id() + "/messages", feed.token()).status()).isEqualTo(200);
        problem(api.get("/issues/" + issue.id() + "/messages", "not-a-token"), 401);
    }

    @Test
    void textIsValidatedWithItsFieldNamed() {
        String id = server.issue(merchant, Priority.P3).id();
        for (String bad : List.of("", "   \n\t ", "\u200b\u200b", "a\u0000b", "x".repeat(4001), "\u202Eevil",
                "broken \ud800 text")) {
            invalid(say(manager, id, bad), "text");
            invalid(api.post("/issues/" + id + "/notes", manager.token(), new NewNote(bad)), "text");
        }
        invalid(api.post("/issues/" + id + "/messages", manager.token(), Map.of()), "text");
        invalid(api.post("/issues/" + id + "/messages", manager.token(), Map.of("text", 42)), "text");
        invalid(api.post("/issues/" + id + "/messages", manager.token(), Map.of("text", List.of("a"))), "text");
        invalid(api.post("/issues/" + id + "/messages", manager.token(), new NewMessage("好", "tpl_nothere")),
                "templateId");
        invalid(api.sendRaw("POST", "/api/v1/issues/" + id + "/messages", manager.token(),
                HttpRequest.BodyPublishers.ofString("{\"text\": "), Map.of("Content-Type", "application/json")),
                "body");
        // What is fine: 4,000 characters outside the BMP, line breaks, and a real template.
        String emoji = "😀".repeat(4000);
        assertThat(say(manager, id, emoji).as(IssueMessage.class).text()).isEqualTo(emoji);
        assertThat(say(manager, id, "第一行\n第二行").as(IssueMessage.class).text()).isEqualTo("第一行\n第二行");
        ApiClient.Response templated = api.post("/issues/" + id + "/messages", manager.token(),
                new NewMessage("您好，已收到。", "tpl_received_zh"));
        assertThat(templated.as(IssueMessage.class).templateId()).isEqualTo("tpl_received_zh");
        assertThat(server.issueById(id).status()).isEqualTo(IssueStatus.ACKNOWLEDGED);
    }

    @Test
    void notesAreForTheTeamAndNeverInTheOutbox() throws Exception {
        Issue issue = server.issue(merchant, Priority.P2);
        long before = lastEventId();
        ApiClient.Response added = api.post("/issues/" + issue.id() + "/notes", manager.token(),
                new NewNote("内部：这家店上周也错过一次价格"));
        assertThat(added.status()).as("%s", added).isEqualTo(201);
        IssueNote note = added.as(IssueNote.class);
        assertThat(note.authorId()).isEqualTo(manager.id());
        assertThat(api.post("/issues/" + issue.id() + "/notes", supervisor.token(), new NewNote("已知悉")).status())
                .isEqualTo(201);
        JsonNode notes = api.get("/issues/" + issue.id() + "/notes", supervisor.token()).json();
        assertThat(notes.get("items")).hasSize(2);
        assertThat(notes.get("items").get(0).get("text").asText()).isEqualTo(note.text());
        assertThat(outbox()).noneMatch(m -> m.text().equals(note.text()));
        assertThat(conversation(manager, issue.id())).isEmpty();
        assertThat(server.issueById(issue.id()).status()).as("a note is no response").isEqualTo(IssueStatus.NEW);

        try (SseReader mine = server.events(manager.token(), before, null);
             SseReader theirs = server.events(other.token(), before, null)) {
            SseReader.Event event = mine.next(WAIT);
            assertThat(event.type()).isEqualTo(EventTypes.ISSUE_NOTE);
            assertThat(event.as(IssueNote.class)).isEqualTo(note);
            assertThat(theirs.next(Duration.ofMillis(300))).as("another manager hears nothing of it").isNull();
        }
        // The marketplace's own account hears no note, replayed or live.
        try (SseReader replayed = server.events(feed.token(), before, null);
             SseReader live = server.events(feed.token(), null, null)) {
            assertThat(replayed.next(Duration.ofMillis(300))).isNull();
            api.post("/issues/" + issue.id() + "/notes", manager.token(), new NewNote("还是内部的"));
            say(feed, issue.id(), "请问进展？");
            assertThat(live.next(WAIT).type()).isEqualTo(EventTypes.ISSUE_MESSAGE);
            assertThat(replayed.next(WAIT).type()).isEqualTo(EventTypes.ISSUE_MESSAGE);
        }
    }

    @Test
    void aReplyRetriedWithItsIdempotencyKeyReachesTheMerchantOnce() {
        Issue issue = server.issue(merchant, Priority.P3);
        Map<String, String> key = Map.of("Idempotency-Key", "reply-retry-1");
        ApiClient.Response first = api.send("POST", "/issues/" + issue.id() + "/messages", manager.token(),
                new NewMessage("您好，已为您下架该商品", null), key);
        ApiClient.Response retry = api.send("POST", "/issues/" + issue.id() + "/messages", manager.token(),
                new NewMessage("您好，已为您下架该商品", null), key);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(retry.status()).as("%s", retry).isEqualTo(201);
        assertThat(retry.as(IssueMessage.class)).as("the first answer").isEqualTo(first.as(IssueMessage.class));
        assertThat(api.get("/issues/" + issue.id() + "/messages", manager.token()).json().get("items")).hasSize(1);
        assertThat(outbox()).filteredOn(m -> m.issueId().equals(issue.id())).hasSize(1);
        problem(api.send("POST", "/issues/" + issue.id() + "/messages", manager.token(),
                new NewMessage("另一条回复", null), key), 422);
    }

    @Test
    void aNoteRetriedWithItsIdempotencyKeyIsSavedOnce() {
        Issue issue = server.issue(merchant, Priority.P3);
        Map<String, String> key = Map.of("Idempotency-Key", "note-retry-1");
        ApiClient.Response first = api.send("POST", "/issues/" + issue.id() + "/notes", manager.token(),
                new NewNote("承运商说中转站扫描枪坏了"), key);
        ApiClient.Response retry = api.send("POST", "/issues/" + issue.id() + "/notes", manager.token(),
                new NewNote("承运商说中转站扫描枪坏了"), key);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(retry.status()).as("%s", retry).isEqualTo(201);
        assertThat(retry.as(IssueNote.class)).as("the first answer").isEqualTo(first.as(IssueNote.class));
        assertThat(api.get("/issues/" + issue.id() + "/notes", manager.token()).json().get("items")).hasSize(1);
        assertThat(server.audit("issue", issue.id())).filteredOn(e -> e.action().equals("note.add")).hasSize(1);
        problem(api.send("POST", "/issues/" + issue.id() + "/notes", manager.token(), new NewNote("另一条备注"), key), 422);
    }

    @Test
    void savedRepliesPerCategoryInBothLanguagesAndOnlySupervisorsAddThem() {
        JsonNode pricing = api.get("/reply-templates?category=pricing_error", manager.token()).json().get("items");
        List<String> languages = pricing.findValues("language").stream().map(JsonNode::asText).toList();
        assertThat(languages).contains("zh", "en");
        assertThat(pricing.findValues("text").stream().map(JsonNode::asText))
                .anyMatch(text -> text.startsWith("{merchant}，您好：您的商品“{title}”"));
        invalid(api.get("/reply-templates?category=BANANAS", manager.token()), "category");

        NewReplyTemplate logistics = new NewReplyTemplate(IssueCategory.LOGISTICS, "zh", "快递延误", "{merchant}，您好：快递已催促。");
        problem(api.post("/reply-templates", manager.token(), logistics), 403);
        problem(api.get("/reply-templates", feed.token()), 403);
        ApiClient.Response created = api.post("/reply-templates", supervisor.token(), logistics);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(api.get("/reply-templates?category=LOGISTICS", manager.token()).json().get("items")
                .findValues("title").stream().map(JsonNode::asText)).contains("快递延误");
        assertThat(api.get("/reply-templates?category=PRICING_ERROR", manager.token()).json().get("items")
                .findValues("title").stream().map(JsonNode::asText)).doesNotContain("快递延误");
        invalid(api.post("/reply-templates", admin.token(), new NewReplyTemplate(null, "fr", " ", "")),
                "language", "title", "text");
    }

    @Test
    void messagesPageOldestFirst() {
        String id = server.issue(merchant, Priority.P3).id();
        for (int i = 1; i <= 5; i++) {
            say(feed, id, "第 " + i + " 条");
        }
        JsonNode first = api.get("/issues/" + id + "/messages?limit=2", manager.token()).json();
        assertThat(first.get("items").findValues("text").stream().map(JsonNode::asText)).containsExactly("第 1 条", "第 2 条");
        JsonNode second = api.get("/issues/" + id + "/messages?limit=2&cursor=" + first.get("nextCursor").asText(),
                manager.token()).json();
        assertThat(second.get("items").findValues("text").stream().map(JsonNode::asText)).containsExactly("第 3 条", "第 4 条");
        invalid(api.get("/issues/" + id + "/messages?cursor=bm90LWEtY3Vyc29y", manager.token()), "cursor");
    }

    private static long lastEventId() throws Exception {
        try (var connection = server.database();
             var rows = connection.createStatement().executeQuery(
                     "select last_id from event_sequence where name = 'domain_event'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
