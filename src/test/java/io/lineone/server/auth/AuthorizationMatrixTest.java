package io.lineone.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lineone.api.AssigneeChange;
import io.lineone.api.Bell;
import io.lineone.api.BellSeverity;
import io.lineone.api.BellStatus;
import io.lineone.api.BellStep;
import io.lineone.api.CashUpdate;
import io.lineone.api.Coupon;
import io.lineone.api.CouponPatch;
import io.lineone.api.DuplicateLink;
import io.lineone.api.EvidenceAddition;
import io.lineone.api.Fix;
import io.lineone.api.FixKind;
import io.lineone.api.FixRequest;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueReopen;
import io.lineone.api.IssueStatus;
import io.lineone.api.IssueTransfer;
import io.lineone.api.Json;
import io.lineone.api.Listing;
import io.lineone.api.ListingPatch;
import io.lineone.api.Merchant;
import io.lineone.api.NewBell;
import io.lineone.api.NewComment;
import io.lineone.api.NewCoupon;
import io.lineone.api.NewFix;
import io.lineone.api.NewMerchant;
import io.lineone.api.NewIssue;
import io.lineone.api.NewMessage;
import io.lineone.api.NewNote;
import io.lineone.api.NewRelease;
import io.lineone.api.NewReplyTemplate;
import io.lineone.api.NewUser;
import io.lineone.api.Priority;
import io.lineone.api.PriorityChange;
import io.lineone.api.Release;
import io.lineone.api.ReleaseAdvance;
import io.lineone.api.ReleaseStage;
import io.lineone.api.Role;
import io.lineone.api.SessionRequest;
import io.lineone.api.Tier;
import io.lineone.server.ServerConfig;
import io.lineone.server.http.Router;
import io.lineone.testing.ApiClient;
import io.lineone.testing.Feed;
import io.lineone.testing.Metrics;
import io.lineone.testing.MutableClock;
import io.lineone.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may call what, as one table: every route the server registers × every kind of caller → the status the API
 * contract gives. A route the server has and the table lacks fails {@link #everyRouteHasARowAndEveryRowARoute},
 * naming it, so a new route cannot ship without its row; a row for a route that is gone fails too.
 *
 * <p>Every cell runs against things made for it alone ({@link Fixture}: a merchant of the book, its listing, issue,
 * fix, a release with a bell in the state the step starts from), so a change in one cell cannot decide another, and
 * every request is well-formed with real ids, so the answer is about who asks, not what. The book is always the
 * first manager's: the second manager, whose book it is not, must get 404 wherever the first may act (never 403,
 * which would say the thing exists), and nothing of that book in any answer they do get. A role that may not act
 * at all gets 403 whoever's book it is, as it would for an unknown id, so that reveals nothing either.
 */
class AuthorizationMatrixTest {

    @RegisterExtension
    static final TestServer server = TestServer.onH2().build();

    private static final ApiClient api = server.api();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** The callers of every row, in the order of a row's status columns. */
    enum Who {
        MANAGER_OF_BOOK, MANAGER_OF_ANOTHER_BOOK, SUPERVISOR, PRODUCT_OWNER, ADMIN, SERVICE, NO_TOKEN, EXPIRED_TOKEN,
        REVOKED_TOKEN;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        /** The role of a signed-in caller; null for the three without a working token. */
        Role role() {
            return switch (this) {
                case MANAGER_OF_BOOK, MANAGER_OF_ANOTHER_BOOK -> Role.MANAGER;
                case SUPERVISOR -> Role.SUPERVISOR;
                case PRODUCT_OWNER -> Role.PRODUCT_OWNER;
                case ADMIN -> Role.ADMIN;
                case SERVICE -> Role.SERVICE;
                case NO_TOKEN, EXPIRED_TOKEN, REVOKED_TOKEN -> null;
            };
        }
    }

