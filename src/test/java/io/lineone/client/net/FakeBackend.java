package io.lineone.client.net;

import io.lineone.api.Bell;
import io.lineone.api.Coupon;
import io.lineone.api.Fix;
import io.lineone.api.FixOption;
import io.lineone.api.FixPreview;
import io.lineone.api.FixRequest;
import io.lineone.api.FixStatus;
import io.lineone.api.Ledger;
import io.lineone.api.LedgerRow;
import io.lineone.api.Listing;
import io.lineone.api.ListingStatus;
import io.lineone.api.MerchantCash;
import io.lineone.api.NewFix;
import io.lineone.api.PricePoint;
import io.lineone.api.BellMetrics;
import io.lineone.api.BellMonth;
import io.lineone.api.BellStatus;
import io.lineone.api.DuplicateLink;
import io.lineone.api.Gate;
import io.lineone.api.Health;
import io.lineone.api.DeliveryStatus;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.MessageDirection;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueReopen;
import io.lineone.api.IssueStatus;
import io.lineone.api.IssueTransfer;
import io.lineone.api.ManagerLoad;
import io.lineone.api.Merchant;
import io.lineone.api.NewBell;
import io.lineone.api.NewIssue;
import io.lineone.api.Page;
import io.lineone.api.PriorityChange;
import io.lineone.api.Problem;
import io.lineone.api.Release;
import io.lineone.api.ReleaseAdvance;
import io.lineone.api.ReleaseStage;
import io.lineone.api.ReplyTemplate;
import io.lineone.api.Role;
import io.lineone.api.Session;
import io.lineone.api.Tier;
import io.lineone.api.User;
import java.net.ConnectException;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A backend in memory with one user and a book of merchants; a test may make any call fail next. */
public final class FakeBackend implements Backend, MerchantsApi, IssuesApi, ConversationApi, BellsApi, ListingsApi,
        FixesApi {

    public static final String LOGIN = "li.na";
    public static final String PASSWORD = "correct horse";
    public static final User USER = new User("u-1", LOGIN, "李娜", Role.MANAGER);

    private final List<Merchant> book = new ArrayList<>();
    /** The server's issues, by id; tests put and change them directly. */
    public final Map<String, Issue> issues = new LinkedHashMap<>();
    public final List<String> calls = new ArrayList<>();
    /** The server's releases and bells, by id; tests put and change them directly. */
    public final Map<String, Release> releases = new LinkedHashMap<>();
    public final Map<String, Bell> bells = new LinkedHashMap<>();
    public final List<BellMonth> metrics = new ArrayList<>();
    /** Each issue's conversation and notes, by issue id, oldest first; the saved replies. Tests change them too. */
    public final Map<String, List<IssueMessage>> messages = new LinkedHashMap<>();
    public final Map<String, List<IssueNote>> notes = new LinkedHashMap<>();
    public final List<ReplyTemplate> templates = new ArrayList<>();
    private int messageIds;
    /** The Idempotency-Key of every pull sent, in order, failed ones too. */
    public final List<String> pullKeys = new ArrayList<>();
    /** The listener of the last {@link #subscribe}, for a test to play the event stream. */
    public EventStream.Listener streamListener;
    public Long subscribedFrom;
    public boolean streamClosed;
    public int reconnectsAsked;
    public int loads;
    private BackendException nextFailure;
    private String token;
    public int signInCalls;
    public int signOutCalls;
    public int signOutEverywhereCalls;
    public String lastServerUrl;

    public FakeBackend withMerchants(List<Merchant> merchants) {
        book.clear();
        book.addAll(merchants);
        return this;
    }

    /** The next call throws this instead of answering. */
    public FakeBackend failNext(BackendException failure) {
        nextFailure = failure;
        return this;
    }

    public static BackendException status(int status) {
        return BackendException.problem("http://fake", new Problem(null, "HTTP " + status, status, null, List.of()));
    }

    public static BackendException unreachable() {
        return BackendException.unreachable("http://fake", new ConnectException("refused"));
    }

    private void maybeFail() throws BackendException {
        BackendException failure = nextFailure;
        nextFailure = null;
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Health health() throws BackendException {
        maybeFail();
        return new Health("UP", "0.1.0-test", "h2");
    }

    @Override
    public void speak(Locale language) {
        // Answers in no language of its own.
    }

    @Override
    public Health health(String serverUrl) throws BackendException {
        ServerUrl.normalize(serverUrl);
        return health();
    }

    @Override
    public Session signIn(String serverUrl, String login, String password) throws BackendException {
        signInCalls++;
        lastServerUrl = serverUrl;
        maybeFail();
        if (!LOGIN.equals(login) || !PASSWORD.equals(password)) {
            throw status(401);
        }
        token = "t-" + signInCalls;
        return new Session(token, Instant.parse("2030-01-01T00:00:00Z"), USER);
    }

    @Override
    public void signOut() throws BackendException {
        signOutCalls++;
        token = null;
        maybeFail();
    }

    @Override
    public void signOutEverywhere() throws BackendException {
        signOutEverywhereCalls++;
        maybeFail();
        token = null;
    }

    @Override
    public User me() throws BackendException {
        maybeFail();
        return USER;
    }

    @Override
    public Page<Merchant> merchants(String assigned, String q, Tier tier, String cursor, Integer limit)
            throws BackendException {
        maybeFail();
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int size = limit == null ? 50 : limit;
        int to = Math.min(book.size(), from + size);
        return new Page<>(List.copyOf(book.subList(from, to)), to < book.size() ? Integer.toString(to) : null);
    }

    // ---- The merchant book at program scale (issue 11) ----

    /** Scorecards and timelines by merchant id; tests put them. */
    public final Map<String, io.lineone.api.Scorecard> scorecards = new HashMap<>();
    public final Map<String, List<io.lineone.api.TimelineEntry>> timelines = new HashMap<>();

    @Override
    public io.lineone.api.MerchantFacets facets(String assigned) throws BackendException {
        maybeFail();
        calls.add("facets " + assigned);
        return new io.lineone.api.MerchantFacets(book.stream().map(Merchant::category).filter(Objects::nonNull)
                .distinct().sorted().toList(), book.stream().map(Merchant::region).filter(Objects::nonNull).distinct()
                .sorted().toList(), book.size());
    }

    @Override
    public io.lineone.api.Scorecard scorecard(String merchantId) throws BackendException {
        maybeFail();
        calls.add("scorecard " + merchantId);
        io.lineone.api.Scorecard card = scorecards.get(merchantId);
        return card != null ? card : new io.lineone.api.Scorecard(merchantId, null, null, List.of(), List.of());
    }

    @Override
    public Page<io.lineone.api.TimelineEntry> timeline(String merchantId, String cursor, Integer limit)
            throws BackendException {
        maybeFail();
        calls.add("timeline " + merchantId + " " + cursor);
        List<io.lineone.api.TimelineEntry> all = timelines.getOrDefault(merchantId, List.of());
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(all.size(), from + (limit == null ? 20 : limit));
        return new Page<>(List.copyOf(all.subList(from, to)), to < all.size() ? Integer.toString(to) : null);
    }

    @Override
    public Merchant reassign(String merchantId, String managerId) throws BackendException {
        maybeFail();
        calls.add("reassign " + merchantId + " " + managerId);
        Merchant m = merchant(merchantId);
        String name = managers.stream().filter(u -> u.id().equals(managerId)).map(User::displayName).findFirst()
                .orElse(managerId);
        Merchant moved = new Merchant(m.id(), m.name(), m.shopName(), m.tier(), m.category(), m.region(), managerId,
                name, m.metrics(), m.lighthouseScore(), m.band(), m.openIssues(), m.moneyAtRiskCents(),
                m.lastContactAt(), m.autoDeductionPaused(), m.version() + 1);
        book.replaceAll(x -> x.id().equals(merchantId) ? moved : x);
        return moved;
    }

    @Override
    public Merchant merchant(String id) throws BackendException {
        maybeFail();
        return book.stream().filter(m -> Objects.equals(m.id(), id)).findFirst()
                .orElseThrow(() -> status(404));
    }

    @Override
    public Page<IssueMessage> messages(String issueId, String cursor, Integer limit) throws BackendException {
        maybeFail();
        calls.add("messages " + issueId);
        return new Page<>(List.copyOf(messages.getOrDefault(issueId, List.of())), null);
    }

    @Override
    public IssueMessage sendMessage(String issueId, String text, String templateId, String idempotencyKey)
            throws BackendException {
        maybeFail();
        calls.add("send " + issueId + " " + text);
        Issue issue = issues.get(issueId);
        IssueMessage sent = new IssueMessage("sent-" + ++messageIds, issueId, issue == null ? "m-1" : issue.merchantId(),
                MessageDirection.OUTBOUND, USER.id(), USER.displayName(), text, templateId,
                Instant.parse("2026-11-23T08:00:00Z").plusSeconds(messageIds), DeliveryStatus.PENDING, null);
        messages.computeIfAbsent(issueId, id -> new ArrayList<>()).add(sent);
        return sent;
    }

    @Override
    public Page<IssueNote> notes(String issueId, String cursor, Integer limit) throws BackendException {
        maybeFail();
        calls.add("notes " + issueId);
        return new Page<>(List.copyOf(notes.getOrDefault(issueId, List.of())), null);
    }

    @Override
    public IssueNote addNote(String issueId, String text, String idempotencyKey) throws BackendException {
        maybeFail();
        calls.add("note " + issueId + " " + text);
        Issue issue = issues.get(issueId);
        IssueNote note = new IssueNote("note-" + ++messageIds, issueId, issue == null ? "m-1" : issue.merchantId(),
                USER.id(), USER.displayName(), text, Instant.parse("2026-11-23T08:00:00Z").plusSeconds(messageIds));
        notes.computeIfAbsent(issueId, id -> new ArrayList<>()).add(note);
        return note;
    }

    @Override
    public List<ReplyTemplate> replyTemplates(IssueCategory category) throws BackendException {
        maybeFail();
        calls.add("templates " + category);
        return templates.stream().filter(t -> t.category() == null || t.category() == category).toList();
    }

    @Override
    public Page<Issue> issues(IssueQuery query, String cursor, Integer limit) throws BackendException {
        maybeFail();
        loads++;
        calls.add("issues " + query.status());
        List<Issue> matching = issues.values().stream()
                .filter(i -> query.status() == null || !"OPEN".equals(query.status()) || i.status().isOpen())
                .toList();
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int size = limit == null ? 50 : limit;
        int to = Math.min(matching.size(), from + size);
        return new Page<>(List.copyOf(matching.subList(from, to)), to < matching.size() ? Integer.toString(to) : null);
    }

    @Override
    public Issue issue(String id) throws BackendException {
        maybeFail();
        calls.add("issue " + id);
        Issue issue = issues.get(id);
        if (issue == null) {
            throw status(404);
        }
        return issue;
    }

    @Override
    public List<IssueHistoryEntry> issueHistory(String id) throws BackendException {
        maybeFail();
        calls.add("history " + id);
        return List.of(new IssueHistoryEntry(Instant.parse("2026-11-23T06:00:00Z"), null, null, "created", null,
                IssueStatus.NEW, null, null));
    }

    @Override
    public Issue claimIssue(String id, long version) throws BackendException {
        calls.add("claim " + id + " v" + version);
        Issue issue = current(id, version);
        return put(Issues.with(issue).assignee(USER.id(), USER.displayName()).build());
    }

    @Override
    public Issue updateIssue(String id, IssuePatch patch, long version) throws BackendException {
        calls.add("patch " + id + " v" + version + " " + patch.status() + " " + patch.rootCause() + " " + patch.note());
        Issue issue = current(id, version);
        Issues.Builder next = Issues.with(issue);
        if (patch.status() != null) {
            next.status(patch.status());
        }
        if (patch.rootCause() != null) {
            next.rootCause(patch.rootCause());
        }
        return put(next.build());
    }

    private Issue current(String id, long version) throws BackendException {
        maybeFail();
        Issue issue = issues.get(id);
        if (issue == null) {
            throw status(404);
        }
        if (issue.version() != version) {
            throw status(412);
        }
        return issue;
    }

    private Issue put(Issue issue) {
        Issue next = Issues.with(issue).version(issue.version() + 1).build();
        issues.put(next.id(), next);
        return next;
    }

    /** The managers an issue may go to, and the team's load; tests fill them. */
    public final List<User> managers = new ArrayList<>();
    public final List<ManagerLoad> load = new ArrayList<>();
    /** Issue ids a step finds changed by someone else (answered 412 once). */
    public final Set<String> staleOnce = new HashSet<>();

    @Override
    public Issue createIssue(NewIssue request) throws BackendException {
        maybeFail();
        calls.add("create " + request.merchantId() + " " + request.priority() + " " + request.title());
        Merchant merchant = book.stream().filter(m -> m.id().equals(request.merchantId())).findFirst()
                .orElseThrow(() -> status(404));
        Issue issue = Issues.issue("i-new-" + (issues.size() + 1)).merchant(merchant.id(), merchant.name())
                .category(request.category()).priority(request.priority()).title(request.title())
                .manager(USER.id()).build();
        issues.put(issue.id(), issue);
        return issue;
    }

    @Override
    public Issue transferIssue(String id, IssueTransfer transfer, long version) throws BackendException {
        calls.add("transfer " + id + " v" + version + " " + transfer.managerId() + " " + transfer.note());
        Issue issue = step(id, version);
        String name = managers.stream().filter(u -> u.id().equals(transfer.managerId())).map(User::displayName)
                .findFirst().orElse(transfer.managerId());
        return put(Issues.with(issue).manager(transfer.managerId()).assignee(transfer.managerId(), name).build());
    }

    @Override
    public Issue changeIssuePriority(String id, PriorityChange change, long version) throws BackendException {
        calls.add("priority " + id + " v" + version + " " + change.priority() + " " + change.reason());
        return put(Issues.with(step(id, version)).priority(change.priority()).build());
    }

    @Override
    public Issue reopenIssue(String id, IssueReopen reopen, long version) throws BackendException {
        calls.add("reopen " + id + " v" + version + " " + reopen.reason());
        return put(Issues.with(step(id, version)).status(IssueStatus.IN_PROGRESS).resolvedAt(null).duplicateOf(null)
                .build());
    }

    @Override
    public Issue markDuplicate(String id, DuplicateLink link, long version) throws BackendException {
        calls.add("duplicate " + id + " v" + version + " of " + link.originalId());
        return put(Issues.with(step(id, version)).status(IssueStatus.RESOLVED).duplicateOf(link.originalId())
                .build());
    }

    private Issue step(String id, long version) throws BackendException {
        if (staleOnce.remove(id)) {
            Issue issue = issues.get(id);
            put(issue);
            throw status(412);
        }
        return current(id, version);
    }

    @Override
    public List<User> managers() throws BackendException {
        maybeFail();
        calls.add("managers");
        return List.copyOf(managers);
    }

    @Override
    public List<ManagerLoad> teamLoad() throws BackendException {
        maybeFail();
        calls.add("load");
        return List.copyOf(load);
    }

    @Override
    public Page<Release> releases(ReleaseStage stage, boolean mine, String cursor, Integer limit)
            throws BackendException {
        maybeFail();
        calls.add("releases");
        return new Page<>(releases.values().stream().filter(r -> stage == null || r.stage() == stage).toList(), null);
    }

    @Override
    public BellMetrics bellMetrics() throws BackendException {
        maybeFail();
        calls.add("bell metrics");
        return new BellMetrics(Bells.T0.minusSeconds(365L * 24 * 3600), Bells.T0, List.copyOf(metrics));
    }

    @Override
    public Release release(String id) throws BackendException {
        maybeFail();
        calls.add("release " + id);
        Release release = found(releases.get(id));
        List<Bell> its = bells.values().stream().filter(b -> b.releaseId().equals(id)).toList();
        List<Issue> linked = issues.values().stream().filter(i -> id.equals(i.releaseId())).toList();
        return Bells.detailed(release, its, linked);
    }

    @Override
    public Release advanceRelease(String id, ReleaseAdvance advance) throws BackendException {
        maybeFail();
        calls.add("advance " + id);
        return releases.get(id);
    }

    @Override
    public Page<Bell> bells(BellStatus status, String releaseId, boolean overdueOnly, String cursor, Integer limit)
            throws BackendException {
        maybeFail();
        calls.add("bells");
        return new Page<>(bells.values().stream().filter(b -> status == null || b.status() == status)
                .filter(b -> releaseId == null || b.releaseId().equals(releaseId)).toList(), null);
    }

    @Override
    public Bell bell(String id) throws BackendException {
        maybeFail();
        return found(bells.get(id));
    }

    /** What the server answers for an id it does not know. */
    private static <T> T found(T value) throws BackendException {
        if (value == null) {
            throw status(404);
        }
        return value;
    }

    @Override
    public Bell pullBell(String releaseId, NewBell request, String idempotencyKey) throws BackendException {
        pullKeys.add(idempotencyKey);
        calls.add("pull " + releaseId + " " + request.severity() + " " + request.evidenceIssueIds());
        maybeFail();
        Bell pulled = new Bell("b-" + (bells.size() + 1), releaseId, releases.get(releaseId).name(), USER.id(),
                USER.displayName(), request.reason(), request.severity(), BellStatus.OPEN, request.evidenceIssueIds(),
                1, 0, null, List.of(), Bells.T0, Bells.T0, Bells.T0.plusSeconds(900), null, null, null, false, 1);
        bells.put(pulled.id(), pulled);
        releases.computeIfPresent(releaseId, (id, r) -> Bells.withGate(r, Gate.BLOCKED));
        return pulled;
    }

    @Override
    public Bell stepBell(String id, BellAction action, String text) throws BackendException {
        calls.add(action.path() + " " + id + (text == null ? "" : " " + text));
        Bell bell = bell(id);
        BellStatus next = switch (action) {
            case ACKNOWLEDGE -> BellStatus.ACKNOWLEDGED;
            case FIXED -> BellStatus.FIXED;
            case RESOLVE -> BellStatus.RESOLVED;
            case REOPEN -> BellStatus.OPEN;
            case OVERRULE -> BellStatus.OVERRULED;
        };
        Bell after = Bells.step(bell, next, text, false);
        bells.put(id, after);
        return after;
    }

    @Override
    public Bell commentOnBell(String id, String text) throws BackendException {
        calls.add("comment " + id + " " + text);
        Bell bell = bell(id);
        Bell after = Bells.step(bell, bell.status(), text, bell.overdue());
        bells.put(id, after);
        return after;
    }

    @Override
    public Bell addBellEvidence(String id, List<String> issueIds) throws BackendException {
        calls.add("evidence " + id + " " + issueIds);
        return bell(id);
    }

    // ------------------------------------------------------------------ listings, fixes and the ledger

    /** The server's listings, by id; tests put and change them directly. */
    public final Map<String, Listing> listings = new LinkedHashMap<>();
    /** Each listing's prices, newest first. */
    public final Map<String, List<PricePoint>> prices = new HashMap<>();
    public final Map<String, MerchantCash> cash = new HashMap<>();
    /** The fixes that apply, by issue id and by listing id. */
    public final Map<String, List<FixOption>> issueFixes = new HashMap<>();
    public final Map<String, List<FixOption>> listingFixes = new HashMap<>();
    /** Every fix applied, newest first. */
    public final Map<String, Fix> fixes = new LinkedHashMap<>();
    /** The Idempotency-Key of every fix sent, in order, failed ones too. */
    public final List<String> fixKeys = new ArrayList<>();
    /** What a preview says the fix averts. */
    public long lossAvertedCents = 1_234_56;
    private final Map<String, Fix> fixByKey = new HashMap<>();

    @Override
    public Page<Listing> listings(String merchantId, String cursor, Integer limit) throws BackendException {
        maybeFail();
        calls.add("listings " + merchantId);
        return new Page<>(listings.values().stream().filter(l -> l.merchantId().equals(merchantId)).toList(), null);
    }

    @Override
    public Listing listing(String id) throws BackendException {
        maybeFail();
        return found(listings.get(id));
    }

    @Override
    public Page<PricePoint> listingPrices(String listingId, String cursor, Integer limit) throws BackendException {
        maybeFail();
        calls.add("prices " + listingId);
        return new Page<>(prices.getOrDefault(listingId, List.of()), null);
    }

    @Override
    public Page<Coupon> merchantCoupons(String merchantId, String cursor, Integer limit) throws BackendException {
        maybeFail();
        return new Page<>(List.of(), null);
    }

    @Override
    public MerchantCash merchantCash(String merchantId) throws BackendException {
        maybeFail();
        return cash.getOrDefault(merchantId, new MerchantCash(merchantId, 100_000_00, 0, false, false, Bells.T0, 1));
    }

    @Override
    public List<FixOption> fixOptions(String issueId, String listingId) throws BackendException {
        maybeFail();
        calls.add("options " + (issueId != null ? issueId : listingId));
        return issueId != null ? issueFixes.getOrDefault(issueId, List.of())
                : listingFixes.getOrDefault(listingId, List.of());
    }

    @Override
    public FixPreview previewFix(FixRequest request) throws BackendException {
        maybeFail();
        calls.add("preview " + request.kind() + " " + request.targetId());
        Listing listing = found(listings.get(request.targetId()));
        return new FixPreview(request.kind(), listing.id(), request.issueId(), listing.merchantId(),
                Map.of("status", listing.status().name()), Map.of("status", "DELISTED"), lossAvertedCents,
                listing.version());
    }

    @Override
    public Fix applyFix(NewFix request, String idempotencyKey) throws BackendException {
        fixKeys.add(idempotencyKey);
        calls.add("fix " + request.kind() + " " + request.targetId() + " v" + request.targetVersion());
        maybeFail();
        Fix replay = fixByKey.get(idempotencyKey);
        if (replay != null) {
            return replay;
        }
        Listing listing = found(listings.get(request.targetId()));
        if (listing.version() != request.targetVersion()) {
            throw status(412);
        }
        listings.put(listing.id(), Listings.with(listing, ListingStatus.DELISTED));
        Fix fix = new Fix("f-" + (fixes.size() + 1), request.kind(), listing.id(), listing.title(),
                listing.merchantId(), "张记茶庄", request.issueId(), USER.id(), USER.displayName(),
                Map.of("status", listing.status().name()), Map.of("status", "DELISTED"), lossAvertedCents,
                FixStatus.APPLIED, Bells.T0, null, Bells.T0.plus(Duration.ofHours(24)), 1);
        Map<String, Fix> newestFirst = new LinkedHashMap<>();
        newestFirst.put(fix.id(), fix);
        newestFirst.putAll(fixes);
        fixes.clear();
        fixes.putAll(newestFirst);
        fixByKey.put(idempotencyKey, fix);
        return fix;
    }

    @Override
    public Fix undoFix(String id) throws BackendException {
        calls.add("undo " + id);
        maybeFail();
        Fix fix = found(fixes.get(id));
        if (fix.status() == FixStatus.UNDONE) {
            throw status(409);
        }
        Listing listing = listings.get(fix.targetId());
        if (listing != null) {
            listings.put(listing.id(), Listings.with(listing, ListingStatus.LIVE));
        }
        Fix undone = new Fix(fix.id(), fix.kind(), fix.targetId(), fix.targetTitle(), fix.merchantId(),
                fix.merchantName(), fix.issueId(), fix.requestedBy(), fix.requestedByName(), fix.before(), fix.after(),
                fix.lossAvertedCents(), FixStatus.UNDONE, fix.appliedAt(), Bells.T0.plusSeconds(60), fix.undoableUntil(),
                fix.version() + 1);
        fixes.put(id, undone);
        return undone;
    }

    @Override
    public Page<Fix> fixes(String merchantId, String issueId, String cursor, Integer limit) throws BackendException {
        maybeFail();
        calls.add("fixes");
        return new Page<>(fixes.values().stream().filter(f -> merchantId == null || f.merchantId().equals(merchantId))
                .filter(f -> issueId == null || issueId.equals(f.issueId())).toList(), null);
    }

    @Override
    public Fix fix(String id) throws BackendException {
        maybeFail();
        return found(fixes.get(id));
    }

    /** Every applied fix counts, whatever the period (the fake keeps no calendar). */
    @Override
    public Ledger ledger(Instant from, Instant to, LedgerGroup groupBy) throws BackendException {
        maybeFail();
        calls.add("ledger " + groupBy.wire());
        List<Fix> applied = fixes.values().stream().filter(f -> f.status() == FixStatus.APPLIED).toList();
        Function<Fix, String> key = switch (groupBy) {
            case MERCHANT -> Fix::merchantName;
            case MANAGER -> Fix::requestedByName;
            case WEEK -> f -> "2026-11-23";
        };
        Map<String, List<Fix>> groups = applied.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new,
                Collectors.toList()));
        List<LedgerRow> rows = groups.entrySet().stream().map(e -> new LedgerRow(e.getKey(), e.getKey(),
                e.getValue().stream().mapToLong(Fix::lossAvertedCents).sum(), e.getValue().size())).toList();
        return new Ledger(from, to, groupBy.wire(), applied.stream().mapToLong(Fix::lossAvertedCents).sum(),
                applied.size(), rows);
    }

    @Override
    public EventStream subscribe(Long lastEventId, EventStream.Listener listener) {
        streamListener = listener;
        subscribedFrom = lastEventId;
        streamClosed = false;
        return new EventStream() {
            @Override
            public long lastEventId() {
                return 0;
            }

            @Override
            public void reconnectNow() {
                reconnectsAsked++;
            }

            @Override
            public void close() {
                streamClosed = true;
            }
        };
    }

    @Override
    public MerchantsApi merchants() {
        return this;
    }

    @Override
    public IssuesApi issues() {
        return this;
    }

    @Override
    public ConversationApi conversation() {
        return this;
    }

    @Override
    public BellsApi bells() {
        return this;
    }

    @Override
    public ListingsApi listings() {
        return this;
    }

    @Override
    public FixesApi fixes() {
        return this;
    }

    /** The insights the server tells, as a test sets them. */
    public final FakeInsights insightsSeen = new FakeInsights();

    @Override
    public InsightsApi insights() {
        return insightsSeen;
    }
}
