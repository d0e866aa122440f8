package io.lineone.server.releases;

import io.lineone.api.Bell;
import io.lineone.api.BellStatus;
import io.lineone.api.Release;
import io.lineone.api.Role;
import io.lineone.server.core.Caller;
import io.lineone.server.core.DomainException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The steps of a bell, each open to one party only: the release owner acknowledges and marks fixed; the one who
 * pulled it, or a supervisor, resolves or reopens; a supervisor overrules. The problem stops the line, not the
 * person who pulled: nobody else can make a bell go away.
 */
enum BellWorkflow {
    ACKNOWLEDGE("acknowledge", EnumSet.of(BellStatus.OPEN), BellStatus.ACKNOWLEDGED),
    FIXED("fixed", EnumSet.of(BellStatus.ACKNOWLEDGED), BellStatus.FIXED),
    RESOLVE("resolve", EnumSet.of(BellStatus.FIXED), BellStatus.RESOLVED),
    REOPEN("reopen", EnumSet.of(BellStatus.FIXED), BellStatus.OPEN),
    OVERRULE("overrule", EnumSet.of(BellStatus.OPEN, BellStatus.ACKNOWLEDGED, BellStatus.FIXED), BellStatus.OVERRULED);

    private final String path;
    private final Set<BellStatus> from;
    private final BellStatus to;

    BellWorkflow(String path, Set<BellStatus> from, BellStatus to) {
        this.path = path;
        this.from = from;
        this.to = to;
    }

    /** The last segment of the step's route, {@code POST /bells/{id}/<path>}, and the step a note is filed under. */
    String path() {
        return path;
    }

    /** FORBIDDEN unless the caller is the party this step belongs to. */
    void requireParty(Caller caller, Bell bell, Release release) {
        boolean allowed = switch (this) {
            case ACKNOWLEDGE, FIXED -> caller.id().equals(release.ownerId());
            case RESOLVE, REOPEN -> caller.id().equals(bell.pulledBy()) || caller.is(Role.SUPERVISOR);
            case OVERRULE -> caller.is(Role.SUPERVISOR);
        };
        if (!allowed) {
            throw switch (this) {
                case ACKNOWLEDGE, FIXED -> DomainException.of(DomainException.Kind.FORBIDDEN, "bell.ownerOnly",
                        release.ownerName(), this);
                case RESOLVE, REOPEN -> DomainException.of(DomainException.Kind.FORBIDDEN, "bell.pullerOnly",
                        bell.pulledByName(), this);
                case OVERRULE -> DomainException.of(DomainException.Kind.FORBIDDEN, "bell.supervisorOnly");
            };
        }
    }

    /** The bell after the step at {@code now}; CONFLICT from a state the step does not start from. */
    Bell apply(Bell b, String justification, Instant now, BellPolicy policy) {
        if (!from.contains(b.status())) {
            throw DomainException.of(DomainException.Kind.CONFLICT, "bell.wrongState." + name(), b.status());
        }
        Instant due = this == REOPEN ? policy.acknowledgeDue(b.severity(), now) : b.acknowledgeDueAt();
        Instant acknowledged = switch (this) {
            case ACKNOWLEDGE -> now;
            case REOPEN -> null;
            default -> b.acknowledgedAt();
        };
        Instant fixed = this == FIXED ? now : this == REOPEN ? null : b.fixedAt();
        Instant closed = to == BellStatus.RESOLVED || to == BellStatus.OVERRULED ? now : b.closedAt();
        return new Bell(b.id(), b.releaseId(), b.releaseName(), b.pulledBy(), b.pulledByName(), b.reason(),
                b.severity(), to, b.evidenceIssueIds(), b.impactedMerchants(), b.moneyAtRiskCents(),
                this == OVERRULE ? justification : b.justification(), b.comments(), b.createdAt(), now, due,
                acknowledged, fixed, closed, to == BellStatus.OPEN && !now.isBefore(due), b.version() + 1);
    }

}
