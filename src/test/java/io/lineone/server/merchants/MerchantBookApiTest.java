package io.lineone.server.merchants;

import static io.lineone.testing.ProblemAssert.invalid;
import static io.lineone.testing.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.AssigneeChange;
import io.lineone.api.EventTypes;
import io.lineone.api.Issue;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantMetrics;
import io.lineone.api.NewMerchant;
import io.lineone.api.NewMessage;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.testing.ApiClient;
import io.lineone.testing.Await;
import io.lineone.testing.Metrics;
import io.lineone.testing.SseReader;
import io.lineone.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The book at program scale over HTTP: merchants joining without a score, metrics from the feed and the scorecard,
 * every filter and sort of {@code GET /merchants} with its keyset cursor, the facets, each row's open issues, money
 * at risk and last contact kept current, and a reassignment that moves a merchant and its issues between two
 * managers' live streams.
 */
class MerchantBookApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final TestServer server = TestServer.onH2().heartbeat(Duration.ofMillis(100)).build();

    private static final ApiClient api = server.api();
    private static String admin;
    private static TestServer.Account feed;
    private static TestServer.Account liNa;
    private static TestServer.Account wangWei;
    private static TestServer.Account supervisor;

    @BeforeAll
    static void accounts() {
        admin = server.adminToken();
        feed = server.account(Role.SERVICE, "feed");
        liNa = server.account(Role.MANAGER, "li.na", "李娜");
        wangWei = server.account(Role.MANAGER, "wang.wei", "王伟");
        supervisor = server.account(Role.SUPERVISOR, "chen.jing", "陈静");
    }

    private static Merchant create(String name, String shop, Tier tier, String category, String region,
                                   String managerId, MerchantMetrics metrics) {
        return server.merchant(new NewMerchant(name, shop, tier, category, region, managerId, metrics));
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void aMerchantJoiningWithoutHistoryIsUnscoredUntilTheFeedSendsMetrics() throws Exception {
        Merchant joined = create("新入驻商家甲有限公司", "甲旗舰店", Tier.SME, "家居日用", "江苏", liNa.id(), null);
        assertThat(joined.metrics()).isNull();
        assertThat(joined.lighthouseScore()).isNull();
        assertThat(joined.band()).isNull();
        assertThat(joined.assignedManagerName()).isEqualTo("李娜");
        assertThat(joined.openIssues()).isZero();
        assertThat(joined.lastContactAt()).isNull();
        JsonNode card = api.get("/merchants/" + joined.id() + "/scorecard", liNa.token()).json();
        assertThat(card.get("score").isNull()).isTrue();
        assertThat(card.get("metrics")).isEmpty();
        assertThat(card.get("history")).isEmpty();

        assertThat(api.send("PATCH", "/merchants/" + joined.id() + "/metrics", liNa.token(), Metrics.at(0.9)).status())
                .as("a manager does not send metrics").isEqualTo(403);
        invalid(api.send("PATCH", "/merchants/" + joined.id() + "/metrics", feed.token(),
                new MerchantMetrics(10, 10, 10, 7, 0.01)), "dsr");
        assertThat(api.send("PATCH", "/merchants/mer_nosuchmerchant/metrics", feed.token(), Metrics.at(0.9)).status())
                .isEqualTo(404);

        try (SseReader stream = server.events(liNa.token(), null, null)) {
            ApiClient.Response scored = api.send("PATCH", "/merchants/" + joined.id() + "/metrics", feed.token(),
                    Metrics.at(0.9));
            assertThat(scored.status()).as("%s", scored).isEqualTo(200);
            Merchant after = scored.as(Merchant.class);
            assertThat(after.lighthouseScore()).isEqualTo(90);
            assertThat(after.band()).hasToString("GREEN");
            assertThat(after.version()).isEqualTo(joined.version() + 1);
            SseReader.Event event = nextOfType(stream, EventTypes.MERCHANT_UPDATED);
            assertThat(event.json().get("lighthouseScore").asInt()).isEqualTo(90);
        }
        api.send("PATCH", "/merchants/" + joined.id() + "/metrics", feed.token(), Metrics.at(0.6));

        JsonNode scorecard = api.get("/merchants/" + joined.id() + "/scorecard", liNa.token()).json();
        assertThat(scorecard.get("score").asInt()).isEqualTo(60);
        assertThat(scorecard.get("band").asText()).isEqualTo("AMBER");
        assertThat(scorecard.get("history")).extracting(p -> p.get("score").asInt()).containsExactly(90, 60);
        List<String> keys = new ArrayList<>();
        scorecard.get("metrics").forEach(m -> keys.add(m.get("key").asText()));
        assertThat(keys).containsExactly("shippingHours", "preSaleResponseSeconds", "afterSaleResponseSeconds", "dsr",
                "disputeRate");
        JsonNode afterSale = scorecard.get("metrics").get(2);
        // Metrics.at(0.6): 300 - 0.6 × 281 = 131.4 s against the 19 s target.
        assertThat(afterSale.get("value").asDouble()).isEqualTo(131.4, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(afterSale.get("target").asDouble()).isEqualTo(19);
        assertThat(afterSale.get("lowerIsBetter").asBoolean()).isTrue();
        assertThat(afterSale.get("meetsTarget").asBoolean()).isFalse();
        assertThat(afterSale.get("points").asInt()).isEqualTo(60);
        assertThat(afterSale.get("weight").asDouble()).isEqualTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(api.get("/merchants/" + joined.id() + "/scorecard", wangWei.token()).status())
                .as("another book's scorecard does not exist").isEqualTo(404);
    }

    @Test
    void filtersSortsAndPagesWithAKeysetCursor() {
        TestServer.Account own = server.account(Role.MANAGER, "zhou.fang", "周芳");
        String[][] rows = {
            {"杭州悦享食品有限公司", "悦享旗舰店", "KA", "食品生鲜", "浙江", "0.9"},
            {"义乌小鹿日用品有限公司", "小鹿专营店", "SME", "家居日用", "浙江", "0.75"},
            {"深圳云朵电子有限公司", "云朵数码专营店", "SME", "数码家电", "广东", "0.2"},
            {"成都川味坊食品有限公司", "川味坊旗舰店", "KA", "食品生鲜", "四川", "-1"},
            {"广州花城服饰有限公司", "花城女装店", "SME", "服饰鞋包", "广东", "0.6"},
            {"宁波青禾家居有限公司", "青禾家居旗舰店", "KA", "家居日用", "浙江", "-1"},
            {"苏州绣坊丝绸有限公司", "绣坊丝绸店", "SME", "服饰鞋包", "江苏", "0.6"},
        };
        List<String> ids = new ArrayList<>();
        for (String[] r : rows) {
            double share = Double.parseDouble(r[5]);
            ids.add(create(r[0], r[1], Tier.valueOf(r[2]), r[3], r[4], own.id(), share < 0 ? null : Metrics.at(share))
                    .id());
        }
        String book = "managerId=" + own.id();

        assertThat(names(book + "&band=GREEN")).containsExactly("杭州悦享食品有限公司");
        assertThat(names(book + "&scored=false")).containsExactlyInAnyOrder("成都川味坊食品有限公司", "宁波青禾家居有限公司");
        assertThat(names(book + "&scored=true")).hasSize(5);
        assertThat(names(book + "&category=" + q("服饰鞋包"))).containsExactlyInAnyOrder("广州花城服饰有限公司",
                "苏州绣坊丝绸有限公司");
        assertThat(names(book + "&region=" + q("广东") + "&tier=SME")).containsExactlyInAnyOrder("深圳云朵电子有限公司",
                "广州花城服饰有限公司");
        assertThat(names(book + "&q=" + q("旗舰店") + "&region=" + q("浙江"))).containsExactlyInAnyOrder(
                "杭州悦享食品有限公司", "宁波青禾家居有限公司");
        assertThat(names(book + "&band=AMBER&sort=score")).hasSize(2);

        // Scores 90, 75, 20, —, 60, —, 60: unscored last in both orders, ties by id in the order's direction.
        List<String> ascending = walk("/merchants?" + book + "&sort=SCORE&order=asc", 2, admin);
        assertThat(ascending.subList(0, 5)).containsExactly(ids.get(2), ids.get(4), ids.get(6), ids.get(1),
                ids.get(0));
        assertThat(ascending.subList(5, 7)).containsExactlyInAnyOrder(ids.get(3), ids.get(5));
        List<String> descending = walk("/merchants?" + book + "&sort=score&order=desc", 3, admin);
        assertThat(descending.subList(0, 5)).containsExactly(ids.get(0), ids.get(1), ids.get(6), ids.get(4),
                ids.get(2));
        assertThat(descending.subList(5, 7)).containsExactlyInAnyOrder(ids.get(3), ids.get(5));
        for (String sort : List.of("NAME", "OPEN_ISSUES", "MONEY_AT_RISK", "LAST_CONTACT")) {
            for (String order : List.of("asc", "desc")) {
                assertThat(walk("/merchants?" + book + "&sort=" + sort + "&order=" + order, 2, admin))
                        .as("%s %s", sort, order).containsExactlyInAnyOrderElementsOf(ids);
            }
        }
        assertThat(walk("/merchants?assigned=me&sort=SCORE", 3, own.token())).containsExactlyInAnyOrderElementsOf(ids);

        String cursor = api.get("/merchants?" + book + "&sort=SCORE&limit=2", admin).json().get("nextCursor").asText();
        invalid(api.get("/merchants?" + book + "&sort=NAME&limit=2&cursor=" + cursor, admin), "cursor");
        invalid(api.get("/merchants?" + book + "&sort=SCORE&order=desc&limit=2&cursor=" + cursor, admin), "cursor");
        invalid(api.get("/merchants?cursor=bm90LWEtY3Vyc29y", admin), "cursor");
        invalid(api.get("/merchants?sort=POPULARITY", admin), "sort");
        invalid(api.get("/merchants?order=sideways", admin), "order");
        invalid(api.get("/merchants?scored=maybe", admin), "scored");
        assertThat(api.get("/merchants?managerId=" + liNa.id(), own.token()).status())
                .as("a manager reads only their own book").isEqualTo(403);
        assertThat(names("managerId=" + own.id(), own.token())).hasSize(7);

        JsonNode facets = api.get("/merchants/facets?assigned=me", own.token()).json();
        assertThat(facets.get("total").asInt()).isEqualTo(7);
        assertThat(facets.get("categories")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("食品生鲜", "家居日用", "数码家电", "服饰鞋包");
        assertThat(facets.get("regions")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("浙江", "广东", "四川", "江苏");
        assertThat(api.get("/merchants/facets?assigned=all", own.token()).status()).isEqualTo(403);
        assertThat(api.get("/merchants/facets", server.account(Role.PRODUCT_OWNER).token()).status()).isEqualTo(403);
    }

    @Test
    void eachRowCarriesItsOpenIssuesMoneyAtRiskAndLastContactKeptCurrent() {
        TestServer.Account own = server.account(Role.MANAGER, "wu.lei", "吴磊");
        Merchant quiet = server.merchantOf(own);
        Merchant busy = server.merchantOf(own);
        Issue first = server.issue(admin, busy.id(), Priority.P2);
        Issue second = server.issue(admin, busy.id(), Priority.P1);
        Merchant now = merchant(busy.id(), own.token());
        assertThat(now.openIssues()).isEqualTo(2);
        assertThat(now.moneyAtRiskCents()).isEqualTo(2_500_000L);
        assertThat(now.lastContactAt()).as("the feed opening issues is no contact").isNull();

        ApiClient.Response message = api.post("/issues/" + first.id() + "/messages", feed.token(),
                new NewMessage("你好，价格是不是填错了？", null));
        assertThat(message.status()).isEqualTo(201);
        assertThat(merchant(busy.id(), own.token()).lastContactAt()).isEqualTo(message.as(JsonNode.class)
                .get("at").asText().transform(java.time.Instant::parse));

        ApiClient.Response resolved = api.send("PATCH", "/issues/" + second.id(), own.token(),
                new IssuePatch(IssueStatus.RESOLVED, "已联系商家改价", "小数点错位"),
                Map.of("If-Match", "\"" + second.version() + "\""));
        assertThat(resolved.status()).as("%s", resolved).isEqualTo(200);
        Merchant after = merchant(busy.id(), own.token());
        assertThat(after.openIssues()).isEqualTo(1);
        assertThat(after.moneyAtRiskCents()).isEqualTo(1_250_000L);
        assertThat(after.lastContactAt()).as("a manager's step").isEqualTo(resolved.as(Issue.class).updatedAt());

        List<String> byOpen = walk("/merchants?assigned=me&sort=OPEN_ISSUES&order=desc", 1, own.token());
        assertThat(byOpen).containsExactly(busy.id(), quiet.id());
        List<String> byMoney = walk("/merchants?assigned=me&sort=MONEY_AT_RISK&order=asc", 1, own.token());
        assertThat(byMoney).containsExactly(quiet.id(), busy.id());
        List<String> byContact = walk("/merchants?assigned=me&sort=LAST_CONTACT&order=asc", 1, own.token());
        assertThat(byContact).as("never contacted sorts last").containsExactly(busy.id(), quiet.id());
    }

    @Test
    void aReassignmentMovesTheMerchantAndItsIssuesLiveInBothConsoles() throws Exception {
        Merchant merchant = server.merchantOf(liNa);
        Issue open = server.issue(admin, merchant.id(), Priority.P1);
        long before = lastEventId();
        try (SseReader oldStream = server.events(liNa.token(), null, null);
             SseReader newStream = server.events(wangWei.token(), null, null)) {
            ApiClient.Response moved = api.put("/merchants/" + merchant.id() + "/assignee", supervisor.token(),
                    new AssigneeChange(wangWei.id()));
            assertThat(moved.status()).as("%s", moved).isEqualTo(200);
            assertThat(moved.as(Merchant.class).assignedManagerName()).isEqualTo("王伟");

            SseReader.Event toOld = nextOfType(oldStream, EventTypes.MERCHANT_UPDATED);
            SseReader.Event toNew = nextOfType(newStream, EventTypes.MERCHANT_UPDATED);
            assertThat(toOld.json().get("id").asText()).isEqualTo(merchant.id());
            assertThat(toOld.json().get("assignedManagerId").asText()).isEqualTo(wangWei.id());
            assertThat(toNew.json().get("assignedManagerId").asText()).isEqualTo(wangWei.id());
        }
        // At once: the issue is the new manager's and does not exist for the previous one.
        assertThat(api.get("/issues/" + open.id(), wangWei.token()).status()).isEqualTo(200);
        assertThat(api.get("/issues/" + open.id(), liNa.token()).status()).isEqualTo(404);
        assertThat(api.get("/merchants/" + merchant.id(), liNa.token()).status()).isEqualTo(404);
        assertThat(server.openIssuesOf("wang.wei")).extracting(Issue::id).contains(open.id());
        assertThat(server.openIssuesOf("li.na")).extracting(Issue::id).doesNotContain(open.id());

        // Replayed after the move's start, each console hears of it too.
        assertThat(replayedMerchantEvents(liNa, before)).containsExactly(merchant.id());
        assertThat(replayedMerchantEvents(wangWei, before)).contains(merchant.id());
        problem(api.put("/merchants/" + merchant.id() + "/assignee", liNa.token(), new AssigneeChange(liNa.id())), 403);
    }

    @Test
    void theTimelineTellsTheMerchantsStoryNewestFirstPageByPage() {
        Merchant merchant = server.merchantOf(liNa);
        server.clock().advance(Duration.ofSeconds(1));
        Issue issue = server.issue(admin, merchant.id(), Priority.P2);
        server.clock().advance(Duration.ofSeconds(1));
        assertThat(api.post("/issues/" + issue.id() + "/messages", feed.token(),
                new NewMessage("价格填错了，请帮忙下架", null)).status()).isEqualTo(201);
        server.clock().advance(Duration.ofSeconds(1));
        assertThat(api.post("/issues/" + issue.id() + "/notes", liNa.token(),
                new io.lineone.api.NewNote("商家确认是小数点错位")).status()).isEqualTo(201);
        server.clock().advance(Duration.ofSeconds(1));
        Issue current = server.issueById(issue.id());
        assertThat(api.send("PATCH", "/issues/" + issue.id(), liNa.token(),
                new IssuePatch(IssueStatus.RESOLVED, null, "小数点错位"),
                Map.of("If-Match", "\"" + current.version() + "\"")).status()).isEqualTo(200);
        server.clock().advance(Duration.ofSeconds(1));
        api.send("PATCH", "/merchants/" + merchant.id() + "/metrics", feed.token(), Metrics.at(0.5));
        server.clock().advance(Duration.ofSeconds(1));
        assertThat(api.put("/merchants/" + merchant.id() + "/assignee", supervisor.token(),
                new AssigneeChange(wangWei.id())).status()).isEqualTo(200);

        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/merchants/" + merchant.id() + "/timeline?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), supervisor.token()).json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            page.get("items").forEach(entries::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(entries).extracting(e -> e.get("kind").asText()).containsExactly("REASSIGNED", "SCORE_CHANGED",
                "ISSUE_RESOLVED", "NOTE", "MESSAGE", "ISSUE_OPENED", "SCORE_CHANGED");
        assertThat(entries.get(0).get("title").asText()).isEqualTo("王伟");
        assertThat(entries.get(0).get("actorName").asText()).isEqualTo("陈静");
        assertThat(entries.get(1).get("title").asText()).isEqualTo("50");
        assertThat(entries.get(2).get("actorName").asText()).isEqualTo("李娜");
        assertThat(entries.get(2).get("refId").asText()).isEqualTo(issue.id());
        assertThat(entries.get(4).get("title").asText()).isEqualTo("价格填错了，请帮忙下架");

        JsonNode forFeed = api.get("/merchants/" + merchant.id() + "/timeline?limit=50", feed.token()).json();
        assertThat(forFeed.get("items")).extracting(e -> e.get("kind").asText()).doesNotContain("NOTE").hasSize(6);
        assertThat(api.get("/merchants/" + merchant.id() + "/timeline", liNa.token()).status())
                .as("moved away from her book").isEqualTo(404);
        invalid(api.get("/merchants/" + merchant.id() + "/timeline?cursor=eA", supervisor.token()), "cursor");
    }

    private static long lastEventId() throws Exception {
        try (var db = server.database();
             var select = db.prepareStatement("select coalesce(max(id), 0) from domain_event");
             var rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> replayedMerchantEvents(TestServer.Account account, long after) throws Exception {
        List<String> merchants = new ArrayList<>();
        try (SseReader stream = server.events(account.token(), after, null)) {
            Await.until(WAIT, () -> stream.comments() >= 2, "the replay and a heartbeat after it");
            for (SseReader.Event event : stream.drain()) {
                if (event.type().equals(EventTypes.MERCHANT_UPDATED)) {
                    merchants.add(event.json().get("id").asText());
                }
            }
        }
        return merchants;
    }

    private static SseReader.Event nextOfType(SseReader stream, String type) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            SseReader.Event event = stream.next(WAIT);
            assertThat(event).as("an event of type %s", type).isNotNull();
            if (event.type().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static Merchant merchant(String id, String token) {
        ApiClient.Response read = api.get("/merchants/" + id, token);
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        return read.as(Merchant.class);
    }

    private static List<String> names(String query) {
        return names(query, admin);
    }

    private static List<String> names(String query, String token) {
        ApiClient.Response page = api.get("/merchants?limit=500&" + query, token);
        assertThat(page.status()).as("%s → %s", query, page).isEqualTo(200);
        List<String> names = new ArrayList<>();
        page.json().get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    /** Follows {@code nextCursor} to the end; fails on a repeated id or a page over the limit. */
    private static List<String> walk(String path, int limit, String token) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            ApiClient.Response page = api.get(path + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor),
                    token);
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            JsonNode body = page.json();
            assertThat(body.get("items").size()).isLessThanOrEqualTo(limit);
            body.get("items").forEach(item -> ids.add(item.get("id").asText()));
            if (body.get("nextCursor").isNull()) {
                assertThat(new HashSet<>(ids)).as("no duplicates").hasSameSizeAs(ids);
                return ids;
            }
            cursor = body.get("nextCursor").asText();
        }
        throw new AssertionError("paging never ended");
    }
}
