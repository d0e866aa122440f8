package io.lineone.client.merchants;

import io.lineone.api.Band;
import io.lineone.api.Merchant;
import io.lineone.api.Tier;
import io.lineone.api.User;
import io.lineone.client.common.Messages;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * How the merchants screen reads, in the user's language and time zone: money as ¥1,234.56, a score with its band or
 * "not scored yet", a last contact as "3 h ago" with the exact time beside it. Pure formatting, no JavaFX.
 */
public final class BookText {

    private final Messages messages;
    private final Clock clock;
    private final DateTimeFormatter exact;

    public BookText(Messages messages, ZoneId zone, Clock clock) {
        this.messages = messages;
        this.clock = clock;
        this.exact = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(messages.locale())
                .withZone(zone);
    }

    public Messages messages() {
        return messages;
    }

    public String money(long cents) {
        return messages.format("merchants.money", BigDecimal.valueOf(cents, 2));
    }

    /** "91 · Green", or "Not scored yet". */
    public String score(Merchant merchant) {
        Band band = BandChoice.bandOf(merchant);
        if (band == null) {
            return messages.get("merchants.score.none");
        }
        return messages.format("merchants.detail.scoreValue", merchant.lighthouseScore(), band(band));
    }

    public String band(Band band) {
        return band == null ? messages.get("merchants.score.none") : messages.get("band." + band.name());
    }

    public String tier(Tier tier) {
        return tier == null ? "" : messages.get("tier." + tier.name());
    }

    /** "just now", "12 min ago", "3 h ago", "5 days ago"; "never" for null. */
    public String ago(Instant at) {
        if (at == null) {
            return messages.get("merchants.contact.never");
        }
        Duration since = Duration.between(at, clock.instant());
        if (since.toMinutes() < 1) {
            return messages.get("merchants.contact.now");
        }
        if (since.toHours() < 1) {
            return messages.format("merchants.contact.minutes", since.toMinutes());
        }
        if (since.toDays() < 1) {
            return messages.format("merchants.contact.hours", since.toHours());
        }
        return messages.format("merchants.contact.days", since.toDays());
    }

    /** The exact time, for a tooltip; empty for null. */
    public String exact(Instant at) {
        return at == null ? "" : exact.format(at);
    }

    /** A metric's name, by its wire key. */
    public String metric(String key) {
        return switch (key) {
            case "shippingHours" -> messages.get("merchants.detail.shipping");
            case "preSaleResponseSeconds" -> messages.get("merchants.detail.preSale");
            case "afterSaleResponseSeconds" -> messages.get("merchants.detail.afterSale");
            case "dsr" -> messages.get("merchants.detail.dsr");
            case "disputeRate" -> messages.get("merchants.detail.disputeRate");
            default -> key;
        };
    }

    /** A metric's value in its unit. */
    public String metricValue(String key, double value) {
        return messages.format(switch (key) {
            case "shippingHours" -> "merchants.detail.hoursValue";
            case "preSaleResponseSeconds", "afterSaleResponseSeconds" -> "merchants.detail.secondsValue";
            case "dsr" -> "merchants.detail.dsrValue";
            case "disputeRate" -> "merchants.detail.rateValue";
            default -> "merchants.metric.plain";
        }, value);
    }

    /** "target ≤ 48.0 h" or "target ≥ 4.70 / 5". */
    public String target(String key, double target, boolean lowerIsBetter) {
        return messages.format(lowerIsBetter ? "merchants.scorecard.targetAtMost" : "merchants.scorecard.targetAtLeast",
                metricValue(key, target));
    }

    /** The filters' choices; null is "all". */
    public String tierLabel(TierChoice choice) {
        return messages.get(choice.labelKey());
    }

    public String bandLabel(BandChoice choice) {
        return messages.get(choice.labelKey());
    }

    public String categoryLabel(String value) {
        return value == null ? messages.get("merchants.category.all") : value;
    }

    public String regionLabel(String value) {
        return value == null ? messages.get("merchants.region.all") : value;
    }

    public String managerLabel(User value) {
        return value == null ? messages.get("merchants.manager.all") : value.displayName();
    }

    /** The screen's title: a supervisor's book is the whole team's. */
    public String title(boolean wholeTeam) {
        return messages.get(wholeTeam ? "merchants.title.team" : "merchants.title");
    }

    public String emptyText(boolean wholeTeam) {
        return messages.get(wholeTeam ? "merchants.empty.body.team" : "merchants.empty.body");
    }

    /** "50,000 merchants", or "12 of 50,000 merchants" while a search or filter hides some. */
    public String count(int shown, int all) {
        return shown == all ? messages.format("merchants.count.all", all)
                : messages.format("merchants.count.filtered", shown, all);
    }

    /** "Loaded 12,000 of 50,000 merchants…"; {@code total} ≤ 0 when the server has not said how many there are. */
    public String progress(int loaded, int total) {
        return total > 0 ? messages.format("merchants.progress", loaded, Math.max(total, loaded))
                : messages.format("merchants.progress.unknown", loaded);
    }
}