    private static final Map<Who, String> tokens = new EnumMap<>(Who.class);
    private static final Map<Who, String> logins = new EnumMap<>(Who.class);
    private static TestServer.Account managerA;
    private static TestServer.Account managerC;
    private static TestServer.Account owner;
    private static Feed feed;
    private static int checks;
    private static final List<String> mismatches = new ArrayList<>();

    @BeforeAll
    static void accounts() {
        managerA = server.account(Role.MANAGER, "matrix.manager.a");
        TestServer.Account managerB = server.account(Role.MANAGER, "matrix.manager.b");
        managerC = server.account(Role.MANAGER, "matrix.manager.c");
        TestServer.Account supervisor = server.account(Role.SUPERVISOR, "matrix.supervisor");
        owner = server.account(Role.PRODUCT_OWNER, "matrix.owner");
        TestServer.Account service = server.account(Role.SERVICE, "matrix.feed");
        server.account(Role.SUPERVISOR, "matrix.signin");
        feed = new Feed(server);
        signedIn(Who.MANAGER_OF_BOOK, managerA.login(), managerA.token());
        signedIn(Who.MANAGER_OF_ANOTHER_BOOK, managerB.login(), managerB.token());
        signedIn(Who.SUPERVISOR, supervisor.login(), supervisor.token());
        signedIn(Who.PRODUCT_OWNER, owner.login(), owner.token());
        signedIn(Who.ADMIN, "admin", server.adminToken());
        signedIn(Who.SERVICE, service.login(), service.token());
        tokens.put(Who.NO_TOKEN, null);
        // The strongest account's token, signed in 13 hours ago: expired an hour ago.
        server.clock().set(MutableClock.START.minus(Duration.ofHours(13)));
        tokens.put(Who.EXPIRED_TOKEN, server.signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD));
        server.clock().set(MutableClock.START);
        String revoked = server.signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD);
        assertThat(api.delete("/session", revoked).status()).isEqualTo(204);
        tokens.put(Who.REVOKED_TOKEN, revoked);
    }

    private static void signedIn(Who who, String login, String token) {
        logins.put(who, login);
        tokens.put(who, token);
    }

    @AfterAll
    static void summary() {
        System.out.printf("authorization matrix: routes %d × callers %d = %d checks, %d not as the table says%n",
                table().size(), Who.values().length, checks, mismatches.size());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The table. Columns: manager of the book, manager of another book, supervisor, product owner, admin, service;
    // no token, an expired and a revoked token answer 401 on every route but the public ones, whose rows give all 9.
    // ---------------------------------------------------------------------------------------------------------------

    private static List<Row> table() {
        return List.of(
                open("post", "/session", f -> post("/session", new SessionRequest("matrix.signin", TestServer.PASSWORD)),
                        "201 201 201 201 201 201 201 201 201"),
                open("get", "/health", f -> get("/health"), "200 200 200 200 200 200 200 200 200"),
                open("get", "/openapi.json", f -> get("/openapi.json"), "200 200 200 200 200 200 200 200 200"),
                row("delete", "/session", f -> delete("/session").withFreshToken(), "204 204 204 204 204 204"),
                row("delete", "/sessions", f -> delete("/sessions").asAccountOfItsOwn(), "204 204 204 204 204 204"),
                row("delete", "/users/{id}/sessions", f -> delete("/users/" + f.someone().id() + "/sessions"),
                        "403 403 403 403 204 403"),
                row("get", "/me", f -> get("/me"), "200 200 200 200 200 200"),

                row("post", "/users", f -> post("/users", new NewUser("matrix.user." + next(), "矩阵用户", Role.MANAGER,
                        TestServer.PASSWORD)), "403 403 403 403 201 403"),
                row("get", "/users", f -> get("/users"), "403 403 403 403 200 403"),

                row("get", "/merchants", f -> get("/merchants", f.merchant()), "200 200 200 403 200 200"),
                row("get", "/merchants/facets", f -> get("/merchants/facets", f.merchant()), "200 200 200 403 200 200"),
                row("post", "/merchants", f -> post("/merchants", new NewMerchant("矩阵新商家" + next(),
                        "矩阵店", Tier.SME, "食品生鲜", "浙江", managerA.id(), Metrics.at(0.5))), "403 403 403 403 201 403"),
                row("get", "/merchants/{id}", f -> get("/merchants/" + f.merchant().id()), "200 404 200 404 200 200"),
                row("get", "/merchants/{id}/scorecard", f -> get("/merchants/" + f.merchant().id() + "/scorecard"),
                        "200 404 200 404 200 200"),
                row("get", "/merchants/{id}/timeline", f -> get("/merchants/" + f.merchant().id() + "/timeline"),
                        "200 404 200 404 200 200"),
                row("patch", "/merchants/{id}/metrics", f -> send("PATCH", "/merchants/" + f.merchant().id() + "/metrics",
                        Metrics.at(0.4)), "403 403 403 403 200 200"),
                row("put", "/merchants/{id}/assignee", f -> send("PUT", "/merchants/" + f.merchant().id() + "/assignee",
                        new AssigneeChange(managerC.id())), "403 403 200 403 200 403"),

                row("post", "/merchants/{id}/listings", f -> post("/merchants/" + f.merchant().id() + "/listings",
                        Feed.rice("矩阵新品" + next())), "403 403 403 403 201 201"),
                row("get", "/merchants/{id}/listings", f -> get("/merchants/" + f.listing().merchantId() + "/listings"),
                        "200 404 200 404 200 200"),
                row("get", "/listings/{id}", f -> get("/listings/" + f.listing().id()), "200 404 200 404 200 200"),
                row("patch", "/listings/{id}", f -> send("PATCH", "/listings/" + f.listing().id(),
                        new ListingPatch(9_900L, null, null, null, null, null, null, null)), "403 403 403 403 200 200"),
                row("get", "/listings/{id}/prices", f -> get("/listings/" + f.listing().id() + "/prices"),
                        "200 404 200 404 200 200"),
                row("get", "/listings/{id}/coupons", f -> get("/listings/" + f.coupon().listingIds().get(0) + "/coupons"),
                        "200 404 200 404 200 200"),
                row("post", "/merchants/{id}/coupons", f -> post("/merchants/" + f.merchant().id() + "/coupons",
                        new NewCoupon(List.of(f.listing().id()), 100L, null, false, 10_000L, 0L, true)),
                        "403 403 403 403 201 201"),
                row("get", "/merchants/{id}/coupons", f -> get("/merchants/" + f.coupon().merchantId() + "/coupons"),
                        "200 404 200 404 200 200"),
                row("get", "/coupons/{id}", f -> get("/coupons/" + f.coupon().id()), "200 404 200 404 200 200"),
                row("patch", "/coupons/{id}", f -> send("PATCH", "/coupons/" + f.coupon().id(),
                        new CouponPatch(false, null, null, null)), "403 403 403 403 200 200"),
                row("get", "/merchants/{id}/cash", f -> get("/merchants/" + f.merchant().id() + "/cash"),
                        "200 404 200 404 200 200"),
                row("put", "/merchants/{id}/cash", f -> send("PUT", "/merchants/" + f.merchant().id() + "/cash",
                        new CashUpdate(500_000L, 10_000L)), "403 403 403 403 200 200"),

                row("get", "/issues", f -> get("/issues?status=OPEN&limit=500", f.issue()), "200 200 200 403 200 200"),
                row("post", "/issues", f -> post("/issues", f.newIssueRequest()), "201 404 403 403 201 201"),
                row("get", "/issues/{id}", f -> get("/issues/" + f.issue().id()), "200 404 200 404 200 200"),
                row("get", "/issues/{id}/history", f -> get("/issues/" + f.issue().id() + "/history"),
                        "200 404 200 404 200 200"),
                row("post", "/issues/{id}/claim", f -> post("/issues/" + f.issue().id() + "/claim", null),
                        "200 404 200 404 200 403"),
                row("patch", "/issues/{id}", f -> send("PATCH", "/issues/" + f.issue().id(),
                        new IssuePatch(IssueStatus.ACKNOWLEDGED, "已联系商家核实", null, null)).ifMatch(f.issue().version()),
                        "200 404 200 404 200 200"),
                row("post", "/issues/{id}/transfer", f -> post("/issues/" + f.issue().id() + "/transfer",
                        new IssueTransfer(managerC.id(), "交给同事跟进")).ifMatch(f.issue().version()),
                        "200 404 200 403 200 403"),
                row("post", "/issues/{id}/priority", f -> post("/issues/" + f.issue().id() + "/priority",
                        new PriorityChange(Priority.P1, "影响扩大，需要提级")).ifMatch(f.issue().version()),
                        "200 404 200 403 200 403"),
                row("post", "/issues/{id}/reopen", f -> post("/issues/" + f.resolvedIssue().id() + "/reopen",
                        new IssueReopen("商家反馈问题仍在")).ifMatch(f.resolvedIssue().version()),
                        "200 404 200 403 200 403"),
                row("post", "/issues/{id}/duplicate", f -> post("/issues/" + f.issue().id() + "/duplicate",
                        new DuplicateLink(f.secondIssue().id(), "同一问题")).ifMatch(f.issue().version()),
                        "200 404 200 403 200 403"),
                row("get", "/team/load", f -> get("/team/load"), "403 403 200 403 200 403"),
                row("get", "/team/managers", f -> get("/team/managers"), "200 200 200 403 200 403"),

                row("get", "/issues/{id}/messages", f -> get("/issues/" + f.issue().id() + "/messages"),
                        "200 404 200 403 200 200"),
                row("post", "/issues/{id}/messages", f -> post("/issues/" + f.issue().id() + "/messages",
                        new NewMessage("您好，我们正在核实价格。", null)), "201 404 201 403 403 201"),
                row("get", "/outbox", f -> get("/outbox", f.reply()), "403 403 403 403 403 200"),
                row("post", "/outbox/{messageId}/delivered", f -> post("/outbox/" + f.reply() + "/delivered", null),
                        "403 403 403 403 403 200"),
                row("get", "/issues/{id}/notes", f -> get("/issues/" + f.issue().id() + "/notes"),
                        "200 404 200 403 403 403"),
                row("post", "/issues/{id}/notes", f -> post("/issues/" + f.issue().id() + "/notes",
                        new NewNote("内部备注：等待商家回复")), "201 404 201 403 403 403"),
                row("get", "/reply-templates", f -> get("/reply-templates"), "200 200 200 403 200 403"),
                row("post", "/reply-templates", f -> post("/reply-templates", new NewReplyTemplate(IssueCategory.LOGISTICS,
                        "zh", "矩阵模板" + next(), "您好，快递已催促。")), "403 403 201 403 201 403"),

                row("get", "/releases", f -> get("/releases"), "200 200 200 200 200 200"),
                row("post", "/releases", f -> post("/releases", new NewRelease("coupons", "矩阵发布" + next(), "1.0.0",
                        owner.id())), "403 403 403 403 201 403"),
                row("get", "/releases/{id}", f -> get("/releases/" + f.release().id()), "200 200 200 200 200 200"),
                row("post", "/releases/{id}/advance", f -> post("/releases/" + f.release().id() + "/advance",
                        new ReleaseAdvance(null, 30)), "403 403 403 200 403 403"),
                row("post", "/releases/{id}/bells", f -> post("/releases/" + f.release().id() + "/bells", f.newBell())
                        .header("Idempotency-Key", "matrix-" + next()), "201 404 201 403 201 403"),
                row("get", "/bells", f -> get("/bells", f.bell(BellStatus.OPEN)), "200 200 200 200 200 200")
                        .citingEvidence(),
                row("get", "/bells/metrics", f -> get("/bells/metrics"), "200 200 200 200 200 200"),
                row("get", "/bells/{id}", f -> get("/bells/" + f.bell(BellStatus.OPEN).id()), "200 200 200 200 200 200")
                        .citingEvidence(),
                row("post", "/bells/{id}/acknowledge", f -> step(f.bell(BellStatus.OPEN), "acknowledge", null),
                        "403 403 403 200 403 403").citingEvidence(),
                row("post", "/bells/{id}/fixed", f -> step(f.bell(BellStatus.ACKNOWLEDGED), "fixed", null),
                        "403 403 403 200 403 403").citingEvidence(),
                row("post", "/bells/{id}/resolve", f -> step(f.bell(BellStatus.FIXED), "resolve", null),
                        "200 403 200 403 403 403").citingEvidence(),
                row("post", "/bells/{id}/reopen", f -> step(f.bell(BellStatus.FIXED), "reopen", null),
                        "200 403 200 403 403 403").citingEvidence(),
                row("post", "/bells/{id}/overrule", f -> step(f.bell(BellStatus.OPEN), "overrule",
                        "误报：券叠加在预期之内，继续放量"), "403 403 200 403 403 403").citingEvidence(),
                row("post", "/bells/{id}/comments", f -> post("/bells/" + f.bell(BellStatus.OPEN).id() + "/comments",
                        new NewComment("补充：又有两家店受影响")), "201 201 201 201 201 403").citingEvidence(),
                row("post", "/bells/{id}/evidence", f -> post("/bells/" + f.bell(BellStatus.OPEN).id() + "/evidence",
                        new EvidenceAddition(List.of(f.secondIssue().id()))), "200 404 200 403 200 403")
                        .citingEvidence(),

                row("get", "/fixes/options", f -> get("/fixes/options?listingId=" + f.listing().id()),
                        "200 404 200 404 200 200"),
                row("post", "/fixes/preview", f -> post("/fixes/preview",
                        new FixRequest(FixKind.DELIST_LISTING, f.listing().id(), null)), "200 404 200 404 403 403"),
                row("post", "/fixes", f -> post("/fixes", new NewFix(FixKind.DELIST_LISTING, f.listing().id(), null,
                        f.listing().version())).header("Idempotency-Key", "matrix-" + next()),
                        "201 404 201 404 403 403"),
                row("get", "/fixes", f -> get("/fixes", f.fix()), "200 200 200 200 200 200"),
                row("get", "/fixes/{id}", f -> get("/fixes/" + f.fix().id()), "200 404 200 404 200 200"),
                row("post", "/fixes/{id}/undo", f -> post("/fixes/" + f.fix().id() + "/undo", null),
                        "200 404 200 404 403 403"),
                row("get", "/ledger", f -> get("/ledger?groupBy=merchant", f.fix()), "200 200 200 403 200 200"),

                row("get", "/insights/categories", f -> get("/insights/categories", f.issue()), "200 200 200 403 200 403"),
                row("get", "/insights/first-response", f -> get("/insights/first-response", f.issue()),
                        "200 200 200 403 200 403"),
                row("get", "/insights/clusters", f -> get("/insights/clusters", f.issue()), "200 200 200 403 200 403"),
                row("get", "/insights/suggested-bells", f -> get("/insights/suggested-bells", f.issue()),
                        "200 200 200 403 200 403"),

                row("get", "/events", f -> get("/events").asStream(), "200 200 200 200 200 200"));
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void everyRouteHasARowAndEveryRowARoute() {
        Set<String> registered = server.routes().stream().map(r -> r.method() + " " + r.path())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> rows = new TreeSet<>();
        for (Row row : table()) {
            assertThat(rows.add(row.route())).as("one row for %s", row.route()).isTrue();
        }
        Set<String> missing = new TreeSet<>(registered);
        missing.removeAll(rows);
        Set<String> gone = new TreeSet<>(rows);
        gone.removeAll(registered);
        assertThat(missing).as("routes the server has and the authorization table lacks: add a row for each").isEmpty();
        assertThat(gone).as("rows of the authorization table for routes the server no longer has").isEmpty();
        Set<String> publicRoutes = server.routes().stream().filter(Router.Route::isPublic)
                .map(r -> r.method() + " " + r.path()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> publicRows = table().stream().filter(Row::isPublic).map(Row::route)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(publicRows).as("the rows marked public are the routes that need no token").isEqualTo(publicRoutes);
    }

    @TestFactory
    Stream<DynamicTest> eachRouteAnswersEachCallerAsTheTableSays() {
        return table().stream().map(row -> DynamicTest.dynamicTest(row.route(), () -> {
            List<String> wrong = new ArrayList<>();
            for (Who who : Who.values()) {
                String problem = check(row, who);
                checks++;
                if (problem != null) {
                    wrong.add(problem);
                }
            }
            mismatches.addAll(wrong);
            assertThat(wrong).as("%s, caller by caller", row.route()).isEmpty();
        }));
    }

    /** Runs one cell; null when the answer is the table's, else what went wrong. */
    private static String check(Row row, Who who) {
        Fixture fixture = new Fixture();
        Call call = row.call().apply(fixture);
        String token = tokens.get(who);
        if (token != null && who.role() != null && call.ownAccount()) {
            token = server.account(who.role()).token();
        } else if (token != null && who.role() != null && call.freshToken()) {
            token = server.signIn(logins.get(who), who == Who.ADMIN ? ServerConfig.TEST_ADMIN_PASSWORD : TestServer.PASSWORD);
        }
        int expected = row.expected().get(who);
        String cell = row.route() + " as " + who.label();
        if (call.stream()) {
            int status = stream(call.path(), token);
            return status == expected ? null : cell + ": expected " + expected + ", got " + status;
        }
        Map<String, String> headers = new HashMap<>(call.headers());
        ApiClient.Response answer = api.send(call.method(), call.path(), token, call.body(), headers);
        if (answer.status() != expected) {
            return cell + ": expected " + expected + ", got " + answer;
        }
        if (expected >= 400) {
            if (!"application/problem+json".equals(answer.contentType())) {
                return cell + ": a refusal that is not a problem: " + answer;
            }
            if (who == Who.MANAGER_OF_ANOTHER_BOOK) {
                return sameAsUnknown(cell, call, token, fixture, answer);
            }
            return null;
        }
        if (who == Who.MANAGER_OF_ANOTHER_BOOK || who == Who.PRODUCT_OWNER) {
            Set<String> secrets = new LinkedHashSet<>(fixture.secrets);
            if (row.citesEvidence()) {
                // Bells belong to no book: every role reads them, evidence ids included (ids only, nothing behind them).
                secrets.removeAll(fixture.issueIds);
            }
            List<String> leaked = secrets.stream().filter(answer.text()::contains).toList();
            if (!leaked.isEmpty()) {
                return cell + ": answered " + answer.status() + " with things of the manager's book in it: " + leaked;
            }
        }
        return null;
    }

    /**
     * The refusal of another book's thing must say no more than the refusal of a thing that does not exist: the same
     * request with every id of the book swapped for an unknown one of the same kind gets the same status and title.
     */
    private static String sameAsUnknown(String cell, Call call, String token, Fixture fixture, ApiClient.Response seen) {
        String path = call.path();
        String body = call.body() == null ? null : json(call.body());
        for (String secret : fixture.secrets) {
            if (secret.matches("[a-z]+_[0-9a-z]+")) {
                String unknown = secret.substring(0, secret.indexOf('_') + 1)
                        + "0".repeat(secret.length() - secret.indexOf('_') - 1);
                path = path.replace(secret, unknown);
                body = body == null ? null : body.replace(secret, unknown);
            }
        }
        ApiClient.Response unknown = api.send(call.method(), path, token, body, call.headers());
        boolean same = unknown.status() == seen.status()
                && unknown.json().path("title").equals(seen.json().path("title"));
        return same ? null : cell + ": answered " + seen + " but for unknown ids " + unknown;
    }

    private static String json(Object body) {
        try {
            return body instanceof String text ? text : Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Opens the event stream and closes it at once: its status is what the cell checks. */
    private static int stream(String path, String token) {
        HttpResponse<InputStream> response = api.stream(path, token, Map.of("Accept", "text/event-stream"));
        try (InputStream body = response.body()) {
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Rows and requests
    // ---------------------------------------------------------------------------------------------------------------

    /** One route, how to call it with the things of a fresh {@link Fixture}, and the status for each caller. */
    record Row(String method, String path, Function<Fixture, Call> call, Map<Who, Integer> expected, boolean isPublic,
               boolean citesEvidence) {

        String route() {
            return method + " " + path;
        }

        Row citingEvidence() {
            return new Row(method, path, call, expected, isPublic, true);
        }
    }

    private static Row row(String method, String path, Function<Fixture, Call> call, String statuses) {
        return new Row(method, path, call, statuses(statuses + " 401 401 401"), false, false);
    }

    private static Row open(String method, String path, Function<Fixture, Call> call, String statuses) {
        return new Row(method, path, call, statuses(statuses), true, false);
    }

    private static Map<Who, Integer> statuses(String text) {
        int[] codes = Arrays.stream(text.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        if (codes.length != Who.values().length) {
            throw new IllegalArgumentException("a row needs " + Who.values().length + " statuses: " + text);
        }
        Map<Who, Integer> byWho = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            byWho.put(who, codes[who.ordinal()]);
        }
        return byWho;
    }

    /**
     * A request of a cell. {@code freshToken}: the caller signed in anew for this cell alone (signing out uses the
     * token up); {@code ownAccount}: a new account of the caller's role (signing out everywhere uses them all up).
     */
    record Call(String method, String path, Object body, Map<String, String> headers, boolean freshToken,
                boolean ownAccount, boolean stream) {

        Call header(String name, String value) {
            Map<String, String> more = new HashMap<>(headers);
            more.put(name, value);
            return new Call(method, path, body, Map.copyOf(more), freshToken, ownAccount, stream);
        }

        Call ifMatch(long version) {
            return header("If-Match", "\"" + version + "\"");
        }

        Call withFreshToken() {
            return new Call(method, path, body, headers, true, ownAccount, stream);
        }

        Call asAccountOfItsOwn() {
            return new Call(method, path, body, headers, freshToken, true, stream);
        }

        Call asStream() {
            return new Call(method, path, body, headers, freshToken, ownAccount, true);
        }
    }

    /** A read; {@code made} is whatever the fixture must hold first, so a list has something of the book in it. */
    private static Call get(String path, Object... made) {
        return new Call("GET", path, null, Map.of(), false, false, false);
    }

    private static Call post(String path, Object body) {
        return new Call("POST", path, body, Map.of(), false, false, false);
    }

    private static Call delete(String path) {
        return new Call("DELETE", path, null, Map.of(), false, false, false);
    }

    private static Call send(String method, String path, Object body) {
        return new Call(method, path, body, Map.of(), false, false, false);
    }

    private static Call step(Bell bell, String step, String justification) {
        return post("/bells/" + bell.id() + "/" + step, new BellStep("矩阵检查", justification));
    }

    private static int next() {
        return SEQUENCE.incrementAndGet();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The things of one cell, made on demand in the first manager's book
    // ---------------------------------------------------------------------------------------------------------------

    /** What one cell needs, made when first asked for; {@link #secrets} is everything of the book it made. */
    static final class Fixture {
        final Set<String> secrets = new LinkedHashSet<>();
        final Set<String> issueIds = new LinkedHashSet<>();
        private Merchant merchant;
        private Listing listing;
        private Issue issue;
        private Issue secondIssue;
        private Issue resolved;
        private Coupon coupon;
        private Fix fix;
        private Release release;
        private Bell bell;
        private String reply;

        /** Another account, signed in: whose sessions an admin may end. */
        TestServer.Account someone() {
            return server.account(Role.MANAGER, "matrix.someone." + next());
        }

        Merchant merchant() {
            if (merchant == null) {
                merchant = server.merchant("矩阵商家" + next() + "有限公司", "矩阵旗舰店", Tier.SME, managerA.id());
                secrets.add(merchant.id());
                secrets.add(merchant.name());
            }
            return merchant;
        }

        Listing listing() {
            if (listing == null) {
                listing = feed.listing(merchant().id(), Feed.rice("矩阵大米" + next()));
                secrets.add(listing.id());
                secrets.add(listing.title());
            }
            return listing;
        }

        NewIssue newIssueRequest() {
            return new NewIssue(merchant().id(), IssueCategory.PRICING_ERROR, null, Priority.P3, "矩阵问题" + next(),
                    "售价 ¥8.90，参考价 ¥89.00", null, null, 120_000L);
        }

        private Issue newIssue() {
            NewIssue request = newIssueRequest();
            Issue created = server.issue(server.adminToken(), request);
            secrets.add(created.id());
            secrets.add(created.title());
            issueIds.add(created.id());
            return created;
        }

        Issue issue() {
            if (issue == null) {
                issue = newIssue();
            }
            return issue;
        }

        Issue secondIssue() {
            if (secondIssue == null) {
                secondIssue = newIssue();
            }
            return secondIssue;
        }

        Issue resolvedIssue() {
            if (resolved == null) {
                resolved = server.patch(newIssue().id(), new IssuePatch(IssueStatus.RESOLVED, null, "matrix", null));
            }
            return resolved;
        }

        Coupon coupon() {
            if (coupon == null) {
                coupon = feed.coupon(merchant().id(),
                        new NewCoupon(List.of(listing().id()), 100L, null, false, 10_000L, 0L, true));
                secrets.add(coupon.id());
            }
            return coupon;
        }

        Fix fix() {
            if (fix == null) {
                fix = feed.fix(managerA.token(), FixKind.DELIST_LISTING, listing().id(), null);
                secrets.add(fix.id());
            }
            return fix;
        }

        String reply() {
            if (reply == null) {
                ApiClient.Response posted = api.post("/issues/" + issue().id() + "/messages", managerA.token(),
                        new NewMessage("您好，正在为您处理。", null));
                assertThat(posted.status()).as("reply: %s", posted).isEqualTo(201);
                reply = posted.json().get("id").asText();
                secrets.add(reply);
            }
            return reply;
        }

        /** A release of the product owner, rolling out to 20 %. */
        Release release() {
            if (release == null) {
                Release planned = ok(api.post("/releases", server.adminToken(),
                        new NewRelease("coupons", "矩阵版本" + next(), "2.0.0", owner.id())), 201).as(Release.class);
                release = ok(api.post("/releases/" + planned.id() + "/advance", owner.token(),
                        new ReleaseAdvance(ReleaseStage.ROLLING_OUT, 20)), 200).as(Release.class);
            }
            return release;
        }

        NewBell newBell() {
            return new NewBell("Coupons stack below cost for this shop since the rollout", BellSeverity.BLOCKER,
                    List.of(issue().id()));
        }

        /** A bell the book's manager pulled on {@link #release}, moved by the release's owner to {@code status}. */
        Bell bell(BellStatus status) {
            if (bell == null) {
                bell = ok(api.send("POST", "/releases/" + release().id() + "/bells", managerA.token(), newBell(),
                        Map.of("Idempotency-Key", "matrix-" + next())), 201).as(Bell.class);
                if (status != BellStatus.OPEN) {
                    bell = ok(api.post("/bells/" + bell.id() + "/acknowledge", owner.token(), null), 200).as(Bell.class);
                }
                if (status == BellStatus.FIXED) {
                    bell = ok(api.post("/bells/" + bell.id() + "/fixed", owner.token(), null), 200).as(Bell.class);
                }
                assertThat(bell.status()).isEqualTo(status);
            }
            return bell;
        }

        private static ApiClient.Response ok(ApiClient.Response response, int status) {
            assertThat(response.status()).as("%s", response).isEqualTo(status);
            return response;
        }
    }
}
