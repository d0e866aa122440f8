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
 * was when the server last described it ({@code viewedAt}).
 *
 * @param remaining time left; negative once breached
 * @param window    the whole time allowed (creation to due), for the amber threshold
 */
public record Sla(Kind kind, Duration remaining, Duration window, boolean firstResponse) {

    /** How the countdown looks. */
    public enum Kind {
        /** Resolved: no clock. */
        NONE,
        OK,
        /** Under a quarter of the window left. */
        WARNING,
        BREACHED,
        /** Waiting for the merchant: the clock stands still. */
        PAUSED
    }

    public static Sla of(Issue issue, Instant viewedAt, Instant now) {
        if (issue.status() == IssueStatus.RESOLVED) {
            return new Sla(Kind.NONE, Duration.ZERO, Duration.ZERO, false);
        }
        boolean firstResponse = awaitsFirstResponse(issue);
        Instant due = dueAt(issue);
        Duration window = Duration.between(issue.createdAt(), due);
        if (!firstResponse && issue.pausedSince() != null) {
            return new Sla(Kind.PAUSED, Duration.between(viewedAt, due), window, false);
        }
        Duration remaining = Duration.between(now, due);
        Kind kind;
        if (remaining.isNegative()) {
            kind = Kind.BREACHED;
        } else if (remaining.multipliedBy(4).compareTo(window) < 0) {
            kind = Kind.WARNING;
        } else {
            kind = Kind.OK;
        }
        return new Sla(kind, remaining, window, firstResponse);
    }

    /** The due time the queue is ordered by: first response while NEW, resolution after. */
    public static Instant dueAt(Issue issue) {
        return awaitsFirstResponse(issue) ? issue.firstResponseDueAt() : issue.resolutionDueAt();
    }

    private static boolean awaitsFirstResponse(Issue issue) {
        return issue.firstResponseAt() == null && issue.status() == IssueStatus.NEW;
    }

    /** Counts as an open breach: past due, whether or not the clock is paused now. */
    public boolean breached() {
        return kind == Kind.BREACHED || (kind == Kind.PAUSED && remaining.isNegative());
    }

    /** {@code 02:13} or {@code 3:59:12}; {@code −02:13} (a real minus sign) once past due. */
    public static String clock(Duration remaining) {
        boolean negative = remaining.isNegative();
        long seconds = Math.abs(remaining.getSeconds() + (negative && remaining.getNano() > 0 ? 1 : 0));
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long secs = seconds % 60;
        String text = hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
                : String.format(Locale.ROOT, "%02d:%02d", minutes, secs);
        return negative ? "\u2212" + text : text;
    }
}
