package io.lineone.client.queue;

import io.lineone.api.DeliveryStatus;
import io.lineone.api.Issue;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.ReplyTemplate;
import io.lineone.client.common.Messages;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a conversation reads: each message's line of who, when (with its day) and how far it got; saved replies filled. */
public final class ConversationText {

    private final Messages messages;
    private final DateTimeFormatter when;

    public ConversationText(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.when = DateTimeFormatter.ofPattern(messages.get("conversation.when"), messages.locale()).withZone(zone);
    }

    public Messages messages() {
        return messages;
    }

    /** The language of the saved replies that fit the console's: {@code zh} or {@code en}. */
    public String language() {
        return messages.locale().getLanguage().equals(Locale.CHINESE.getLanguage()) ? "zh" : "en";
    }

    /** The day and time, kept on one line (no-break spaces) when a bubble's foot wraps. */
    public String when(Instant at) {
        return at == null ? "" : when.format(at).replace(' ', '\u00a0');
    }

    /**
     * Under a bubble: the merchant's say only when (the drawer names the merchant already); ours who, when and how
     * far it got — "李娜 · 12月6日 13:05 · 已送达".
     */
    public String meta(IssueMessage message) {
        if (message.deliveryStatus() == null) {
            return when(message.at());
        }
        return messages.format("conversation.meta.reply", message.authorName(), when(message.at()),
                messages.get("conversation.delivery." + message.deliveryStatus().name()));
    }

    /** What a screen reader says of a bubble: who wrote what, and for a reply whether it arrived. */
    public String spoken(IssueMessage message) {
        return messages.format(message.deliveryStatus() == null ? "conversation.spoken.in" : "conversation.spoken.out",
                message.authorName(), message.text(), message.deliveryStatus() == DeliveryStatus.DELIVERED
                        ? messages.get("conversation.delivery.DELIVERED")
                        : messages.get("conversation.delivery.PENDING"));
    }

    public String meta(IssueNote note) {
        return messages.format("conversation.meta", note.authorName(), when(note.at()));
    }

    /** A saved reply with the issue's facts in: {merchant}, {title}, {money}, {manager}. */
    public String fill(ReplyTemplate template, Issue issue, String managerName) {
        if (issue == null) {
            return template.text();
        }
        return template.text()
                .replace("{merchant}", nonNull(issue.merchantName()))
                .replace("{title}", nonNull(issue.title()))
                .replace("{money}", messages.format("queue.money", BigDecimal.valueOf(issue.moneyAtRiskCents(), 2)))
                .replace("{manager}", nonNull(managerName));
    }

    /** A saved reply in the picker: its number (Ctrl+number inserts it) and title. */
    public String choice(int index, ReplyTemplate template) {
        return index < 9 ? messages.format("conversation.template.numbered", index + 1, template.title())
                : template.title();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
