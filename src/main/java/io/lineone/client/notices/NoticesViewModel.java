package io.lineone.client.notices;

import io.lineone.client.common.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ObservableList;

/**
 * The notification centre: the session's last notices, newest first; a click opens what one is about (an issue in
 * the queue, or the bells screen).
 */
public final class NoticesViewModel {

    private final NoticeLog log;
    private final Messages messages;
    private final DateTimeFormatter when;
    private final Consumer<String> openIssue;
    private final Runnable openBells;

    /**
     * @param openIssue shows an issue in the queue
     * @param openBells turns to the bells screen
     */
    public NoticesViewModel(NoticeLog log, Messages messages, ZoneId zone, Consumer<String> openIssue,
                            Runnable openBells) {
        this.log = log;
        this.messages = messages;
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(messages.locale())
                .withZone(zone);
        this.openIssue = openIssue;
        this.openBells = openBells;
    }

    public ObservableList<Notice> notices() {
        return log.notices();
    }

    public BooleanBinding emptyProperty() {
        return Bindings.isEmpty(log.notices());
    }

    /** Whether a notice leads anywhere when clicked. */
    public boolean opens(Notice notice) {
        return notice.issueId() != null || notice.kind() == Notice.Kind.BELL;
    }

    public void open(Notice notice) {
        if (notice.issueId() != null) {
            openIssue.accept(notice.issueId());
        } else if (notice.kind() == Notice.Kind.BELL) {
            openBells.run();
        }
    }

    public void clear() {
        log.clear();
    }

    /** Date and time in the user's zone and language: a notice may be from yesterday. */
    public String time(Instant at) {
        return when.format(at);
    }

    public String kindLabel(Notice.Kind kind) {
        return messages.get(kind.labelKey());
    }
}
