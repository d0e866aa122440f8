package io.lineone.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.BellSeverity;
import io.lineone.api.EventTypes;
import io.lineone.api.Fix;
import io.lineone.api.FixKind;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssuePatch;
import io.lineone.api.Listing;
import io.lineone.api.Merchant;
import io.lineone.api.NewBell;
import io.lineone.api.NewIssue;
import io.lineone.api.NewMessage;
import io.lineone.api.NewNote;
import io.lineone.api.NewRelease;
import io.lineone.api.Priority;
import io.lineone.api.Release;
import io.lineone.api.Role;
import io.lineone.testing.ApiClient;
import io.lineone.testing.Feed;
import io.lineone.testing.Metrics;
import io.lineone.testing.SseReader;
import io.lineone.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What each role receives, beyond the status: the event stream (live and on replay) and every insight and the
 * ledger carry a manager's own book only — never an event, id or number of another manager's merchants — while a
 * supervisor and an admin get both books, a product owner no merchant's events at all, and the marketplace feed
 * everything but the team's internal notes.
 */
class BookBoundariesApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.onH2().build();

    private static final ApiClient api = server.api();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static TestServer.Account managerA;
    private static TestServer.Account managerB;
    private static TestServer.Account supervisor;
    private static TestServer.Account owner;
    private static TestServer.Account service;
    private static Feed feed;

    /** One book: its merchants, and every id made in it. */
    private record Book(TestServer.Account manager, List<Merchant> merchants, Set<String> ids, List<Issue> issues,
                        long fixedCents) {
    }

    private static Book bookA;
    private static Book bookB;
    private static Map<String, SseReader> live;
    private static String marker;

    @BeforeAll
    static void twoBooks() {
        managerA = server.account(Role.MANAGER, "book.a");
        managerB = server.account(Role.MANAGER, "book.b");
        supervisor = server.account(Role.SUPERVISOR, "book.supervisor");
        owner = server.account(Role.PRODUCT_OWNER, "book.owner");
        service = server.account(Role.SERVICE, "book.feed");
        feed = new Feed(server);
        live = new LinkedHashMap<>();
        for (Map.Entry<String, String> role : tokens().entrySet()) {
            live.put(role.getKey(), server.events(role.getValue(), null, null));
        }
        bookA = book(managerA, 3);
        bookB = book(managerB, 4);
        Release release = server.api().post("/releases", server.adminToken(),
                new NewRelease("coupons", "满减叠加 3.2", "3.2.0", owner.id())).as(Release.class);
        assertThat(api.send("POST", "/releases/" + release.id() + "/bells", managerA.token(),
                new NewBell("Coupons stack below cost for KA shops since the rollout", BellSeverity.BLOCKER,
                        List.of(bookA.issues().get(0).id())), Map.of("Idempotency-Key", "book-bell")).status())
                .isEqualTo(201);
        // Last of all, an event every role hears: once a stream has it, it has everything before it.
        marker = api.post("/releases", server.adminToken(), new NewRelease("coupons", "终点标记", "9.9.9", owner.id()))
                .json().get("id").asText();
    }

    private static Map<String, String> tokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("manager A", managerA.token());
        tokens.put("manager B", managerB.token());
        tokens.put("supervisor", supervisor.token());
        tokens.put("product owner", owner.token());
        tokens.put("admin", server.adminToken());
        tokens.put("service", service.token());
        return tokens;
    }

    /**
     * {@code size} merchants of {@code manager}, each with a listing, a pricing issue (answered, noted and tagged
     * with one root cause, so the three make a cluster), and one delisting fix; every id kept.
     */
    private static Book book(TestServer.Account manager, int size) {
        List<Merchant> merchants = new ArrayList<>();
        List<Issue> issues = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        long fixed = 0;
        for (int i = 0; i < size; i++) {
            Merchant merchant = server.merchant(manager.login() + " 商家" + i, manager.login() + " 店" + i,
                    io.lineone.api.Tier.SME, manager.id(), Metrics.at(0.8));
            merchants.add(merchant);
            ids.add(merchant.id());
            ids.add(merchant.name());
            Listing listing = feed.listing(merchant.id(), Feed.rice(manager.login() + " 大米" + i));
            ids.add(listing.id());
            Issue issue = server.issue(server.adminToken(), new NewIssue(merchant.id(), IssueCategory.PRICING_ERROR,
                    null, Priority.P2, manager.login() + " 标价错误" + i, "小数点错位", listing.id(), null, 50_000L));
            ids.add(issue.id());
            assertThat(api.post("/issues/" + issue.id() + "/messages", manager.token(),
                    new NewMessage("您好，正在核实。", null)).status()).isEqualTo(201);
            assertThat(api.post("/issues/" + issue.id() + "/notes", manager.token(), new NewNote("内部：疑似录入错误"))
                    .status()).isEqualTo(201);
            server.patch(issue.id(), new IssuePatch(null, null, "decimal-shift-" + manager.login(), null));
            Fix fix = feed.fix(manager.token(), FixKind.DELIST_LISTING, listing.id(), null);
            ids.add(fix.id());
            fixed += fix.lossAvertedCents();
            issues.add(issue);
            ids.add(issue.title());
        }
        assertThat(api.put("/merchants/" + merchants.get(0).id() + "/cash", server.adminToken(),
                new io.lineone.api.CashUpdate(1_000L, 500L)).status()).isEqualTo(200);
        assertThat(api.send("PATCH", "/merchants/" + merchants.get(0).id() + "/metrics", server.adminToken(),
                Metrics.at(0.3)).status()).isEqualTo(200);
        return new Book(manager, merchants, ids, issues, fixed);
    }

    /** Every event up to and including the marker release. */
    private static List<SseReader.Event> untilMarker(SseReader stream, String who) throws InterruptedException {
        List<SseReader.Event> events = new ArrayList<>();
        while (true) {
            SseReader.Event event = stream.next(WAIT);
            assertThat(event).as("%s's stream reaches the marker", who).isNotNull();
            events.add(event);
            if (event.type().equals(EventTypes.RELEASE_UPDATED) && event.json().path("id").asText().equals(marker)) {
                return events;
            }
        }
    }

    /** The merchant an event is about; null for a release's or a bell's. */
    private static String merchantOf(SseReader.Event event) {
        JsonNode payload = event.json();
        if (event.type().equals(EventTypes.MERCHANT_UPDATED)) {
            return payload.get("id").asText();
        }
        return payload.hasNonNull("merchantId") ? payload.get("merchantId").asText() : null;
    }

    private static Set<String> merchantIds(Book book) {
        Set<String> ids = new LinkedHashSet<>();
        book.merchants().forEach(m -> ids.add(m.id()));
        return ids;
    }

    @Test
    void theEventStreamCarriesEachRoleItsOwnBookLiveAndOnReplay() throws InterruptedException {
        Map<String, String> tokens = tokens();
        for (String who : tokens.keySet()) {
            List<SseReader.Event> liveEvents = untilMarker(live.get(who), who);
            List<SseReader.Event> replayed;
            try (SseReader replay = server.events(tokens.get(who), 0L, null)) {
                replayed = untilMarker(replay, who + " (replay)");
            }
            for (List<SseReader.Event> events : List.of(liveEvents, replayed)) {
                Set<String> merchants = new LinkedHashSet<>();
                Set<String> types = new LinkedHashSet<>();
                for (SseReader.Event event : events) {
                    types.add(event.type());
                    String merchant = merchantOf(event);
                    if (merchant != null) {
                        merchants.add(merchant);
                    }
                }
                assertThat(types).as("%s hears releases and bells", who)
                        .contains(EventTypes.RELEASE_UPDATED, EventTypes.BELL_PULLED);
                switch (who) {
                    case "manager A" -> assertThat(merchants).as(who).containsExactlyInAnyOrderElementsOf(merchantIds(bookA));
                    case "manager B" -> assertThat(merchants).as(who).containsExactlyInAnyOrderElementsOf(merchantIds(bookB));
                    case "product owner" -> assertThat(merchants).as("a product owner has no book").isEmpty();
                    default -> assertThat(merchants).as(who).containsAll(merchantIds(bookA)).containsAll(merchantIds(bookB));
                }
                if (who.startsWith("manager") || who.equals("supervisor")) {
                    assertThat(types).as(who).contains(EventTypes.ISSUE_CREATED, EventTypes.ISSUE_UPDATED,
                            EventTypes.ISSUE_MESSAGE, EventTypes.ISSUE_NOTE, EventTypes.LISTING_UPDATED,
                            EventTypes.FIX_APPLIED, EventTypes.MERCHANT_UPDATED);
                }
                if (who.equals("service")) {
                    assertThat(types).as("the feed hears no internal notes").doesNotContain(EventTypes.ISSUE_NOTE)
                            .contains(EventTypes.ISSUE_MESSAGE);
                }
                Book other = who.equals("manager A") ? bookB : who.equals("manager B") ? bookA : null;
                if (other != null) {
                    for (SseReader.Event event : events) {
                        assertThat(other.ids()).as("%s's %s event %d", who, event.type(), event.id())
                                .noneMatch(id -> merchantOf(event) != null && event.data().contains(id));
                    }
                }
            }
            assertThat(replayed.stream().map(SseReader.Event::id).filter(id -> id >= liveEvents.get(0).id()).toList())
                    .as("%s's replay is what they heard live", who)
                    .isEqualTo(liveEvents.stream().map(SseReader.Event::id).toList());
        }
    }

    @Test
    void everyInsightAndTheLedgerCountOnlyTheCallersBook() {
        String window = "?from=2026-11-01T00:00:00Z&to=2026-11-12T00:00:00Z";
        List<String> paths = List.of("/insights/categories" + window + "&bucket=day", "/insights/first-response" + window,
                "/insights/clusters" + window, "/insights/suggested-bells", "/ledger" + window + "&groupBy=merchant",
                "/ledger" + window + "&groupBy=manager", "/ledger" + window + "&groupBy=week");
        for (String path : paths) {
            for (Book book : List.of(bookA, bookB)) {
                Book other = book == bookA ? bookB : bookA;
                ApiClient.Response answer = api.get(path, book.manager().token());
                assertThat(answer.status()).as("%s as %s: %s", path, book.manager().login(), answer).isEqualTo(200);
                assertThat(other.ids()).as("%s as %s carries nothing of the other book", path, book.manager().login())
                        .noneMatch(answer.text()::contains);
                assertThat(answer.text()).as(path).doesNotContain(other.manager().id());
            }
            for (String token : List.of(supervisor.token(), server.adminToken())) {
                assertThat(api.get(path, token).status()).as(path).isEqualTo(200);
            }
        }
        for (Book book : List.of(bookA, bookB)) {
            String token = book.manager().token();
            JsonNode categories = api.get(paths.get(0), token).json();
            int counted = 0;
            for (JsonNode bucket : categories.get("buckets")) {
                for (JsonNode count : bucket.get("counts")) {
                    counted += count.asInt();
                }
            }
            assertThat(counted).as("issues counted for %s", book.manager().login()).isEqualTo(book.issues().size());
            assertThat(api.get(paths.get(1), token).json().get("count").asInt())
                    .as("first responses counted for %s", book.manager().login()).isEqualTo(book.issues().size());
            JsonNode clusters = api.get(paths.get(2), token).json().get("items");
            assertThat(clusters).as("%s's clusters", book.manager().login()).isNotEmpty();
            clusters.forEach(cluster -> assertThat(cluster.get("merchants").asInt()).isLessThanOrEqualTo(
                    book.merchants().size()));
            JsonNode ledger = api.get(paths.get(4), token).json();
            assertThat(ledger.get("fixCount").asInt()).as("fixes in %s's ledger", book.manager().login())
                    .isEqualTo(book.merchants().size());
            assertThat(ledger.get("totalCents").asLong()).isEqualTo(book.fixedCents());
        }
        JsonNode all = api.get(paths.get(4), supervisor.token()).json();
        assertThat(all.get("fixCount").asInt()).isEqualTo(bookA.merchants().size() + bookB.merchants().size());
        assertThat(all.get("totalCents").asLong()).isEqualTo(bookA.fixedCents() + bookB.fixedCents());
        for (String token : List.of(owner.token(), service.token())) {
            assertThat(api.get(paths.get(0), token).status()).as("insights are the team's").isEqualTo(403);
        }
    }
}
