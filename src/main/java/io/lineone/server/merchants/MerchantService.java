package io.lineone.server.merchants;

import io.lineone.api.AssigneeChange;
import io.lineone.api.Band;
import io.lineone.api.EventTypes;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantFacets;
import io.lineone.api.MerchantMetrics;
import io.lineone.api.MerchantSort;
import io.lineone.api.NewMerchant;
import io.lineone.api.Page;
import io.lineone.api.Role;
import io.lineone.api.Scorecard;
import io.lineone.api.Tier;
import io.lineone.api.TimelineEntry;
import io.lineone.api.User;
import io.lineone.server.audit.Audit;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.auth.UserStore;
import io.lineone.server.auth.Visibility;
import io.lineone.server.core.Caller;
import io.lineone.server.core.DomainException;
import io.lineone.server.core.Ids;
import io.lineone.server.core.Validation;
import io.lineone.server.db.Database;
import io.lineone.server.db.Tx;
import io.lineone.server.events.EventLog;
import io.lineone.server.events.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Merchants and who may see them: a MANAGER sees only the book assigned to them. */
public final class MerchantService {

    /** Which merchants a list asks for. */
    public enum Scope { ME, ALL }

    /** The filters and order of {@code GET /merchants}; null filters match everything. */
    public record Filter(Scope scope, String managerId, String text, Tier tier, Band band, String category,
                         String region, Boolean scored, MerchantSort sort, boolean descending) {

        /** Everything the caller sees of {@code scope}, in name order. */
        public static Filter of(Scope scope) {
            return new Filter(scope, null, null, null, null, null, null, null, MerchantSort.NAME, false);
        }
    }

    /** The score history a scorecard draws: about three months of daily points. */
    static final int HISTORY_POINTS = 90;

    private final Database db;
    private final MerchantStore merchants;
    private final UserStore users;
    private final AuditLog audit;
    private final Lighthouse lighthouse;
    private final EventLog events;
    private final EventPublisher publisher;
    private final MerchantTimelineStore timeline;
    private final Clock clock;

    public MerchantService(Database db, MerchantStore merchants, UserStore users, AuditLog audit,
                           Lighthouse lighthouse, EventLog events, EventPublisher publisher, Clock clock) {
        this.db = db;
        this.merchants = merchants;
        this.users = users;
        this.audit = audit;
        this.lighthouse = lighthouse;
        this.events = events;
        this.publisher = publisher;
        this.timeline = new MerchantTimelineStore(db);
        this.clock = clock;
    }

    /** Without a live stream to tell: for the demo seed's tests. */
    public MerchantService(Database db, MerchantStore merchants, UserStore users, AuditLog audit,
                           Lighthouse lighthouse, Clock clock) {
        this(db, merchants, users, audit, lighthouse, new EventLog(db), EventPublisher.NONE, clock);
    }

    public Merchant create(Caller caller, NewMerchant request) {
        caller.require(Role.ADMIN);
        return insert(caller, List.of(request)).get(0);
    }

    /** For the demo seed, which has no signed-in caller: all of them in one transaction, so a first launch is quick. */
    public List<Merchant> createUnchecked(Caller caller, List<NewMerchant> requests) {
        return insert(caller, requests);
    }

    private List<Merchant> insert(Caller caller, List<NewMerchant> requests) {
        requests.forEach(MerchantService::validate);
        Instant now = now();
        return db.inTransaction(tx -> {
            List<Merchant> created = new ArrayList<>(requests.size());
            for (NewMerchant request : requests) {
                String managerName = null;
                if (request.assignedManagerId() != null) {
                    managerName = requireManager(users.find(tx, request.assignedManagerId()).orElse(null),
                            "assignedManagerId").displayName();
                }
                Merchant merchant = merchant(request, managerName);
                merchants.insert(tx, merchant, now);
                audit.append(tx, Audit.entry(caller, "merchant.create", "merchant", merchant.id(), null, merchant, now));
                created.add(merchant);
            }
            return created;
        });
    }

