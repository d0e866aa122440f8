package io.lineone.server.issues;

import io.lineone.api.Issue;
import io.lineone.api.IssueStatus;
import io.lineone.server.core.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The issue workflow and its clocks, as pure functions of a state and the time.
 *
 * <p>Moves allowed (anything else answers 409):
 * <pre>
 *   NEW              → ACKNOWLEDGED, IN_PROGRESS, RESOLVED
 *   ACKNOWLEDGED     → IN_PROGRESS, WAITING_MERCHANT, RESOLVED
 *   IN_PROGRESS      → WAITING_MERCHANT, RESOLVED
 *   WAITING_MERCHANT → IN_PROGRESS, RESOLVED
 *   RESOLVED         → (none: final)
 * </pre>
 * Decisions: NEW → IN_PROGRESS and NEW → RESOLVED are allowed because a manager who fixes a mispriced
 * listing at once, or closes a duplicate, should not click through ACKNOWLEDGED first; they still count as the
 * first response. Nothing moves back to NEW or ACKNOWLEDGED (that would fake the first-response clock), and
 * RESOLVED is final: a recurrence is a new issue, so resolution times stay honest. A note or a root-cause tag
 * may still be added to a resolved issue. Moving to the status an issue already has is no move at all.
 *
 * <p>Clocks: {@code firstResponseAt} is set by the first move out of NEW — claiming alone is not a response
 * to the merchant, acknowledging is. Resolution is due at created + the priority's target, plus every second
 * spent in WAITING_MERCHANT: entering it starts a pause (pauseCount + 1), leaving it adds the pause to the
 * paused total. While a pause runs, the due time moves on with the clock.
 */
public final class IssueWorkflow {

    private static final Map<IssueStatus, Set<IssueStatus>> MOVES = new EnumMap<>(IssueStatus.class);

    static {
        MOVES.put(IssueStatus.NEW, EnumSet.of(IssueStatus.ACKNOWLEDGED, IssueStatus.IN_PROGRESS, IssueStatus.RESOLVED));
        MOVES.put(IssueStatus.ACKNOWLEDGED,
                EnumSet.of(IssueStatus.IN_PROGRESS, IssueStatus.WAITING_MERCHANT, IssueStatus.RESOLVED));
        MOVES.put(IssueStatus.IN_PROGRESS, EnumSet.of(IssueStatus.WAITING_MERCHANT, IssueStatus.RESOLVED));
        MOVES.put(IssueStatus.WAITING_MERCHANT, EnumSet.of(IssueStatus.IN_PROGRESS, IssueStatus.RESOLVED));
        MOVES.put(IssueStatus.RESOLVED, EnumSet.noneOf(IssueStatus.class));
    }

    private IssueWorkflow() {
    }

    public static boolean allowed(IssueStatus from, IssueStatus to) {
        return MOVES.get(from).contains(to);
    }

    public static Set<IssueStatus> movesFrom(IssueStatus from) {
        return EnumSet.copyOf(MOVES.get(from));
    }

    /**
     * The state after moving to {@code to} at {@code now}, with the version left as it was.
     *
     * @throws DomainException CONFLICT when the workflow does not allow the move
     */
    public static IssueStore.State move(IssueStore.State s, IssueStatus to, Instant now) {
        if (!allowed(s.status(), to)) {
            throw s.status() == IssueStatus.RESOLVED
                    ? DomainException.of(DomainException.Kind.CONFLICT, "issue.moveFinal", s.status(), to)
                    : DomainException.of(DomainException.Kind.CONFLICT, "issue.move", s.status(), to,
                            MOVES.get(s.status()));
        }
        Instant firstResponseAt = s.firstResponseAt() != null ? s.firstResponseAt() : now;
        int pauseCount = s.pauseCount();
        long pausedMillis = s.pausedMillis();
        Instant pausedSince = s.pausedSince();
        if (pausedSince != null) {
            pausedMillis += Math.max(0, Duration.between(pausedSince, now).toMillis());
            pausedSince = null;
        }
        if (to == IssueStatus.WAITING_MERCHANT) {
            pauseCount++;
            pausedSince = now;
        }
        Instant resolvedAt = to == IssueStatus.RESOLVED ? now : null;
        return new IssueStore.State(to, s.rootCause(), s.assigneeId(), now, firstResponseAt, resolvedAt, pauseCount,
                pausedMillis, pausedSince, s.version());
    }

    /** Total time paused at {@code now}, a running pause included. */
    public static long pausedMillis(IssueStore.State s, Instant now) {
        long running = s.pausedSince() == null ? 0 : Math.max(0, Duration.between(s.pausedSince(), now).toMillis());
        return s.pausedMillis() + running;
    }

    /** The issue as the API shows it at {@code now}: the resolution due time includes the pauses so far. */
    public static Issue view(IssueStore.Row row, Instant now) {
        IssueStore.State s = row.state();
        long paused = pausedMillis(s, now);
        return new Issue(row.id(), row.merchantId(), row.merchantName(), row.category(), row.source(),
                row.priority(), s.status(), row.title(), row.description(), row.listingId(), row.releaseId(),
                s.rootCause(), row.moneyAtRiskCents(), s.assigneeId(), row.assigneeName(), row.createdAt(),
                s.updatedAt(), s.firstResponseAt(), s.resolvedAt(), row.firstResponseDueAt(),
                row.resolutionBaseDueAt().plusMillis(paused), s.pauseCount(), paused / 1000, s.pausedSince(),
                s.version(), row.managerId(), row.duplicateOf());
    }
}
