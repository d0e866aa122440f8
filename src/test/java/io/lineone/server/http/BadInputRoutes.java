package io.lineone.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Json;
import io.lineone.api.Role;
import io.lineone.testing.ApiClient;
import io.lineone.testing.TestServer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-route table of {@link EveryRouteBadInputTest}: for every route, who calls it (a caller who MAY use it, so
 * that each answer is about the input and not about the caller), the real ids of seeded data in its path, and a
 * valid body and headers, each made afresh for every call (a new login, a new idempotency key, the current
 * {@code If-Match}). A route the server has and this table lacks fails the test, and so does an entry whose route
 * is gone.
 */
final class BadInputRoutes {

    private static final ObjectMapper JSON = Json.mapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Signs in through the cases of {@code POST /session}, which may leave it throttled. */
    static final String SESSION_LOGIN = "bad.input.session";
    /** Signs in afresh for each call of {@code DELETE /session}. */
    static final String SIGN_OUT_LOGIN = "bad.input.signout";

    private final TestServer server;
    private final ApiClient api;
    private final Map<String, Supplier<BadInputCall>> routes = new LinkedHashMap<>();

    private String admin;
    private String signOutUser;
    private TestServer.Account service;
    private TestServer.Account supervisor;
    private TestServer.Account owner;
    private TestServer.Account manager;
    private TestServer.Account otherManager;
    private String merchant;
    private String listing;
    private String coupon;
    private String issue;
    private String release;
    private String advanceRelease;
    private String bell;
    private String fix;
    private String reply;

    private BadInputRoutes(TestServer server) {
        this.server = server;
        this.api = server.api();
    }

    /** Seeds the data every route needs, through the API, and builds the table. */
    static BadInputRoutes seed(TestServer server) {
        BadInputRoutes table = new BadInputRoutes(server);
        table.seedData();
        table.table();
        return table;
    }

    Map<String, Supplier<BadInputCall>> entries() {
        return routes;
    }

