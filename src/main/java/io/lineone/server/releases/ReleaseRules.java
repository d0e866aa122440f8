package io.lineone.server.releases;

import io.lineone.api.Gate;
import io.lineone.api.Release;
import io.lineone.api.ReleaseAdvance;
import io.lineone.api.ReleaseStage;
import io.lineone.server.core.DomainException;
import java.time.Instant;

/**
 * How a release may move: forward PLANNED → ROLLING_OUT → LIVE, back to ROLLED_BACK from anywhere, never out of
 * ROLLED_BACK. A blocked gate (the line is stopped) refuses every step forward — a later stage or more exposure —
 * and still lets the owner step back.
 */
final class ReleaseRules {

    private ReleaseRules() {
    }

    /** The release after the step, or the same release when the step changes nothing. */
    static Release advance(Release before, ReleaseAdvance step, Instant now) {
        ReleaseStage stage = step.stage() != null ? step.stage() : before.stage();
        int exposure = step.exposurePercent() != null ? step.exposurePercent() : before.exposurePercent();
        if (before.stage() == ReleaseStage.ROLLED_BACK && stage != ReleaseStage.ROLLED_BACK) {
            throw DomainException.of(DomainException.Kind.CONFLICT, "release.rolledBackIsFinal");
        }
        if (stage.ordinal() < before.stage().ordinal() && stage != ReleaseStage.ROLLED_BACK) {
            throw DomainException.of(DomainException.Kind.CONFLICT, "release.noGoingBack", before.stage(), stage);
        }
        Integer fixed = switch (stage) {
            case LIVE -> 100;
            case PLANNED, ROLLED_BACK -> 0;
            case ROLLING_OUT -> null;
        };
        if (fixed != null) {
            if (step.exposurePercent() != null && step.exposurePercent() != fixed.intValue()) {
                throw DomainException.invalid("exposurePercent", "must be " + fixed + " when " + stage);
            }
            exposure = fixed;
        }
        boolean forward = (stage != ReleaseStage.ROLLED_BACK && stage.ordinal() > before.stage().ordinal())
                || exposure > before.exposurePercent();
        if (forward && before.gate() == Gate.BLOCKED) {
            throw DomainException.of(DomainException.Kind.CONFLICT, "release.blocked", before.blockingBells());
        }
        if (stage == before.stage() && exposure == before.exposurePercent()) {
            return before;
        }
        Instant startedAt = before.startedAt() == null && stage != ReleaseStage.PLANNED ? now : before.startedAt();
        return new Release(before.id(), before.productArea(), before.name(), before.version(), before.ownerId(),
                before.ownerName(), stage, exposure, before.gate(), before.blockingBells(), startedAt,
                before.createdAt(), now, null, null);
    }
}
