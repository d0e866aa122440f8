package io.lineone.client.bells;

import io.lineone.api.Bell;
import io.lineone.api.BellComment;
import io.lineone.api.BellMonth;
import io.lineone.api.BellSeverity;
import io.lineone.api.BellStatus;
import io.lineone.api.Gate;
import io.lineone.api.Issue;
import io.lineone.api.Release;
import io.lineone.api.ReleaseStage;
import io.lineone.client.common.Messages;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How releases and bells read, in the user's language and time zone. */
public final class BellText {

    private final Messages messages;
    private final DateTimeFormatter when;

    public BellText(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.when = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(zone);
    }

    public Messages messages() {
        return messages;
    }

    public String status(BellStatus status) {
        return messages.get("bells.status." + status.name());
    }

    public String severity(BellSeverity severity) {
        return messages.get("bells.severity." + severity.name());
    }

    public String stage(ReleaseStage stage) {
        return messages.get("bells.stage." + stage.name());
    }

    public String gate(Gate gate) {
        return messages.get("bells.gate." + gate.name());
    }

    /** "满减券叠加规则改版 3.2.0". */
    public String releaseName(Release release) {
        return messages.format("bells.release.name", release.name(), release.version());
    }

    /** Stage and exposure: "Rolling out · 20% exposed". */
    public String releaseFacts(Release release) {
        return messages.format("bells.release.facts", stage(release.stage()), release.exposurePercent());
    }

    public String money(long cents) {
        return messages.format("bells.money", BigDecimal.valueOf(cents, 2));
    }

    /** What the evidence adds up to: distinct merchants and money at risk. */
    public String impact(int merchants, long moneyCents) {
        return messages.format("bells.impact", merchants, money(moneyCents));
    }

    /** How long ago the bell was pulled. */
    public String age(Bell bell, Instant now) {
        return duration(Duration.between(bell.createdAt(), now));
    }

    /** How the owner's acknowledgement stands: how long it took, how long is left, or how late it is. */
    public String acknowledgement(Bell bell, Instant now) {
        if (bell.acknowledgedAt() != null) {
            Duration took = Duration.between(bell.createdAt(), bell.acknowledgedAt());
            return messages.format("bells.ack.took", duration(took));
        }
        if (bell.status() != BellStatus.OPEN || bell.acknowledgeDueAt() == null) {
            return messages.get("bells.ack.none");
        }
        Duration left = Duration.between(now, bell.acknowledgeDueAt());
        return left.isNegative() || bell.overdue()
                ? messages.format("bells.ack.overdue", duration(left.negated()))
                : messages.format("bells.ack.left", duration(left));
    }

    /** Compact: "45 s", "12 min", "3 h 5 min". */
    public String duration(Duration length) {
        long seconds = Math.max(0, length.getSeconds());
        if (seconds < 60) {
            return messages.format("bells.duration.seconds", seconds);
        }
        if (seconds < 3600) {
            return messages.format("bells.duration.minutes", seconds / 60);
        }
        return messages.format("bells.duration.hours", seconds / 3600, seconds % 3600 / 60);
    }

    /** An issue that names a release, as its list shows it. */
    public String linkedIssue(Issue issue) {
        return messages.format("bells.linked.issue", issue.priority().name(), issue.merchantName(), issue.title(),
                money(issue.moneyAtRiskCents()));
    }

    public String pulledBy(Bell bell) {
        return messages.format("bells.detail.pulledBy", bell.pulledByName(), when.format(bell.createdAt()),
                severity(bell.severity()));
    }

    /** One comment as the thread shows it; a step's note says which step. */
    public String comment(BellComment comment) {
        String time = comment.at() == null ? "" : when.format(comment.at());
        if (comment.step() == null) {
            return messages.format("bells.comment.plain", comment.authorName(), time, comment.text());
        }
        String step = messages.get("bells.step." + comment.step());
        // A step taken without a note still belongs in the thread, just without an empty quote after it.
        return comment.text() == null || comment.text().isBlank()
                ? messages.format("bells.comment.stepOnly", comment.authorName(), time, step)
                : messages.format("bells.comment.step", comment.authorName(), time, step, comment.text());
    }

    /** One area's month of bells: how many, how fast answered and resolved, how often overruled. */
    public String month(BellMonth m) {
        String ack = m.medianAcknowledgeSeconds() == null ? messages.get("bells.metrics.none")
                : duration(Duration.ofSeconds(m.medianAcknowledgeSeconds()));
        String resolve = m.medianResolveSeconds() == null ? messages.get("bells.metrics.none")
                : duration(Duration.ofSeconds(m.medianResolveSeconds()));
        return messages.format("bells.metrics.month", m.month(), m.productArea(), m.pulled(), ack, resolve,
                Math.round(m.overruledShare() * 100));
    }
}
