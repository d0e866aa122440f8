package io.lineone.client.net;

import io.lineone.api.Bell;
import io.lineone.api.BellComment;
import io.lineone.api.BellSeverity;
import io.lineone.api.BellStatus;
import io.lineone.api.Gate;
import io.lineone.api.Issue;
import io.lineone.api.Release;
import io.lineone.api.ReleaseStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Releases and bells for tests, with only what a test cares about to say. */
public final class Bells {

    public static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    private Bells() {
    }

    public static Release release(String id, String name, String ownerId, Gate gate) {
        return new Release(id, "coupons", name, "3.2.0", ownerId, "赵磊", ReleaseStage.ROLLING_OUT, 20, gate,
                gate == Gate.BLOCKED ? 1 : 0, T0, T0, T0, null, null);
    }

    public static Release withStage(Release r, ReleaseStage stage) {
        return new Release(r.id(), r.productArea(), r.name(), r.version(), r.ownerId(), r.ownerName(), stage,
                r.exposurePercent(), r.gate(), r.blockingBells(), r.startedAt(), r.createdAt(), r.updatedAt(),
                r.bells(), r.linkedIssues());
    }

    public static Release withGate(Release r, Gate gate) {
        return new Release(r.id(), r.productArea(), r.name(), r.version(), r.ownerId(), r.ownerName(), r.stage(),
                r.exposurePercent(), gate, gate == Gate.BLOCKED ? 1 : 0, r.startedAt(), r.createdAt(), T0.plusSeconds(1),
                r.bells(), r.linkedIssues());
    }

    public static Release detailed(Release r, List<Bell> bells, List<Issue> linked) {
        return new Release(r.id(), r.productArea(), r.name(), r.version(), r.ownerId(), r.ownerName(), r.stage(),
                r.exposurePercent(), r.gate(), r.blockingBells(), r.startedAt(), r.createdAt(), r.updatedAt(),
                bells, linked);
    }

    public static Bell bell(String id, String releaseId, String pulledBy, BellStatus status) {
        return new Bell(id, releaseId, "满减券叠加规则改版", pulledBy, "李娜", "Coupons stack past the budget for KA shops",
                BellSeverity.BLOCKER, status, List.of("iss-1"), 1, 12_000_00, null, List.of(), T0, T0,
                T0.plusSeconds(900), null, null, null, false, 1);
    }

    /** The bell after a step: a new status and version, and the step's note as a comment. */
    public static Bell step(Bell b, BellStatus status, String note, boolean overdue) {
        List<BellComment> comments = new ArrayList<>(b.comments());
        if (note != null) {
            comments.add(new BellComment("u-x", "someone", note, status.name().toLowerCase(), T0));
        }
        return new Bell(b.id(), b.releaseId(), b.releaseName(), b.pulledBy(), b.pulledByName(), b.reason(),
                b.severity(), status, b.evidenceIssueIds(), b.impactedMerchants(), b.moneyAtRiskCents(),
                status == BellStatus.OVERRULED ? note : b.justification(), List.copyOf(comments), b.createdAt(),
                T0.plusSeconds(b.version() * 60), b.acknowledgeDueAt(),
                status == BellStatus.ACKNOWLEDGED ? T0.plusSeconds(120) : b.acknowledgedAt(), b.fixedAt(),
                b.closedAt(), overdue, b.version() + 1);
    }
}