    /** One merchant of a seed, with its metrics over time, oldest first; the last are its metrics now. */
    public record Seeded(NewMerchant merchant, List<MetricsAt> history) {
    }

    /** Metrics a merchant had at a time. */
    public record MetricsAt(Instant at, MerchantMetrics metrics) {
    }

    /**
     * For the demo seed: many merchants with their score histories in JDBC batches in one transaction, without
     * audit entries (nobody did it) — 50,000 merchants in seconds.
     */
    public List<Merchant> seedUnchecked(List<Seeded> seeds) {
        seeds.forEach(seed -> validate(seed.merchant()));
        Instant now = now();
        return db.inTransaction(tx -> {
            Map<String, String> managerNames = new HashMap<>();
            List<Merchant> created = new ArrayList<>(seeds.size());
            List<List<MerchantStore.ScoredMetrics>> histories = new ArrayList<>(seeds.size());
            for (Seeded seed : seeds) {
                String managerId = seed.merchant().assignedManagerId();
                String managerName = managerId == null ? null : managerNames.computeIfAbsent(managerId,
                        id -> requireManager(users.find(tx, id).orElse(null), "assignedManagerId").displayName());
                created.add(merchant(seed.merchant(), managerName));
                histories.add(seed.history().stream().map(point -> new MerchantStore.ScoredMetrics(point.at(),
                        lighthouse.score(point.metrics()), point.metrics())).toList());
            }
            merchants.insertBatch(tx, created, now, histories);
            return created;
        });
    }

    private Merchant merchant(NewMerchant request, String managerName) {
        Integer score = request.metrics() == null ? null : lighthouse.score(request.metrics());
        return new Merchant(Ids.next("mer"), request.name().strip(), request.shopName().strip(),
                request.tier(), request.category().strip(), request.region().strip(), request.assignedManagerId(),
                managerName, request.metrics(), score, score == null ? null : Band.of(score), 0, 0, null, false, 1);
    }

    /** The score and band {@code metrics} give, for a seed that writes merchants in bulk. */
    public int score(MerchantMetrics metrics) {
        return lighthouse.score(metrics);
    }

    /** A merchant the caller may see; any other answers NOT_FOUND, so its existence is not revealed. */
    public Merchant get(Caller caller, String id) {
        return merchants.find(id).filter(m -> Visibility.seesBookOf(caller, m.assignedManagerId()))
                .orElseThrow(() -> DomainException.notFound("merchant", id));
    }

    public Page<Merchant> list(Caller caller, Filter filter, String cursor, int limit) {
        Visibility shown = shown(caller, filter.scope());
        String managerId = filter.managerId() == null || filter.managerId().isBlank() ? null : filter.managerId().strip();
        if (managerId != null && caller.is(Role.MANAGER) && !managerId.equals(caller.id())) {
            throw DomainException.of(DomainException.Kind.FORBIDDEN, "merchant.managerSeesOwnBook");
        }
        MerchantSort sort = filter.sort() == null ? MerchantSort.NAME : filter.sort();
        MerchantCursor after = MerchantCursor.parse(cursor, sort, filter.descending());
        String text = filter.text() == null || filter.text().isBlank() ? null : filter.text();
        List<Merchant> rows = merchants.list(new MerchantStore.Query(shown, managerId, text, filter.tier(),
                filter.band(), blankToNull(filter.category()), blankToNull(filter.region()), filter.scored(), sort,
                filter.descending(), after, limit + 1));
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        Merchant last = rows.get(limit - 1);
        return new Page<>(List.copyOf(rows.subList(0, limit)), new MerchantCursor(sort, filter.descending(),
                last.id(), MerchantStore.sortValue(sort, last)).encode());
    }

    /** The categories and regions the caller's merchants have, for the filter menus. */
    public MerchantFacets facets(Caller caller, Scope scope) {
        return merchants.facets(shown(caller, scope));
    }

