package io.lineone.client.queue;

import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.IssueStatus;
import io.lineone.api.Merchant;
import io.lineone.api.Priority;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.Messages;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How issues read on screen, in the user's language and time zone: labels, money, countdowns, history lines,
 * the banner about the live feed. Pure formatting, no state and no JavaFX, so it is tested on its own.
 */
public final class IssueText {

    private final Messages messages;
    private final DateTimeFormatter timeOfDay;
    private final DateTimeFormatter dayAndTime;
    private final String myId;

    /** @param myId the signed-in user, whose issues read "(me)" */
    public IssueText(Messages messages, ZoneId zone, String myId) {
        this.messages = messages;
        this.timeOfDay = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        // An issue's history spans days (a pause, a reopening): each line says its day, as the language writes it.
        this.dayAndTime = DateTimeFormatter.ofPattern(messages.get("queue.history.when"), messages.locale())
                .withZone(zone);
        this.myId = myId;
    }

    public Messages messages() {
        return messages;
    }

    /** ¥1,234.56 from fen. */
    public String money(long cents) {
        return messages.format("queue.money", BigDecimal.valueOf(cents, 2));
    }

    public String category(IssueCategory value) {
        return value == null ? "" : messages.get("issue.category." + value.name());
    }

    public String status(IssueStatus value) {
        return value == null ? "" : messages.get("issue.status." + value.name());
    }

    public String assignee(Issue issue) {
        if (issue.assigneeId() == null) {
            return messages.get("queue.assignee.none");
        }
        return myId.equals(issue.assigneeId()) ? messages.format("queue.assignee.me", issue.assigneeName())
                : issue.assigneeName();
    }

    public String time(Instant at) {
        return at == null ? "" : timeOfDay.format(at);
    }

    /** "5 issues", or "1 of 3 issues" while filters hide some. */
    public String count(int shown, int all) {
        return shown == all ? messages.format("queue.count.all", all)
                : messages.format("queue.count.filtered", shown, all);
    }

    /** The SLA cell's text: how long is left, or how a resolved issue did. */
    public String slaText(Sla sla) {
        return switch (sla.kind()) {
            case MET -> messages.get("queue.sla.met");
            case MISSED -> messages.format("queue.sla.missed", Sla.clock(sla.remaining()));
            default -> Sla.clock(sla.remaining());
        };
    }

    /** Which target a running clock counts, shown small before it; nothing once resolved. */
    public String slaTarget(Sla sla) {
        return switch (sla.kind()) {
            case MET, MISSED -> "";
            default -> messages.get(sla.firstResponse() ? "queue.sla.reply" : "queue.sla.fix");
        };
    }

    public String slaTooltip(Sla sla) {
        String now = switch (sla.kind()) {
            case MET -> messages.get("queue.sla.tooltip.met");
            case MISSED -> messages.format("queue.sla.tooltip.missed", Sla.clock(sla.remaining()));
            case PAUSED -> messages.format("queue.sla.tooltip.paused", Sla.clock(sla.remaining()));
            default -> messages.get(sla.firstResponse() ? "queue.sla.tooltip.firstResponse"
                    : "queue.sla.tooltip.resolution");
        };
        return sla.firstResponseLateBy().isZero() ? now
                : messages.format("queue.sla.tooltip.lateReply", now, Sla.clock(sla.firstResponseLateBy()));
    }

    /** How often and how long the resolution clock was paused for the merchant: a pause cannot quietly hide a breach. */
    public String pauses(Issue issue) {
        if (issue.pauseCount() == 0) {
            return messages.get("queue.drawer.pauses.none");
        }
        String total = Sla.clock(Duration.ofSeconds(issue.pausedSeconds()));
        return issue.pausedSince() == null
                ? messages.format("queue.drawer.pauses.some", issue.pauseCount(), total)
                : messages.format("queue.drawer.pauses.running", issue.pauseCount(), total, time(issue.pausedSince()));
    }

    /** One line of an issue's history: who did what. */
    public String historyLine(IssueHistoryEntry entry) {
        String who = entry.actorName() != null ? entry.actorName() : messages.get("queue.history.system");
        String what = switch (entry.action()) {
            case "created" -> messages.get("queue.history.created");
            case "claimed" -> messages.get("queue.history.claimed");
            case "status" -> messages.format("queue.history.status", status(entry.fromStatus()), status(entry.toStatus()));
            case "rootCause" -> messages.format("queue.history.rootCause",
                    RootCause.label(entry.rootCause(), messages));
            case "note" -> messages.get("queue.history.note");
            case "release" -> messages.get(entry.note() == null ? "queue.history.unrelease" : "queue.history.release");
            case "transferred" -> messages.format("queue.history.transferred", nonNull(entry.detail()));
            case "priority" -> messages.format("queue.history.priority", nonNull(entry.detail()));
            case "reopened" -> messages.get("queue.history.reopened");
            case "duplicate" -> messages.format("queue.history.duplicate", nonNull(entry.detail()));
            case "duplicated" -> messages.format("queue.history.duplicated", nonNull(entry.detail()));
            default -> entry.action();
        };
        return messages.format("queue.history.line", entry.at() == null ? "" : dayAndTime.format(entry.at()), who,
                what);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** The merchant card's one line: tier, region, lighthouse score. */
    public String merchantFacts(Merchant merchant) {
        return messages.format("queue.drawer.merchantFacts",
                merchant.tier() == null ? "" : messages.get("tier." + merchant.tier().name()),
                merchant.region() == null ? "" : merchant.region(),
                merchant.lighthouseScore() == null ? "\u2014" : merchant.lighthouseScore());
    }

    public String label(AssigneeChoice choice) {
        return messages.get(choice.labelKey());
    }

    public String label(StatusChoice choice) {
        return messages.get(choice.labelKey());
    }

    public String categoryChoice(FilterChoice<IssueCategory> choice) {
        return choice.value() == null ? messages.get("queue.filter.category.any") : category(choice.value());
    }

    /** A priority with what it means, for the sheets that set one: "P1 · urgent". */
    public String priorityName(Priority priority) {
        return messages.get(switch (priority) {
            case P1 -> "queue.manage.priority.P1";
            case P2 -> "queue.manage.priority.P2";
            case P3 -> "queue.manage.priority.P3";
            case P4 -> "queue.manage.priority.P4";
        });
    }

    public String priorityChoice(FilterChoice<Priority> choice) {
        return choice.value() == null ? messages.get("queue.filter.priority.any") : choice.value().name();
    }

    /** The banner while the live feed is down: since when the queue is as it shows; empty while live. */
    public String link(ConnectionStatus.State stream, Instant asOf) {
        String since = time(asOf);
        return switch (stream) {
            case CHECKING, ONLINE, LIVE -> "";
            case RECONNECTING -> messages.format("queue.link.reconnecting", since);
            case OFFLINE -> messages.format("queue.link.offline", since);
            case STOPPED -> messages.format("queue.link.stopped", since);
        };
    }

    /** Why actions cannot run now; empty when they can. */
    public String unavailable(ConnectionStatus.State stream, boolean busy) {
        return switch (stream) {
            case CHECKING, ONLINE, LIVE -> busy ? messages.get("queue.unavailable.busy") : "";
            case RECONNECTING, OFFLINE -> messages.get("queue.unavailable.offline");
            case STOPPED -> messages.get("queue.unavailable.stopped");
        };
    }
}
