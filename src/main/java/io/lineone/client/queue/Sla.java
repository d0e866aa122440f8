package io.lineone.client.queue;

import io.lineone.api.Issue;
import io.lineone.api.IssueStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Where an issue stands against its SLA at one moment. While an issue is NEW the clock is the first-response
 * target; after that it is the resolution target. Time waiting for the merchant does not count: the server
 * moves the resolution due time on by every paused second, so a paused issue's time left is frozen at what it
 * was when the server last described it ({@code viewedAt}). A first response that came late stays on the record
 * ({@link #firstResponseLateBy}) after the clock moved on, and a resolved issue shows whether both targets were met.
 *
 * @param remaining           time left; negative once breached; for a resolved issue, how late it was (zero: met)
 * @param window              the whole time allowed (creation to due), for the amber threshold
 * @param firstResponseLateBy how late the first response came; zero when on time or still to come
 */
public record Sla(Kind kind, Duration remaining, Duration window, boolean firstResponse, Duration firstResponseLateBy) {

    /** How the countdown looks. */
    public enum Kind {
        OK,
        /** Under a quarter of the window left. */
        WARNING,
        BREACHED,
        /** Waiting for the merchant: the clock stands still. */
        PAUSED,
        /** Resolved with both targets met. */
        MET,
        /** Resolved, but the first response or the resolution came late. */
        MISSED
    }

    public static Sla of(Issue issue, Instant viewedAt, Instant now) {
        Duration lateReply = firstResponseLateBy(issue);
        if (issue.status() == IssueStatus.RESOLVED) {
            Instant resolved = issue.resolvedAt() != null ? issue.resolvedAt() : issue.updatedAt();
            Duration lateFix = positive(Duration.between(issue.resolutionDueAt(), resolved));
            Duration late = lateFix.compareTo(lateReply) >= 0 ? lateFix : lateReply;
            return new Sla(late.isZero() ? Kind.MET : Kind.MISSED, late, Duration.ZERO, false, lateReply);
        }
        boolean firstResponse = awaitsFirstResponse(issue);
        Instant due = dueAt(issue);
        Duration window = Duration.between(issue.createdAt(), due);
        if (!firstResponse && issue.pausedSince() != null) {
            return new Sla(Kind.PAUSED, Duration.between(viewedAt, due), window, false, lateReply);
        }
        Duration remaining = Duration.between(now, due);
        Kind kind;
        if (remaining.isNegative()) {
            kind = Kind.BREACHED;
        } else if (remaining.toMillis() < window.toMillis() / 4) {
            // Whole milliseconds, not Duration.multipliedBy: that one goes through BigDecimal, and the queue's clock
            // asks this of every row every second.
            kind = Kind.WARNING;
        } else {
            kind = Kind.OK;
        }
        return new Sla(kind, remaining, window, firstResponse, lateReply);
    }

    /** The due time the queue is ordered by: first response while NEW, resolution after. */
    public static Instant dueAt(Issue issue) {
        return awaitsFirstResponse(issue) ? issue.firstResponseDueAt() : issue.resolutionDueAt();
    }

    private static boolean awaitsFirstResponse(Issue issue) {
        return issue.firstResponseAt() == null && issue.status() == IssueStatus.NEW;
    }

    private static Duration firstResponseLateBy(Issue issue) {
        return issue.firstResponseAt() == null ? Duration.ZERO
                : positive(Duration.between(issue.firstResponseDueAt(), issue.firstResponseAt()));
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * Counts as an open breach: an open issue past due, whether or not its clock is paused now, or one whose first
     * response came late — a breach does not heal when the clock moves on to the resolution target.
     */
    public boolean breached() {
        return switch (kind) {
            case BREACHED -> true;
            case PAUSED -> remaining.isNegative() || !firstResponseLateBy.isZero();
            case OK, WARNING -> !firstResponseLateBy.isZero();
            case MET, MISSED -> false;
        };
    }

    /** {@code 0:02:13} or {@code 23:59:12}, always hours, minutes and seconds; {@code −0:02:13} once past due. */
    public static String clock(Duration remaining) {
        boolean negative = remaining.isNegative();
        long seconds = Math.abs(remaining.getSeconds() + (negative && remaining.getNano() > 0 ? 1 : 0));
        String text = String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
        return negative ? "\u2212" + text : text;
    }
}
