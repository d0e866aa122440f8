package io.lineone.server.merchants;

import io.lineone.api.AssigneeChange;
import io.lineone.api.Band;
import io.lineone.api.EventTypes;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantMetrics;
import io.lineone.api.NewMerchant;
import io.lineone.api.Page;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.api.User;
import io.lineone.server.audit.Audit;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.auth.UserStore;
import io.lineone.server.auth.Visibility;
import io.lineone.server.core.Caller;
import io.lineone.server.core.Cursor;
import io.lineone.server.core.DomainException;
import io.lineone.server.core.Ids;
import io.lineone.server.core.Validation;
import io.lineone.server.db.Database;
import io.lineone.server.db.Tx;
import io.lineone.server.events.EventLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Merchants and who may see them: a MANAGER sees only the book assigned to them. */
public final class MerchantService {

    /** Which merchants a list asks for. */
    public enum Scope { ME, ALL }

    private final Database db;
    private final MerchantStore merchants;
    private final UserStore users;
    private final AuditLog audit;
    private final Lighthouse lighthouse;
    private final Clock clock;

    public MerchantService(Database db, MerchantStore merchants, UserStore users, AuditLog audit,
                           Lighthouse lighthouse, Clock clock) {
        this.db = db;
        this.merchants = merchants;
        this.users = users;
        this.audit = audit;
        this.lighthouse = lighthouse;
        this.clock = clock;
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
        Instant now = clock.instant();
        List<Merchant> created = requests.stream().map(this::merchant).toList();
        return db.inTransaction(tx -> {
            for (Merchant merchant : created) {
                if (merchant.assignedManagerId() != null) {
                    requireManager(users.find(tx, merchant.assignedManagerId()).orElse(null), "assignedManagerId");
                }
                merchants.insert(tx, merchant, now);
                audit.append(tx, Audit.entry(caller, "merchant.create", "merchant", merchant.id(), null, merchant, now));
            }
            return created;
        });
    }

    private Merchant merchant(NewMerchant request) {
        int score = lighthouse.score(request.metrics());
        return new Merchant(Ids.next("mer"), request.name().strip(), request.shopName().strip(),
                request.tier(), request.category().strip(), request.region().strip(), request.assignedManagerId(),
                request.metrics(), score, Band.of(score), false, 1);
    }

    /** A merchant the caller may see; any other answers NOT_FOUND, so its existence is not revealed. */
    public Merchant get(Caller caller, String id) {
        return merchants.find(id).filter(m -> Visibility.seesBookOf(caller, m.assignedManagerId()))
                .orElseThrow(() -> DomainException.notFound("merchant", id));
    }

    public Page<Merchant> list(Caller caller, Scope scope, String text, Tier tier, Band band, Cursor cursor, int limit) {
        Scope effective = scope != null ? scope : caller.is(Role.MANAGER) ? Scope.ME : Scope.ALL;
        if (caller.is(Role.PRODUCT_OWNER)) {
            throw DomainException.of(DomainException.Kind.FORBIDDEN, "merchant.productOwnerHasNoBook");
        }
        if (effective == Scope.ALL && caller.is(Role.MANAGER)) {
            throw DomainException.of(DomainException.Kind.FORBIDDEN, "merchant.managerSeesOwnBook");
        }
        Visibility shown = effective == Scope.ME ? Visibility.bookOf(caller.id()) : Visibility.of(caller);
        List<Merchant> rows = merchants.list(
                new MerchantStore.Query(shown, text, tier, band, cursor.afterId(), limit + 1));
        return Cursor.page(rows, limit, Merchant::id);
    }

    public Merchant reassign(Caller caller, String id, AssigneeChange change) {
        caller.require(Role.SUPERVISOR, Role.ADMIN);
        new Validation().text("managerId", change.managerId(), 40).throwIfInvalid();
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            Merchant before = merchants.find(tx, id).orElseThrow(() -> DomainException.notFound("merchant", id));
            requireManager(users.find(tx, change.managerId()).orElse(null), "managerId");
            if (change.managerId().equals(before.assignedManagerId())) {
                return before;
            }
            if (!merchants.updateAssignee(tx, id, change.managerId(), before.version())) {
                throw DomainException.of(DomainException.Kind.CONFLICT, "merchant.reassignRace");
            }
            Merchant after = merchants.find(tx, id).orElseThrow();
            audit.append(tx, Audit.entry(caller, "merchant.reassign", "merchant", id, before, after, now));
            return after;
        });
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

    private static void requireManager(User user, String field) {
        if (user == null || user.role() != Role.MANAGER) {
            throw DomainException.invalid(field, "must be the id of a user with the role MANAGER");
        }
    }

    private static void validate(NewMerchant request) {
        Validation v = new Validation()
                .text("name", request.name(), 200)
                .text("shopName", request.shopName(), 200)
                .required("tier", request.tier())
                .text("category", request.category(), 100)
                .text("region", request.region(), 100)
                .required("metrics", request.metrics());
        if (request.assignedManagerId() != null) {
            v.text("assignedManagerId", request.assignedManagerId(), 40);
        }
        MerchantMetrics m = request.metrics();
        if (m != null) {
            v.range("metrics.shippingHours", m.shippingHours(), 0, 24 * 90)
                    .range("metrics.preSaleResponseSeconds", m.preSaleResponseSeconds(), 0, 86_400 * 7)
                    .range("metrics.afterSaleResponseSeconds", m.afterSaleResponseSeconds(), 0, 86_400 * 7)
                    .range("metrics.dsr", m.dsr(), 1, 5)
                    .range("metrics.disputeRate", m.disputeRate(), 0, 1);
        }
        v.throwIfInvalid();
    }
}
