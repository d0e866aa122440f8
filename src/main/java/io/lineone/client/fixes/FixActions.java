package io.lineone.client.fixes;

import io.lineone.api.Fix;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * The session's one-click fixes outside the dialog: whether fixes can be sent now (only while the live feed is up:
 * nothing is queued silently), and undoing a fix from its toast or its row in the ledger. Each screen's fix buttons
 * bind to {@link #availableProperty()} and show {@link #unavailableReasonProperty()} as their tooltip. UI thread.
 */
public final class FixActions {

    private final Backend backend;
    private final TaskExecutor executor;
    private final FixText text;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final FixFeed feed;
    private final FixNotices notices;
    private final Clock clock;
    private final BooleanBinding available;
    private final StringBinding unavailableReason;
    /** Fixes whose undo is under way: a second click does not send a second undo. */
    private final Set<String> undoing = new HashSet<>();

    public FixActions(Backend backend, TaskExecutor executor, FixText text, ConnectionStatus connection, FixFeed feed,
                      FixNotices notices, Clock clock) {
        this.backend = backend;
        this.executor = executor;
        this.text = text;
        this.errors = new ErrorMessages(text.messages());
        this.connection = connection;
        this.feed = feed;
        this.notices = notices;
        this.clock = clock;
        ReadOnlyObjectProperty<ConnectionStatus.State> stream = connection.streamProperty();
        available = Bindings.createBooleanBinding(() -> !stream.get().behind(), stream);
        unavailableReason = Bindings.createStringBinding(() -> switch (stream.get()) {
            case RECONNECTING, OFFLINE -> text.messages().get("fixes.unavailable.offline");
            case STOPPED -> text.messages().get("fixes.unavailable.stopped");
            default -> "";
        }, stream);
    }

    /** Fixes may be previewed, applied and undone now: the live feed is up. */
    public BooleanBinding availableProperty() {
        return available;
    }

    /** Why fix buttons are disabled; empty while they are not. */
    public StringBinding unavailableReasonProperty() {
        return unavailableReason;
    }

    public FixText text() {
        return text;
    }

    public FixFeed feed() {
        return feed;
    }

    public Clock clock() {
        return clock;
    }

    /** Whether {@code fix} can be undone from here now. */
    public boolean canUndo(Fix fix) {
        return available.get() && FixText.undoable(fix, clock.instant()) && !undoing.contains(fix.id());
    }

    /** A fix the dialog applied: everyone hears of it, and the toast offers to undo it. */
    void applied(Fix fix) {
        connection.reportSuccess();
        feed.put(fix);
        notices.applied(fix);
    }

    /** Puts back what {@code fix} changed; the outcome is told through the notices. Offline it says why not. */
    public void undo(Fix fix) {
        if (!available.get()) {
            notices.failed(unavailableReason.get());
            return;
        }
        if (!undoing.add(fix.id())) {
            return;
        }
        executor.execute(() -> backend.fixes().undoFix(fix.id()), undone -> {
            undoing.remove(fix.id());
            connection.reportSuccess();
            feed.put(undone);
            notices.undone(undone);
        }, failure -> {
            undoing.remove(fix.id());
            connection.reportFailure(failure);
            notices.failed(text.messages().format("fixes.undo.failed", errors.describe(failure)));
        });
    }
}