    private static Visibility shown(Caller caller, Scope scope) {
        Scope effective = scope != null ? scope : caller.is(Role.MANAGER) ? Scope.ME : Scope.ALL;
        if (caller.is(Role.PRODUCT_OWNER)) {
            throw DomainException.of(DomainException.Kind.FORBIDDEN, "merchant.productOwnerHasNoBook");
        }
        if (effective == Scope.ALL && caller.is(Role.MANAGER)) {
            throw DomainException.of(DomainException.Kind.FORBIDDEN, "merchant.managerSeesOwnBook");
        }
        return effective == Scope.ME ? Visibility.bookOf(caller.id()) : Visibility.of(caller);
    }

    /** Each metric against its target and the score's trend; an unscored merchant's card is empty. */
    public Scorecard scorecard(Caller caller, String id) {
        Merchant merchant = get(caller, id);
        if (merchant.metrics() == null) {
            return new Scorecard(id, null, null, List.of(), List.of());
        }
        return new Scorecard(id, merchant.lighthouseScore(), merchant.band(), lighthouse.scorecard(merchant.metrics()),
                merchants.scoreHistory(id, HISTORY_POINTS));
    }

    /**
     * The merchant's timeline, newest first: for anyone who sees the merchant; internal notes not for the
     * marketplace feed's SERVICE account, like their events.
     */
    public Page<TimelineEntry> timeline(Caller caller, String id, String cursor, int limit) {
        get(caller, id);
        MerchantTimelineStore.After after = timelineCursor(cursor);
        List<TimelineEntry> rows = timeline.page(id, !caller.is(Role.SERVICE), after, limit + 1);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        TimelineEntry last = rows.get(limit - 1);
        String next = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (last.at() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
        return new Page<>(List.copyOf(rows.subList(0, limit)), next);
    }

    private static MerchantTimelineStore.After timelineCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            if (parts.length == 2 && !parts[1].isEmpty()) {
                return new MerchantTimelineStore.After(Instant.parse(parts[0]), parts[1]);
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // refused below
        }
        throw DomainException.invalid("cursor", "is not a cursor this server issued");
    }

    /** New metrics from the marketplace feed (SERVICE, ADMIN): the merchant is scored again and the point kept. */
    public Merchant updateMetrics(Caller caller, String id, MerchantMetrics metrics) {
        caller.require(Role.SERVICE, Role.ADMIN);
        Validation v = new Validation().required("metrics", metrics);
        validate(v, metrics, "");
        v.throwIfInvalid();
        Merchant before = get(caller, id);
        int score = lighthouse.score(metrics);
        Instant now = now();
        return change(caller, before, "merchant.metrics",
                tx -> merchants.updateMetrics(tx, id, metrics, score, Band.of(score), before.version(), now), null, now);
    }

    public Merchant reassign(Caller caller, String id, AssigneeChange change) {
        caller.require(Role.SUPERVISOR, Role.ADMIN);
        new Validation().text("managerId", change.managerId(), 40).throwIfInvalid();
        Merchant before = merchants.find(id).orElseThrow(() -> DomainException.notFound("merchant", id));
        requireManager(users.find(change.managerId()).orElse(null), "managerId");
        if (change.managerId().equals(before.assignedManagerId())) {
            return before;
        }
        return change(caller, before, "merchant.reassign",
                tx -> merchants.updateAssignee(tx, id, change.managerId(), before.version()),
                before.assignedManagerId(), now());
    }