    /** Every id the seed made, to put one of another kind into a path. */
    Map<String, String> ids() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("merchant", merchant);
        ids.put("listing", listing);
        ids.put("coupon", coupon);
        ids.put("issue", issue);
        ids.put("release", release);
        ids.put("bell", bell);
        ids.put("fix", fix);
        ids.put("message", reply);
        ids.put("user", manager.id());
        return ids;
    }

    private void seedData() {
        admin = server.adminToken();
        service = server.account(Role.SERVICE);
        supervisor = server.account(Role.SUPERVISOR);
        owner = server.account(Role.PRODUCT_OWNER);
        manager = server.account(Role.MANAGER);
        otherManager = server.account(Role.MANAGER);
        server.account(Role.MANAGER, SESSION_LOGIN);
        signOutUser = server.account(Role.MANAGER, SIGN_OUT_LOGIN).id();
        merchant = server.merchantOf(manager).id();
        server.merchantOf(manager);
        listing = newListing();
        coupon = id(ok(api.post("/merchants/" + merchant + "/coupons", service.token(), json("{\"listingIds\":[\""
                + listing + "\"],\"discountCents\":100,\"stackable\":false,\"budgetCents\":100000}")), 201));
        ok(api.put("/merchants/" + merchant + "/cash", service.token(),
                json("{\"balanceCents\":500000,\"pendingDeductionCents\":1000}")), 200);
        release = id(ok(api.post("/releases", admin, releaseBody()), 201));
        advanceRelease = id(ok(api.post("/releases", admin, releaseBody()), 201));
        ok(api.post("/releases/" + release + "/advance", owner.token(), json("{\"stage\":\"ROLLING_OUT\",\"exposurePercent\":20}")), 200);
        issue = newIssue();
        resolvedIssue();
        bell = pull();
        fix = newFix();
        reply = id(ok(api.post("/issues/" + issue + "/messages", manager.token(), json("{\"text\":\"您好，已在处理\"}")), 201));
        ok(api.post("/reply-templates", supervisor.token(),
                json("{\"category\":\"PRICING_ERROR\",\"language\":\"zh\",\"title\":\"标价\",\"text\":\"您好\"}")), 201);
    }

    private void table() {
        String a = admin;
        String m = manager.token();
        String s = supervisor.token();
        String svc = service.token();
        String o = owner.token();
        get("/health", null);
        get("/openapi.json", null);
        route("post", "/session", null, () -> "{\"login\":\"" + SESSION_LOGIN + "\",\"password\":\"" + TestServer.PASSWORD + "\"}");
        // Signing out ends the token it is sent with: each call signs in afresh.
        routes.put("delete /session", () -> BadInputCall.of("delete", "/session", server.signIn(SIGN_OUT_LOGIN, TestServer.PASSWORD)));
        routes.put("delete /sessions", () -> BadInputCall.of("delete", "/sessions", server.signIn(SIGN_OUT_LOGIN, TestServer.PASSWORD)));
        routes.put("delete /users/{id}/sessions", () -> BadInputCall.of("delete", "/users/{id}/sessions", a)
                .withId("id", signOutUser));
        get("/me", m);
        get("/users", a);
        route("post", "/users", a, () -> "{\"login\":\"bad.input." + SEQUENCE.incrementAndGet()
                + "\",\"displayName\":\"名字\",\"role\":\"MANAGER\",\"password\":\"long enough password\"}");
        get("/merchants", s);
        get("/merchants/facets", s);
        route("post", "/merchants", a, () -> "{\"name\":\"坏输入商家" + SEQUENCE.incrementAndGet() + "\",\"shopName\":\"店\","
                + "\"tier\":\"KA\",\"category\":\"食品\",\"region\":\"浙江\",\"assignedManagerId\":\"" + manager.id()
                + "\",\"metrics\":" + METRICS + "}");
        get("/merchants/{id}", m, merchant);
        get("/merchants/{id}/scorecard", m, merchant);
        get("/merchants/{id}/timeline", m, merchant);
        route("patch", "/merchants/{id}/metrics", svc, () -> METRICS, merchant);
        route("put", "/merchants/{id}/assignee", s, () -> "{\"managerId\":\"" + manager.id() + "\"}", merchant);
        get("/merchants/{id}/listings", m, merchant);
        routeWithKey("post", "/merchants/{id}/listings", svc, () -> listingBody("坏输入大米").toString(), merchant);
        get("/listings/{id}", m, listing);
        routeWithKey("patch", "/listings/{id}", svc, () -> "{\"title\":\"东北大米 5kg\",\"unitsPerHour\":50}", listing);
        get("/listings/{id}/prices", m, listing);
        get("/listings/{id}/coupons", m, listing);
        get("/merchants/{id}/coupons", m, merchant);
        routeWithKey("post", "/merchants/{id}/coupons", svc, () -> "{\"listingIds\":[\"" + listing
                + "\"],\"discountCents\":100,\"stackable\":false,\"budgetCents\":100000,\"spentCents\":0,\"active\":true}", merchant);
        get("/coupons/{id}", m, coupon);
        routeWithKey("patch", "/coupons/{id}", svc, () -> "{\"active\":true,\"stackable\":false,\"spentCents\":0,"
                + "\"budgetCents\":100000}", coupon);
        get("/merchants/{id}/cash", m, merchant);
        routeWithKey("put", "/merchants/{id}/cash", svc, () -> "{\"balanceCents\":500000,\"pendingDeductionCents\":1000}", merchant);
        get("/issues", m);
        route("post", "/issues", svc, () -> "{\"merchantId\":\"" + merchant + "\",\"category\":\"PRICING_ERROR\","
                + "\"source\":\"MERCHANT\",\"priority\":\"P3\",\"title\":\"标价疑似错误\",\"description\":\"售价 ¥8.90\","
                + "\"listingId\":\"" + listing + "\",\"releaseId\":\"" + release + "\",\"moneyAtRiskCents\":1000}");
        get("/issues/{id}", m, issue);
        get("/issues/{id}/history", m, issue);
        routes.put("patch /issues/{id}", () -> BadInputCall.of("patch", "/issues/{id}", m).withId("id", issue)
                .withBody(json("{\"note\":\"已核实\",\"rootCause\":\"price-typo\"}")).withHeader("If-Match", ifMatchOf(issue)));
        // A step that moves its target on gets a fresh one in the state it starts from for every call, so that each
        // answer is about the input and not about what an earlier case did.
        routes.put("post /issues/{id}/claim", () -> {
            String fresh = newIssue();
            return BadInputCall.of("post", "/issues/{id}/claim", m).withId("id", fresh).withHeader("If-Match", "\"1\"");
        });
        managed("transfer", this::newIssue, () -> "{\"managerId\":\"" + otherManager.id() + "\",\"note\":\"换人跟进\"}");
        managed("priority", this::newIssue, () -> "{\"priority\":\"P1\",\"reason\":\"影响扩大\"}");
        managed("reopen", this::resolvedIssue, () -> "{\"reason\":\"商家再次反馈\"}");
        managed("duplicate", this::newIssue, () -> "{\"originalId\":\"" + issue + "\",\"note\":\"同一问题\"}");
        get("/team/load", s);
        get("/team/managers", s);
        get("/issues/{id}/messages", m, issue);
        route("post", "/issues/{id}/messages", m, () -> "{\"text\":\"您好，已在处理\"}", issue);
        get("/issues/{id}/notes", m, issue);
        route("post", "/issues/{id}/notes", m, () -> "{\"text\":\"内部备注\"}", issue);
        get("/outbox", svc);
        routes.put("post /outbox/{messageId}/delivered", () -> BadInputCall.of("post", "/outbox/{messageId}/delivered", svc)
                .withId("messageId", reply));
        get("/reply-templates", m);
        route("post", "/reply-templates", s, () -> "{\"category\":\"PRICING_ERROR\",\"language\":\"zh\",\"title\":\"标价\","
                + "\"text\":\"您好，我们正在处理\"}");
        get("/releases", a);
        route("post", "/releases", a, () -> releaseBody().toString());
        get("/releases/{id}", a, release);
        route("post", "/releases/{id}/advance", o, () -> "{\"stage\":\"ROLLING_OUT\",\"exposurePercent\":20}", advanceRelease);
        routeWithKey("post", "/releases/{id}/bells", m, () -> bellBody().toString(), release);
        get("/bells", a);
        get("/bells/metrics", s);
        get("/bells/{id}", a, bell);
        bellStep("acknowledge", o, "{\"note\":\"在看\"}");
        bellStep("fixed", o, "{\"note\":\"已修复\"}", "acknowledge");
        bellStep("resolve", s, "{\"note\":\"确认\"}", "acknowledge", "fixed");
        bellStep("reopen", s, "{\"note\":\"仍有问题\"}", "acknowledge", "fixed");
        bellStep("overrule", s, "{\"justification\":\"影响可控，继续发布\"}");
        route("post", "/bells/{id}/comments", m, () -> "{\"text\":\"补充证据\"}", bell);
        route("post", "/bells/{id}/evidence", m, () -> "{\"issueIds\":[\"" + issue + "\"]}", bell);
        routes.put("get /fixes/options", () -> BadInputCall.of("get", "/fixes/options", m).withQuery("listingId", listing));
        route("post", "/fixes/preview", m, () -> "{\"kind\":\"DELIST_LISTING\",\"targetId\":\"" + listing + "\"}");
        get("/fixes", m);
        routes.put("post /fixes", () -> BadInputCall.of("post", "/fixes", m).withHeader("Idempotency-Key", key())
                .withBody(json("{\"kind\":\"DELIST_LISTING\",\"targetId\":\"" + newListing() + "\",\"targetVersion\":1}")));
        get("/fixes/{id}", m, fix);
        routes.put("post /fixes/{id}/undo", () -> BadInputCall.of("post", "/fixes/{id}/undo", m).withId("id", newFix()));
        get("/ledger", s);
        get("/insights/categories", s);
        get("/insights/first-response", s);
        get("/insights/clusters", s);
        get("/insights/suggested-bells", s);
        // The event stream: only refusals are sent to it (a valid call would stay open), with the Accept it needs.
        routes.put("get /events", () -> BadInputCall.of("get", "/events", m).withHeader("Accept", "text/event-stream"));
    }

    private static final String METRICS = "{\"shippingHours\":24,\"preSaleResponseSeconds\":30,"
            + "\"afterSaleResponseSeconds\":60,\"dsr\":4.8,\"disputeRate\":0.002}";

    private void get(String path, String token, String... ids) {
        routes.put("get " + path, () -> withIds(BadInputCall.of("get", path, token), ids));
    }

    private void route(String method, String path, String token, Supplier<String> body, String... ids) {
        routes.put(method + " " + path, () -> withIds(BadInputCall.of(method, path, token), ids).withBody(json(body.get())));
    }

    /** A feed or bell route, retried safely with a key of its own for every call. */
    private void routeWithKey(String method, String path, String token, Supplier<String> body, String... ids) {
        routes.put(method + " " + path, () -> withIds(BadInputCall.of(method, path, token), ids)
                .withBody(json(body.get())).withHeader("Idempotency-Key", key()));
    }

    /** A step of issue management, by a supervisor, on a fresh issue at its current version. */
    private void managed(String step, Supplier<String> issueId, Supplier<String> body) {
        String path = "/issues/{id}/" + step;
        routes.put("post " + path, () -> {
            String fresh = issueId.get();
            return BadInputCall.of("post", path, supervisor.token()).withId("id", fresh)
                    .withBody(json(body.get())).withHeader("If-Match", ifMatchOf(fresh));
        });
    }

    /** A step of a bell, on a fresh bell brought through {@code before} by its owner. */
    private void bellStep(String step, String token, String body, String... before) {
        String path = "/bells/{id}/" + step;
        routes.put("post " + path, () -> {
            String bell = pull();
            for (String earlier : before) {
                ok(api.post("/bells/" + bell + "/" + earlier, owner.token(), null), 200);
            }
            return BadInputCall.of("post", path, token).withId("id", bell).withBody(json(body));
        });
    }

    private String resolvedIssue() {
        String resolved = newIssue();
        ok(api.send("PATCH", "/issues/" + resolved, manager.token(), json("{\"status\":\"RESOLVED\",\"rootCause\":"
                + "\"price-typo\"}"), Map.of("If-Match", ifMatchOf(resolved))), 200);
        return resolved;
    }

    private String newListing() {
        return id(ok(api.post("/merchants/" + merchant + "/listings", service.token(), listingBody("坏输入大米")), 201));
    }

    /** A listing delisted by the manager's one-click fix, which may be undone. */
    private String newFix() {
        String target = newListing();
        return id(ok(api.send("POST", "/fixes", manager.token(), json("{\"kind\":\"DELIST_LISTING\",\"targetId\":\""
                + target + "\",\"targetVersion\":1}"), Map.of("Idempotency-Key", key())), 201));
    }

    private static BadInputCall withIds(BadInputCall call, String... ids) {
        BadInputCall withIds = call;
        Matcher names = Pattern.compile("\\{([^}]+)}").matcher(call.template());
        for (int i = 0; names.find(); i++) {
            withIds = withIds.withId(names.group(1), ids[i]);
        }
        return withIds;
    }

    private String newIssue() {
        return id(ok(api.post("/issues", service.token(), json("{\"merchantId\":\"" + merchant + "\",\"category\":"
                + "\"COUPON_OVERSPEND\",\"priority\":\"P2\",\"title\":\"券叠加低于成本\",\"releaseId\":\"" + release
                + "\",\"moneyAtRiskCents\":250000}")), 201));
    }

    private String pull() {
        return id(ok(api.send("POST", "/releases/" + release + "/bells", manager.token(), bellBody(),
                Map.of("Idempotency-Key", key())), 201));
    }

    private JsonNode bellBody() {
        return json("{\"reason\":\"Coupons stack below cost for KA shops since the rollout\",\"severity\":\"MAJOR\","
                + "\"evidenceIssueIds\":[\"" + issue + "\"]}");
    }

    private JsonNode releaseBody() {
        return json("{\"productArea\":\"优惠券\",\"name\":\"叠加规则 " + SEQUENCE.incrementAndGet() + "\",\"version\":\"1.0\","
                + "\"ownerId\":\"" + owner.id() + "\"}");
    }

    private static JsonNode listingBody(String title) {
        return json("{\"title\":\"" + title + "\",\"category\":\"粮油\",\"priceCents\":8900,\"referencePriceCents\":8900,"
                + "\"costCents\":5000,\"weightValue\":500,\"weightUnit\":\"g\",\"unitsPerHour\":50}");
    }

    private String ifMatchOf(String issueId) {
        return "\"" + versionOf("/issues/" + issueId) + "\"";
    }

    private long versionOf(String path) {
        return ok(api.get(path, admin), 200).json().get("version").asLong();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static String id(ApiClient.Response response) {
        return response.json().get("id").asText();
    }

    private static ApiClient.Response ok(ApiClient.Response response, int status) {
        assertThat(response.status()).as("seeding: %s", response).isEqualTo(status);
        return response;
    }
}
