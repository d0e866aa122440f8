package io.lineone.server.insights;

import static io.lineone.testing.ProblemAssert.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.BellSeverity;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Merchant;
import io.lineone.api.NewBell;
import io.lineone.api.NewIssue;
import io.lineone.api.NewRelease;
import io.lineone.api.Priority;
import io.lineone.api.ReleaseAdvance;
import io.lineone.api.ReleaseStage;
import io.lineone.api.Role;
import io.lineone.testing.ApiClient;
import io.lineone.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each insight proven number by number on seeded issues, each test in its own stretch of time: categories by day
 * and hour with zeros kept, first responses against the 19 s mark, a root cause shared by three merchants that makes
 * a cluster, a spike after a release's start that makes a suggested bell — and a manager who never sees another
 * book's issues in any of them. Tokens expire 12 h after the test clock's start, so every stretch lies before it.
 */
class InsightsApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.onH2().build();

    private static final ApiClient api = server.api();
    private static String admin;
    private static TestServer.Account liNa;
    private static TestServer.Account wangWei;
    private static TestServer.Account supervisor;
    private static TestServer.Account owner;
    private static final List<Merchant> A = new ArrayList<>();
    private static final List<Merchant> B = new ArrayList<>();

    @BeforeAll
    static void books() {
        admin = server.adminToken();
        liNa = server.account(Role.MANAGER, "li.na", "李娜");
        wangWei = server.account(Role.MANAGER, "wang.wei", "王伟");
        supervisor = server.account(Role.SUPERVISOR, "chen.jing", "陈静");
        owner = server.account(Role.PRODUCT_OWNER, "zhao.lei", "赵磊");
        for (int i = 0; i < 4; i++) {
            A.add(server.merchantOf(liNa));
        }
        for (int i = 0; i < 2; i++) {
            B.add(server.merchantOf(wangWei));
        }
    }

    private static Issue open(Instant at, Merchant merchant, IssueCategory category, long money) {
        server.clock().set(at);
        return server.issue(admin, new NewIssue(merchant.id(), category, null, Priority.P2, "洞察测试 " + category,
                null, null, null, money));
    }

    private static Issue step(Instant at, Issue issue, IssuePatch patch) {
        server.clock().set(at);
        return server.patch(issue.id(), patch);
    }

    private static JsonNode get(String path, TestServer.Account who) {
        ApiClient.Response response = api.get(path, who.token());
        assertThat(response.status()).as("%s → %s", path, response).isEqualTo(200);
        return response.json();
    }

    @Test
    void categoriesCountEveryBucketOfTheWindowWithZerosKept() {
        Instant t = Instant.parse("2026-10-20T00:00:00Z");
        Issue pricing = open(t.plus(Duration.ofMinutes(60)), A.get(0), IssueCategory.PRICING_ERROR, 100);
        Issue coupon = open(t.plus(Duration.ofMinutes(90)), A.get(1), IssueCategory.COUPON_OVERSPEND, 100);
        open(t.plus(Duration.ofMinutes(100)), A.get(1), IssueCategory.COUPON_OVERSPEND, 100);
        Issue logistics = open(t.plus(Duration.ofHours(25)), B.get(0), IssueCategory.LOGISTICS, 100);
        step(t.plus(Duration.ofHours(26)), pricing, new IssuePatch(null, null, "小数点错位"));
        step(t.plus(Duration.ofHours(26)), coupon, new IssuePatch(null, null, "满减叠加"));
        step(t.plus(Duration.ofHours(26)), logistics, new IssuePatch(null, null, "快递停运"));
        String window = "from=2026-10-20T00:00:00Z&to=2026-10-22T00:00:00Z";

        JsonNode all = get("/insights/categories?" + window, supervisor);
        assertThat(all.get("bucket").asText()).isEqualTo("day");
        assertThat(all.get("buckets")).hasSize(2);
        assertThat(all.at("/buckets/0/start").asText()).isEqualTo("2026-10-20T00:00:00Z");
        assertThat(all.at("/buckets/0/counts/PRICING_ERROR").asInt()).isEqualTo(1);
        assertThat(all.at("/buckets/0/counts/COUPON_OVERSPEND").asInt()).isEqualTo(2);
        assertThat(all.at("/buckets/0/counts/LOGISTICS").asInt()).isZero();
        assertThat(all.at("/buckets/1/counts/LOGISTICS").asInt()).isEqualTo(1);
        assertThat(all.at("/buckets/1/counts")).as("every category, zeros kept").hasSize(IssueCategory.values().length);
        List<String> causes = new ArrayList<>();
        all.get("rootCauses").forEach(c -> causes.add(c.get("rootCause").asText() + "/" + c.get("count").asInt()));
        assertThat(causes).containsExactlyInAnyOrder("小数点错位/1", "满减叠加/1", "快递停运/1");

        JsonNode mine = get("/insights/categories?" + window, liNa);
        assertThat(mine.at("/buckets/1/counts/LOGISTICS").asInt()).as("another book's issue").isZero();
        assertThat(mine.get("rootCauses")).extracting(c -> c.get("rootCause").asText()).doesNotContain("快递停运");
        JsonNode theirs = get("/insights/categories?" + window, wangWei);
        assertThat(theirs.at("/buckets/0/counts/COUPON_OVERSPEND").asInt()).isZero();

        JsonNode hourly = get("/insights/categories?from=2026-10-20T00:30:00Z&to=2026-10-20T03:00:00Z&bucket=hour",
                supervisor);
        assertThat(hourly.get("buckets")).extracting(b -> b.get("start").asText()).containsExactly(
                "2026-10-20T00:00:00Z", "2026-10-20T01:00:00Z", "2026-10-20T02:00:00Z");
        assertThat(hourly.at("/buckets/0/counts/PRICING_ERROR").asInt()).isZero();
        assertThat(hourly.at("/buckets/1/counts/PRICING_ERROR").asInt()).isEqualTo(1);
        assertThat(hourly.at("/buckets/1/counts/COUPON_OVERSPEND").asInt()).isEqualTo(2);
        assertThat(hourly.at("/buckets/2/counts/COUPON_OVERSPEND").asInt()).isZero();
    }

    @Test
    void firstResponsesAreMeasuredAgainstThe19SecondMark() {
        Instant t = Instant.parse("2026-10-25T00:00:00Z");
        long[] seconds = {5, 12, 18, 25, 700};
        for (int i = 0; i < seconds.length; i++) {
            Instant at = t.plus(Duration.ofHours(i));
            Issue issue = open(at, A.get(i % 4), IssueCategory.AFTER_SALES, 0);
            step(at.plusSeconds(seconds[i]), issue, new IssuePatch(IssueStatus.ACKNOWLEDGED, null, null));
        }
        Issue theirs = open(t.plus(Duration.ofHours(6)), B.get(0), IssueCategory.AFTER_SALES, 0);
        step(t.plus(Duration.ofHours(6)).plusSeconds(3), theirs, new IssuePatch(IssueStatus.ACKNOWLEDGED, null, null));
        open(t.plus(Duration.ofHours(7)), A.get(0), IssueCategory.AFTER_SALES, 0);
        String window = "from=2026-10-25T00:00:00Z&to=2026-10-26T00:00:00Z";

        JsonNode mine = get("/insights/first-response?" + window, liNa);
        assertThat(mine.get("count").asInt()).as("the unanswered one is left out").isEqualTo(5);
        assertThat(mine.get("shareUnder19s").asDouble()).isEqualTo(0.6, Offset.offset(1e-9));
        assertThat(mine.get("medianMillis").asLong()).isEqualTo(18_000);
        assertThat(mine.get("p90Millis").asLong()).isEqualTo(700_000);
        assertThat(histogram(mine)).containsExactly("0-5:0", "5-10:1", "10-19:2", "19-30:1", "30-60:0", "60-120:0",
                "120-300:0", "300-600:0", "600-:1");

        JsonNode all = get("/insights/first-response?" + window, supervisor);
        assertThat(all.get("count").asInt()).isEqualTo(6);
        assertThat(all.get("shareUnder19s").asDouble()).isEqualTo(4 / 6.0, Offset.offset(1e-9));
        assertThat(histogram(all).get(0)).isEqualTo("0-5:1");
        assertThat(get("/insights/first-response?" + window, wangWei).get("count").asInt()).isEqualTo(1);
    }

    private static List<String> histogram(JsonNode insights) {
        List<String> buckets = new ArrayList<>();
        insights.get("histogram").forEach(b -> buckets.add(b.get("fromSeconds").asInt() + "-"
                + (b.get("toSeconds").isNull() ? "" : b.get("toSeconds").asText()) + ":" + b.get("count").asInt()));
        return buckets;
    }

    @Test
    void aRootCauseSharedByThreeMerchantsIsACluster() {
        Instant t = Instant.parse("2026-10-01T00:00:00Z");
        List<String> shared = new ArrayList<>();
        int minute = 0;
        for (Merchant merchant : List.of(A.get(0), A.get(1), B.get(0))) {
            Issue issue = open(t.plus(Duration.ofMinutes(++minute)), merchant, IssueCategory.COUPON_OVERSPEND, 10_000);
            shared.add(step(t.plus(Duration.ofMinutes(30)), issue, new IssuePatch(null, null, "满减叠加漏洞")).id());
        }
        Issue again = open(t.plus(Duration.ofMinutes(5)), A.get(0), IssueCategory.PRICING_ERROR, 5_000);
        shared.add(step(t.plus(Duration.ofMinutes(31)), again, new IssuePatch(null, null, "满减叠加漏洞")).id());
        List<String> own = new ArrayList<>();
        for (Merchant merchant : List.of(A.get(1), A.get(2), A.get(3))) {
            Issue issue = open(t.plus(Duration.ofMinutes(++minute)), merchant, IssueCategory.LOGISTICS, 1_000);
            own.add(step(t.plus(Duration.ofMinutes(40)), issue, new IssuePatch(null, null, "快递网点停运")).id());
        }
        for (Merchant merchant : List.of(A.get(2), A.get(3))) {
            Issue issue = open(t.plus(Duration.ofMinutes(++minute)), merchant, IssueCategory.OTHER, 1_000);
            step(t.plus(Duration.ofMinutes(50)), issue, new IssuePatch(null, null, "个别商家"));
        }
        String window = "from=2026-10-01T00:00:00Z&to=2026-10-02T00:00:00Z";

        JsonNode all = get("/insights/clusters?" + window, supervisor).get("items");
        assertThat(all).extracting(c -> c.get("key").asText()).containsExactly("rootCause:满减叠加漏洞",
                "rootCause:快递网点停运");
        JsonNode coupon = all.get(0);
        assertThat(coupon.get("kind").asText()).isEqualTo("ROOT_CAUSE");
        assertThat(coupon.get("merchants").asInt()).isEqualTo(3);
        assertThat(coupon.get("issues").asInt()).isEqualTo(4);
        assertThat(coupon.get("moneyAtRiskCents").asLong()).isEqualTo(35_000);
        assertThat(coupon.get("category").asText()).isEqualTo("COUPON_OVERSPEND");
        assertThat(coupon.get("firstAt").asText()).isEqualTo("2026-10-01T00:01:00Z");
        assertThat(coupon.get("lastAt").asText()).isEqualTo("2026-10-01T00:05:00Z");
        assertThat(coupon.get("issueIds")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(shared);

        JsonNode mine = get("/insights/clusters?" + window, liNa).get("items");
        assertThat(mine).as("two of li.na's merchants share 满减叠加漏洞: no cluster for her")
                .extracting(c -> c.get("key").asText()).containsExactly("rootCause:快递网点停运");
        assertThat(mine.get(0).get("issueIds")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(own);
        assertThat(get("/insights/clusters?" + window, wangWei).get("items")).isEmpty();

        JsonNode first = get("/insights/clusters?limit=1&" + window, supervisor);
        assertThat(first.get("items")).hasSize(1);
        JsonNode second = get("/insights/clusters?limit=1&" + window + "&cursor=" + first.get("nextCursor").asText(),
                supervisor);
        assertThat(second.at("/items/0/key").asText()).isEqualTo("rootCause:快递网点停运");
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void aSpikeAfterAReleaseStartsIsASuggestedBellUntilABellIsPulled() {
        Instant start = Instant.parse("2026-09-10T00:00:00Z");
        server.clock().set(start.minus(Duration.ofDays(10)));
        String logistics = release("物流", "发货时效预估");
        String pricing = release("价格规则", "价格保护规则");
        open(start.minus(Duration.ofDays(3)), A.get(3), IssueCategory.LOGISTICS, 1_000);
        open(start.minus(Duration.ofDays(2)), A.get(3), IssueCategory.PRICING_ERROR, 1_000);
        server.clock().set(start);
        advance(logistics);
        advance(pricing);
        List<String> aIssues = new ArrayList<>();
        Set<String> all = new HashSet<>();
        int minute = 0;
        for (Merchant merchant : List.of(A.get(0), A.get(1), A.get(2), B.get(0), B.get(1))) {
            Issue issue = open(start.plus(Duration.ofMinutes(10 * ++minute)), merchant, IssueCategory.LOGISTICS,
                    100_000L * minute);
            all.add(issue.id());
            if (A.contains(merchant)) {
                aIssues.add(issue.id());
            }
        }
        open(start.plus(Duration.ofMinutes(70)), A.get(3), IssueCategory.PRICING_ERROR, 1_000);
        server.clock().set(start.plus(Duration.ofHours(2)));

        JsonNode suggestions = get("/insights/suggested-bells", supervisor).get("items");
        assertThat(suggestions).extracting(s -> s.get("releaseId").asText()).containsExactly(logistics);
        JsonNode bell = suggestions.get(0);
        assertThat(bell.get("releaseName").asText()).isEqualTo("发货时效预估");
        assertThat(bell.get("productArea").asText()).isEqualTo("物流");
        assertThat(bell.get("rolloutStartedAt").asText()).isEqualTo("2026-09-10T00:00:00Z");
        assertThat(bell.get("issuesAfter").asInt()).isEqualTo(5);
        assertThat(bell.get("merchants").asInt()).isEqualTo(5);
        assertThat(bell.get("moneyAtRiskCents").asLong()).isEqualTo(1_500_000L);
        assertThat(bell.get("afterPerHour").asDouble()).isEqualTo(2.5, Offset.offset(1e-9));
        assertThat(bell.get("baselinePerHour").asDouble()).isEqualTo(1 / 168.0, Offset.offset(1e-3));
        assertThat(bell.get("ratio").asDouble()).isEqualTo(420, Offset.offset(0.5));
        assertThat(bell.get("evidenceIssueIds")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(all);
        assertThat(bell.at("/evidenceIssueIds/0").asText()).as("the costliest first").isNotIn(aIssues);

        JsonNode mine = get("/insights/suggested-bells", liNa).get("items");
        assertThat(mine).hasSize(1);
        assertThat(mine.at("/0/issuesAfter").asInt()).isEqualTo(3);
        assertThat(mine.at("/0/evidenceIssueIds")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(aIssues);
        assertThat(get("/insights/suggested-bells", wangWei).get("items")).as("two issues are no evidence").isEmpty();

        ApiClient.Response pulled = api.send("POST", "/releases/" + logistics + "/bells", liNa.token(),
                new NewBell("发货时效预估上线后多家商家的物流投诉骤增，需要暂停放量排查。", BellSeverity.MAJOR, aIssues),
                Map.of("Idempotency-Key", "insights-test-bell"));
        assertThat(pulled.status()).as("%s", pulled).isEqualTo(201);
        assertThat(get("/insights/suggested-bells", supervisor).get("items")).as("a bell is open on it").isEmpty();
    }

    private static String release(String area, String name) {
        ApiClient.Response created = api.post("/releases", admin, new NewRelease(area, name, "1.0.0", owner.id()));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static void advance(String releaseId) {
        ApiClient.Response moved = api.post("/releases/" + releaseId + "/advance", owner.token(),
                new ReleaseAdvance(ReleaseStage.ROLLING_OUT, 100));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
    }

    @Test
    void onlyManagersSupervisorsAndAdminsAskAndWindowsAreChecked() {
        for (String path : List.of("/insights/categories", "/insights/first-response", "/insights/clusters",
                "/insights/suggested-bells")) {
            assertThat(api.get(path, owner.token()).status()).as(path).isEqualTo(403);
            assertThat(api.get(path, server.account(Role.SERVICE).token()).status()).as(path).isEqualTo(403);
            assertThat(api.get(path, admin).status()).as(path).isEqualTo(200);
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
        }
        invalid(api.get("/insights/categories?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z", admin), "to");
        invalid(api.get("/insights/first-response?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", admin), "from");
        invalid(api.get("/insights/categories?bucket=week", admin), "bucket");
        invalid(api.get("/insights/clusters?from=yesterday", admin), "from");
        invalid(api.get("/insights/clusters?cursor=bm9wZQ", admin), "cursor");
        JsonNode defaults = get("/insights/categories", supervisor);
        assertThat(Duration.between(Instant.parse(defaults.get("from").asText()),
                Instant.parse(defaults.get("to").asText()))).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.get("buckets").size()).isBetween(7, 8);
    }
}
