package io.lineone.client.ledger;

import io.lineone.api.IssueCategory;
import io.lineone.client.common.Messages;
import io.lineone.client.queue.IssueText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** How the insights read: bucket labels, durations, ratios, money and categories in the user's language. */
public final class InsightsText {

    private final Messages messages;
    private final IssueText issues;
    private final ZoneId zone;

    public InsightsText(Messages messages, IssueText issues, ZoneId zone) {
        this.messages = messages;
        this.issues = issues;
        this.zone = zone;
    }

    public Messages messages() {
        return messages;
    }

    public String money(long cents) {
        return issues.money(cents);
    }

    public String category(IssueCategory category) {
        return issues.category(category);
    }

    /** A day bucket by its date as the server counts days (UTC); an hour bucket by the user's clock. */
    public String bucket(Instant start, boolean hourly) {
        if (hourly) {
            ZonedDateTime at = start.atZone(zone);
            return messages.format("insights.label.hour", at.getMonthValue(), at.getDayOfMonth(), at.getHour());
        }
        ZonedDateTime day = start.atZone(ZoneOffset.UTC);
        return messages.format("insights.label.day", day.getMonthValue(), day.getDayOfMonth());
    }

    /** A short date and time, for first and last seen. */
    public String when(Instant at) {
        if (at == null) {
            return "—";
        }
        ZonedDateTime local = at.atZone(zone);
        return messages.format("insights.when", local.getMonthValue(), local.getDayOfMonth(), local.getHour(),
                local.getMinute());
    }

    /** "12.4 s", "2 min 5 s", "1 h 3 min". */
    public String duration(long millis) {
        if (millis < 60_000) {
            return messages.format("insights.duration.seconds", millis / 1000.0);
        }
        long seconds = Math.round(millis / 1000.0);
        if (seconds < 3600) {
            return messages.format("insights.duration.minutes", seconds / 60, seconds % 60);
        }
        return messages.format("insights.duration.hours", seconds / 3600, (seconds % 3600) / 60);
    }

    /** A histogram bucket's edges: "10–19 s", "1–2 min", "10 min+". */
    public String range(int fromSeconds, Integer toSeconds) {
        if (toSeconds == null) {
            return fromSeconds < 60 ? messages.format("insights.range.openSeconds", fromSeconds)
                    : messages.format("insights.range.openMinutes", fromSeconds / 60);
        }
        if (toSeconds <= 60) {
            return messages.format("insights.range.seconds", fromSeconds, toSeconds);
        }
        if (fromSeconds < 60) {
            return messages.format("insights.range.secondsToMinutes", fromSeconds, toSeconds / 60);
        }
        return messages.format("insights.range.minutes", fromSeconds / 60, toSeconds / 60);
    }

    /** A share as a whole percentage: "83%". */
    public String percent(double share) {
        return messages.format("insights.percent", Math.round(share * 100));
    }

    /** "×4.2". */
    public String ratio(double ratio) {
        return messages.format("insights.ratio", ratio);
    }

    /** "0.8/h". */
    public String perHour(double rate) {
        return messages.format("insights.perHour", rate);
    }
}
