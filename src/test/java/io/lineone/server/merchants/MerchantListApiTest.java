package io.lineone.server.merchants;

import static io.lineone.testing.ProblemAssert.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.testing.ApiClient;
import io.lineone.testing.Metrics;
import io.lineone.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Search, filters and paging of {@code GET /merchants} (and paging of {@code GET /users}). */
class MerchantListApiTest {

    private static final String INJECTION = "x'; drop table merchant; --";

    @RegisterExtension
    static final TestServer server = TestServer.onH2().build();

    private static final ApiClient api = server.api();
    private static String admin;
    private static TestServer.Account manager;
    private static final Map<String, String> IDS = new HashMap<>();

    @BeforeAll
    static void start() {
        admin = server.adminToken();
        manager = server.account(Role.MANAGER, "li.na");
        add("杭州悦享食品有限公司", "悦享旗舰店", Tier.KA, 0.9, manager.id());
        add("义乌小鹿日用品有限公司", "小鹿专营店", Tier.SME, 0.75, manager.id());
        add("100% Cotton Co", "纯棉官方店", Tier.SME, 0.6, manager.id());
        add("1000 Cotton Co", "棉花店", Tier.SME, 0.2, null);
        add("snake_case Ltd", "Snake Shop", Tier.KA, 0.2, null);
        add("snakeXcase Ltd", "Other Shop", Tier.SME, 0.9, null);
        add(INJECTION, "Robert'); DROP TABLE app_user;-- 的店", Tier.SME, 0.6, null);
        for (int i = 0; i < 30; i++) {
            add(String.format("Filler %02d 有限公司", i), "Filler Shop", i % 3 == 0 ? Tier.KA : Tier.SME,
                    i % 2 == 0 ? 0.9 : 0.2, i < 12 ? manager.id() : null);
        }
    }

