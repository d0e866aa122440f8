package io.lineone.server.releases;

import io.lineone.api.EventTypes;
import io.lineone.api.Gate;
import io.lineone.api.NewRelease;
import io.lineone.api.Page;
import io.lineone.api.Release;
import io.lineone.api.ReleaseAdvance;
import io.lineone.api.ReleaseStage;
import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.server.audit.Audit;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.auth.UserStore;
import io.lineone.server.core.Caller;
import io.lineone.server.core.Cursor;
import io.lineone.server.core.DomainException;
import io.lineone.server.core.Ids;
import io.lineone.server.core.Validation;
import io.lineone.server.db.Database;
import io.lineone.server.events.Committed;
import io.lineone.server.events.EventLog;
import io.lineone.server.events.EventPublisher;
import io.lineone.server.issues.IssueService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Releases: created by an ADMIN for a PRODUCT_OWNER, read by everyone signed in, moved on by their owner — but
 * not past a bell. While the gate is BLOCKED the owner may only step back (less exposure, or roll back).
 */
public final class ReleaseService {

    /** Whose releases a list asks for. */
    public enum Owner { ME }

    private static final int DETAIL_ISSUES = 500;
    private static final int DETAIL_BELLS = 200;

    private final Database db;
    private final ReleaseStore releases;
    private final BellStore bells;
    private final UserStore users;
    private final IssueService issues;
    private final EventLog events;
    private final AuditLog audit;
    private final EventPublisher publisher;
    private final Clock clock;

    public ReleaseService(Database db, ReleaseStore releases, BellStore bells, UserStore users, IssueService issues,
                          EventLog events, AuditLog audit, EventPublisher publisher, Clock clock) {
        this.db = db;
        this.releases = releases;
        this.bells = bells;
        this.users = users;
        this.issues = issues;
        this.events = events;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Release create(Caller caller, NewRelease request) {
        caller.require(Role.ADMIN);
        return createUnchecked(caller, request, ReleaseStage.PLANNED, 0);
    }

    /** For the demo seed: a release already on its way. */
    public Release createUnchecked(Caller caller, NewRelease request, ReleaseStage stage, int exposurePercent) {
        Validation v = new Validation()
                .text("productArea", request.productArea(), 100)
                .text("name", request.name(), 200)
                .text("version", request.version(), 40)
                .text("ownerId", request.ownerId(), 40);
        v.throwIfInvalid();
        User owner = users.find(request.ownerId()).orElse(null);
        if (owner == null || owner.role() != Role.PRODUCT_OWNER) {
            throw DomainException.invalid("ownerId", "must be the id of a PRODUCT_OWNER");
        }
        Instant now = now();
        Release release = new Release(Ids.next("rel"), request.productArea().strip(), request.name().strip(),
                request.version().strip(), owner.id(), owner.displayName(), stage, exposurePercent, Gate.OPEN, 0,
                stage == ReleaseStage.PLANNED ? null : now, now, now, null, null);
        return db.inTransaction(tx -> {
            releases.insert(tx, release);
            audit.append(tx, Audit.entry(caller, "release.create", "release", release.id(), null, release, now));
            return new Committed<>(release, events.append(tx,
                    List.of(EventLog.NewEvent.global(EventTypes.RELEASE_UPDATED, release, now))));
        }).publishTo(publisher);
    }

    public Page<Release> list(Caller caller, ReleaseStage stage, Owner owner, Cursor cursor, int limit) {
        String ownerId = owner == Owner.ME ? caller.id() : null;
        return Cursor.page(releases.list(new ReleaseStore.Query(stage, ownerId, cursor.afterId(), limit + 1)), limit,
                Release::id);
    }

    /** A release with its bells and the issues naming it that the caller may see. */
    public Release get(Caller caller, String id) {
        Release r = find(id);
        return new Release(r.id(), r.productArea(), r.name(), r.version(), r.ownerId(), r.ownerName(), r.stage(),
                r.exposurePercent(), r.gate(), r.blockingBells(), r.startedAt(), r.createdAt(), r.updatedAt(),
                bells.list(new BellStore.Query(null, id, false, null, DETAIL_BELLS), now()),
                issues.linkedTo(caller, id, DETAIL_ISSUES));
    }

    /** Every release in one stage, oldest first (a demo has a handful). */
    public List<Release> inStage(ReleaseStage stage) {
        return releases.list(new ReleaseStore.Query(stage, null, null, 500));
    }

    Release find(String id) {
        return releases.find(id).map(ReleaseStore.Row::release)
                .orElseThrow(() -> DomainException.notFound("release", id));
    }

    /**
     * Moves a release to a new stage and/or exposure: its owner only. Reaching LIVE means all of it; rolling back,
     * none. Forward is refused with CONFLICT while a bell blocks it.
     */
    public Release advance(Caller caller, String id, ReleaseAdvance request) {
        Release current = find(id);
        if (!caller.id().equals(current.ownerId())) {
            throw DomainException.of(DomainException.Kind.FORBIDDEN, "release.ownerOnly", current.ownerName());
        }
        validate(request);
        Instant now = now();
        return db.inTransaction(tx -> {
            ReleaseStore.Row row = releases.lock(tx, id).orElseThrow(() -> DomainException.notFound("release", id));
            Release before = row.release();
            Release moved = ReleaseRules.advance(before, request, now);
            if (moved.equals(before)) {
                return new Committed<>(before, List.<EventLog.StoredEvent>of());
            }
            releases.update(tx, id, moved.stage(), moved.exposurePercent(), moved.startedAt(), now, row.rowVersion());
            audit.append(tx, Audit.entry(caller, "release.advance", "release", id, before, moved, now));
            return new Committed<>(moved, events.append(tx,
                    List.of(EventLog.NewEvent.global(EventTypes.RELEASE_UPDATED, moved, now))));
        }).publishTo(publisher);
    }

    private static void validate(ReleaseAdvance request) {
        Validation v = new Validation();
        if (request.stage() == null && request.exposurePercent() == null) {
            v.add("body", "must set stage, exposurePercent or both");
        }
        if (request.exposurePercent() != null) {
            v.range("exposurePercent", request.exposurePercent(), 0, 100);
        }
        v.throwIfInvalid();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
