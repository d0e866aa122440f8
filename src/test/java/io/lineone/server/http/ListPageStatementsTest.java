package io.lineone.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.BellSeverity;
import io.lineone.api.FixKind;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssuePatch;
import io.lineone.api.ListingPatch;
import io.lineone.api.NewBell;
import io.lineone.api.NewCoupon;
import io.lineone.api.NewFix;
import io.lineone.api.NewIssue;
import io.lineone.api.NewListing;
import io.lineone.api.NewMessage;
import io.lineone.api.NewNote;
import io.lineone.api.NewRelease;
import io.lineone.api.Priority;
import io.lineone.api.WeightUnit;
import io.lineone.server.sim.DemoWorkspace;
import io.lineone.testing.ApiClient;
import io.lineone.testing.TestServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No N+1 on a list endpoint: one page of 50 costs the same few SQL statements as a page of 5 (counted by H2's own
 * query statistics over the request, on the demo workspace). Adding a list route is one line in {@link #pages()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPageStatementsTest {

    /** Authentication, the page's rows, and what the rows need besides, read once per page. */
    private static final int MOST_STATEMENTS = 8;

    @RegisterExtension
    static final TestServer server = TestServer.onH2().configure(config -> config.demo(true, false)).build();

    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();

    /** {path with {merchant}, {issue} or {listing} in it, who asks}. */
    Stream<Arguments> pages() {
        return Stream.of(
                page("/merchants", "li.na"),
                page("/merchants", "chen.jing"),
                page("/issues", "li.na"),
                page("/issues", "chen.jing"),
                page("/bells", "li.na"),
                page("/releases", "zhao.lei"),
                page("/fixes", "chen.jing"),
                page("/ledger", "chen.jing"),
                page("/merchants/{merchant}/listings", "li.na"),
                page("/merchants/{merchant}/coupons", "li.na"),
                page("/listings/{listing}/prices", "li.na"),
                page("/listings/{listing}/coupons", "li.na"),
                page("/issues/{issue}/messages", "li.na"),
                page("/issues/{issue}/notes", "li.na"),
                page("/issues/{issue}/history", "li.na"),
                page("/outbox", "feed"),
                page("/reply-templates", "li.na"),
                page("/users", "admin"),
                page("/team/load", "chen.jing"),
                page("/team/managers", "chen.jing"));
    }

    private static Arguments page(String path, String login) {
        return Arguments.of(path, login);
    }

    @BeforeAll
    void seed() throws SQLException {
        for (String login : new String[] {"li.na", "chen.jing", "zhao.lei", "feed"}) {
            tokens.put(login, server.signIn(login, DemoWorkspace.PASSWORD));
        }
        tokens.put("admin", server.adminToken());
        ApiClient api = server.api();
        String liNa = tokens.get("li.na");
        JsonNode listing = api.get("/merchants?limit=500", liNa).json().get("items").findValues("id").stream()
                .map(merchant -> api.get("/merchants/" + merchant.asText() + "/listings?limit=1", liNa).json())
                .filter(page -> !page.get("items").isEmpty()).findFirst().orElseThrow().get("items").get(0);
        ids.put("merchant", listing.get("merchantId").asText());
        ids.put("listing", listing.get("id").asText());
        // An issue with a conversation and notes longer than a small page.
        String issue = api.get("/issues?limit=1", liNa).json().get("items").get(0).get("id").asText();
        ids.put("issue", issue);
        for (int i = 0; i < 12; i++) {
            assertThat(api.post("/issues/" + issue + "/messages", tokens.get("feed"), new NewMessage("商家追问第" + i + "次", null))
                    .status()).isEqualTo(201);
            assertThat(api.post("/issues/" + issue + "/messages", liNa, new NewMessage("已收到，第" + i + "次答复", null))
                    .status()).isEqualTo(201);
            assertThat(api.post("/issues/" + issue + "/notes", liNa, new NewNote("内部备注 " + i)).status()).isEqualTo(201);
        }
        seedMore(api, liNa, issue);
        try (Connection db = server.database(); Statement set = db.createStatement()) {
            set.execute("set query_statistics_max_entries 100000");
            set.execute("set query_statistics true");
        }
    }

    /** More rows than a small page where the demo has few: issues, listings, prices, coupons, fixes, history, bells. */
    private void seedMore(ApiClient api, String liNa, String issue) {
        String merchant = ids.get("merchant");
        String listing = ids.get("listing");
        String feed = tokens.get("feed");
        for (int i = 0; i < 12; i++) {
            created(api.post("/issues", liNa, new NewIssue(merchant, IssueCategory.LOGISTICS, null, Priority.P3,
                    "物流延迟 " + i, "买家催发货", null, null, 1_000L)));
            ApiClient.Response added = api.post("/merchants/" + merchant + "/listings", feed, new NewListing(
                    "压测商品 " + i, "粮油", 5_000, 5_000L, 2_000L, new BigDecimal("500"), WeightUnit.G, 20.0));
            created(added);
            // Its price slips a decimal point and a supervisor delists it: a fix, and a row of the ledger.
            String slipped = added.json().get("id").asText();
            ApiClient.Response patched = api.send("PATCH", "/listings/" + slipped, feed,
                    new ListingPatch(500L, null, null, null, null, null, null, null));
            assertThat(patched.status()).as("%s", patched).isEqualTo(200);
            created(api.send("POST", "/fixes", tokens.get("chen.jing"), new NewFix(FixKind.DELIST_LISTING, slipped, null,
                    patched.json().get("version").asLong()), Map.of("Idempotency-Key", "fix-" + slipped)));
            created(api.post("/merchants/" + merchant + "/coupons", feed,
                    new NewCoupon(List.of(listing), 100L, null, true, 10_000L, 0L, false)));
            assertThat(api.send("PATCH", "/listings/" + listing, feed, new ListingPatch(8_000L + i, null, null, null,
                    null, null, null, null)).status()).isEqualTo(200);
            server.patch(issue, new IssuePatch(null, "备注 " + i, null));
        }
        String owner = api.get("/me", tokens.get("zhao.lei")).json().get("id").asText();
        for (int i = 0; i < 8; i++) {
            ApiClient.Response release = api.post("/releases", server.adminToken(),
                    new NewRelease("交易", "压测发布 " + i, "9." + i, owner));
            created(release);
            created(api.post("/releases/" + release.json().get("id").asText() + "/bells", liNa, new NewBell(
                    "发布后商家批量反馈优惠券叠加计算错误，影响结算金额 " + i, BellSeverity.MAJOR, List.of(issue))));
        }
    }

    private static void created(ApiClient.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("pages")
    void aPageOf50CostsAFewStatementsAndNoMoreThanAPageOf5(String template, String login) throws SQLException {
        String path = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        Count small = count(path + (path.contains("?") ? "&" : "?") + "limit=5", tokens.get(login));
        Count page = count(path + (path.contains("?") ? "&" : "?") + "limit=50", tokens.get(login));

        assertThat(page.statements()).as("statements for a page of %d items of %s", page.items(), path)
                .isBetween(1L, (long) MOST_STATEMENTS);
        if (page.items() > small.items()) {
            assertThat(page.statements()).as("a page of %d items of %s against one of %d", page.items(), path,
                    small.items()).isLessThanOrEqualTo(small.statements());
        }
    }

    private record Count(int items, long statements) {
    }

    /**
     * Statements the request ran, the fewest of three tries: a background job of the server (the event hub looking
     * for other backends' events, the bell clock) may run one now and then, never three times in the same place.
     */
    private Count count(String path, String token) throws SQLException {
        long fewest = Long.MAX_VALUE;
        int items = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = executed();
            ApiClient.Response response = server.api().get(path, token);
            long statements = executed() - before;
            assertThat(response.status()).as("%s: %s", path, response).isEqualTo(200);
            JsonNode body = response.json();
            items = body.isArray() ? body.size() : body.has("items") ? body.get("items").size() : 1;
            fewest = Math.min(fewest, statements);
        }
        return new Count(items, fewest);
    }

    /** Every statement executed so far, but for the ones reading these statistics. */
    private static long executed() throws SQLException {
        try (Connection db = server.database(); Statement select = db.createStatement();
             ResultSet rows = select.executeQuery("select coalesce(sum(execution_count), 0) from information_schema.query_statistics"
                     + " where lower(sql_statement) not like '%query_statistics%'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