    private static void add(String name, String shop, Tier tier, double share, String managerId) {
        IDS.put(name, server.merchant(name, shop, tier, managerId, Metrics.at(share)).id());
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
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

    @Test
    void searchesNameAndShopNameIncludingChinese() {
        assertThat(names("q=" + q("悦享"))).containsExactly("杭州悦享食品有限公司");
        assertThat(names("q=" + q("专营店"))).containsExactly("义乌小鹿日用品有限公司");
        assertThat(names("q=" + q("旗舰店"))).containsExactly("杭州悦享食品有限公司");
        assertThat(names("q=" + q("COTTON co"))).containsExactlyInAnyOrder("100% Cotton Co", "1000 Cotton Co");
        assertThat(names("q=" + q("没有这个商家"))).isEmpty();
        assertThat(names("q=" + q("有限公司") + "&assigned=all")).hasSize(32);
        assertThat(names("q=" + q("有限公司"), manager.token())).as("a manager searches their own book")
                .hasSize(14).contains("杭州悦享食品有限公司").doesNotContain("Filler 12 有限公司");
    }

    @Test
    void wildcardsAndInjectionStringsAreSearchedLiterally() {
        assertThat(names("q=" + q("100%"))).containsExactly("100% Cotton Co");
        assertThat(names("q=" + q("%"))).containsExactly("100% Cotton Co");
        assertThat(names("q=" + q("snake_case"))).containsExactly("snake_case Ltd");
        assertThat(names("q=" + q("_"))).as("the shop name of the injection has app_user")
                .containsExactlyInAnyOrder("snake_case Ltd", INJECTION);
        assertThat(names("q=" + q(INJECTION))).containsExactly(INJECTION);
        assertThat(names("q=" + q("' or '1'='1"))).isEmpty();
        assertThat(names("q=" + q("DROP TABLE app_user"))).containsExactly(INJECTION);

        JsonNode stored = api.get("/merchants/" + IDS.get(INJECTION), admin).json();
        assertThat(stored.get("name").asText()).isEqualTo(INJECTION);
        assertThat(stored.get("shopName").asText()).isEqualTo("Robert'); DROP TABLE app_user;-- 的店");
        assertThat(api.get("/users", admin).status()).as("the tables are all still there").isEqualTo(200);
        assertThat(names("")).hasSize(37);
    }

    @Test
    void filtersByTierAndBand() {
        assertThat(names("tier=KA")).contains("杭州悦享食品有限公司", "snake_case Ltd").hasSize(12);
        assertThat(names("tier=ka")).as("query enums ignore case").hasSize(12);
        assertThat(names("band=GREEN")).contains("杭州悦享食品有限公司", "snakeXcase Ltd").hasSize(17);
        assertThat(names("band=BLUE")).containsExactly("义乌小鹿日用品有限公司");
        assertThat(names("band=AMBER")).containsExactlyInAnyOrder("100% Cotton Co", INJECTION);
        assertThat(names("band=RED&tier=KA")).contains("snake_case Ltd").hasSize(6);
        assertThat(names("band=GREEN&tier=SME&q=" + q("snake"))).containsExactly("snakeXcase Ltd");
        assertThat(names("band=GREEN&tier=KA", manager.token()))
                .containsExactlyInAnyOrder("杭州悦享食品有限公司", "Filler 00 有限公司", "Filler 06 有限公司");
    }

    @Test
    void pagingWalksEveryMerchantOnceAndEndsWithANullCursor() {
        for (int limit : new int[] {1, 5, 36, 37, 38, 500}) {
            assertThat(walk("/merchants?assigned=all", limit, admin)).as("limit %d", limit)
                    .containsExactlyInAnyOrderElementsOf(IDS.values());
        }
        assertThat(walk("/merchants?q=" + q("Filler"), 4, manager.token())).hasSize(12);
        assertThat(walk("/users", 2, admin)).hasSize(2);
    }

    @Test
    void aFullLastPageHasNoCursorToAnEmptyPage() {
        List<String> all = walk("/merchants?band=BLUE", 1, admin);
        assertThat(all).hasSize(1);
        ApiClient.Response exact = api.get("/merchants?limit=37", admin);
        assertThat(exact.json().get("items")).hasSize(37);
        assertThat(exact.json().get("nextCursor").isNull()).isTrue();
    }

    /** Follows {@code nextCursor} to the end; fails on a repeated id or an empty page. */
    private static List<String> walk(String path, int limit, String token) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        String separator = path.contains("?") ? "&" : "?";
        for (int pages = 0; pages < 1000; pages++) {
            ApiClient.Response page = api.get(path + separator + "limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            JsonNode body = page.json();
            assertThat(body.get("items").size()).isBetween(1, limit);
            body.get("items").forEach(item -> ids.add(item.get("id").asText()));
            assertThat(body.has("nextCursor")).as("nextCursor is always present").isTrue();
            if (body.get("nextCursor").isNull()) {
                assertThat(new HashSet<>(ids)).as("no duplicates").hasSameSizeAs(ids);
                if (!path.startsWith("/merchants")) {
                    // Merchants come in name order (MerchantBookApiTest walks every sort).
                    assertThat(ids).as("id order").isSorted();
                }
                return ids;
            }
            assertThat(body.get("items").size()).isEqualTo(limit);
            cursor = body.get("nextCursor").asText();
        }
        throw new AssertionError("paging never ended");
    }

    @Test
    void limitAndCursorAreChecked() {
        for (String limit : new String[] {"0", "-1", "501", "abc", "1.5", "99999999999", "%20"}) {
            invalid(api.get("/merchants?limit=" + limit, admin), "limit");
            invalid(api.get("/users?limit=" + limit, admin), "limit");
        }
        assertThat(api.get("/merchants?limit=500", admin).status()).isEqualTo(200);
        assertThat(api.get("/merchants?limit=1", admin).json().get("items")).hasSize(1);
        assertThat(api.get("/merchants", admin).json().get("items")).as("default limit 50").hasSize(37);
        for (String cursor : new String[] {"garbage!", "abc", "%00", "bWVyXw", "Jyk7IGRyb3AgdGFibGUgbWVyY2hhbnQ7IC0t"}) {
            invalid(api.get("/merchants?cursor=" + cursor, admin), "cursor");
            invalid(api.get("/users?cursor=" + cursor, admin), "cursor");
        }
    }

    @Test
    void unknownFilterValuesAreRefused() {
        invalid(api.get("/merchants?tier=XL", admin), "tier");
        invalid(api.get("/merchants?band=PURPLE", admin), "band");
        invalid(api.get("/merchants?assigned=everyone", admin), "assigned");
        invalid(api.get("/users?role=GOD", admin), "role");
        invalid(api.get("/merchants?q=" + "x".repeat(101), admin), "q");
        invalid(api.get("/merchants?q=a%00b", admin), "q");
        invalid(api.get("/merchants?q=%0A", admin), "q");
    }
}