    /**
     * Writes a change to the merchant's row at the version read, its audit entry and its {@code merchant.updated}
     * event in one transaction. The event goes to the merchant's manager now and, after a reassignment, in a second
     * event to the previous one too, so their console drops the merchant (replay keeps that second event theirs).
     */
    private Merchant change(Caller caller, Merchant before, String action, Predicate<Tx> write,
                            String previousManagerId, Instant now) {
        record Outcome(Merchant merchant, List<EventLog.StoredEvent> committed) {
        }
        Outcome outcome = db.inTransaction(tx -> {
            if (!write.test(tx)) {
                throw DomainException.of(DomainException.Kind.CONFLICT, "merchant.changedMeanwhile");
            }
            Merchant after = merchants.find(tx, before.id()).orElseThrow();
            audit.append(tx, Audit.entry(caller, action, "merchant", before.id(), before, after, now));
            List<EventLog.NewEvent> news = new ArrayList<>();
            news.add(EventLog.NewEvent.of(EventTypes.MERCHANT_UPDATED, after.id(), after.assignedManagerId(), after, now));
            if (previousManagerId != null && !previousManagerId.equals(after.assignedManagerId())) {
                news.add(EventLog.NewEvent.of(EventTypes.MERCHANT_UPDATED, after.id(), previousManagerId, after, now));
            }
            return new Outcome(after, events.append(tx, news));
        });
        publisher.published(outcome.committed());
        return outcome.merchant();
    }

    /** Locks a merchant for the rest of the transaction (see {@link MerchantStore#lock}); NOT_FOUND if unknown. */
    public Merchant lockIn(Tx tx, String id) {
        return merchants.lock(tx, id).orElseThrow(() -> DomainException.notFound("merchant", id));
    }

    /**
     * Pauses or resumes the merchant's automatic deduction inside the caller's transaction (a fix or its undo),
     * writing the audit entry; returns the merchant after and its {@code merchant.updated} event for the caller to
     * append last, or empty if the merchant is no longer at {@code expectedVersion}.
     */
    public Optional<Committable> setAutoDeductionPausedIn(Tx tx, Caller caller, String id, boolean paused,
                                                          long expectedVersion, Instant now) {
        Merchant before = merchants.find(tx, id).orElseThrow(() -> DomainException.notFound("merchant", id));
        if (!merchants.updateAutoDeductionPaused(tx, id, paused, expectedVersion)) {
            return Optional.empty();
        }
        Merchant after = merchants.find(tx, id).orElseThrow();
        audit.append(tx, Audit.entry(caller, "merchant.autoDeduction", "merchant", id, before, after, now));
        return Optional.of(new Committable(after, EventLog.NewEvent.of(EventTypes.MERCHANT_UPDATED, id,
                after.assignedManagerId(), after, now)));
    }

    /** A merchant changed in another feature's transaction, and the event that transaction must append. */
    public record Committable(Merchant merchant, EventLog.NewEvent event) {
    }

    /** A merchant by id whoever asks: for another feature's service that has its own reason to look. */
    public Optional<Merchant> find(String id) {
        return merchants.find(id);
    }

    private static User requireManager(User user, String field) {
        if (user == null || user.role() != Role.MANAGER) {
            throw DomainException.invalid(field, "must be the id of a user with the role MANAGER");
        }
        return user;
    }

    private static void validate(NewMerchant request) {
        Validation v = new Validation()
                .text("name", request.name(), 200)
                .text("shopName", request.shopName(), 200)
                .required("tier", request.tier())
                .text("category", request.category(), 100)
                .text("region", request.region(), 100);
        if (request.assignedManagerId() != null) {
            v.text("assignedManagerId", request.assignedManagerId(), 40);
        }
        validate(v, request.metrics(), "metrics.");
        v.throwIfInvalid();
    }

    /** The metrics' ranges; no metrics at all is valid here (a merchant without service history yet). */
    private static void validate(Validation v, MerchantMetrics m, String prefix) {
        if (m != null) {
            v.range(prefix + "shippingHours", m.shippingHours(), 0, 24 * 90)
                    .range(prefix + "preSaleResponseSeconds", m.preSaleResponseSeconds(), 0, 86_400 * 7)
                    .range(prefix + "afterSaleResponseSeconds", m.afterSaleResponseSeconds(), 0, 86_400 * 7)
                    .range(prefix + "dsr", m.dsr(), 1, 5)
                    .range(prefix + "disputeRate", m.disputeRate(), 0, 1);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
