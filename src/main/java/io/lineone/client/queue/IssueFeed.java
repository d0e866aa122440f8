package io.lineone.client.queue;

import io.lineone.api.Bell;
import io.lineone.api.EventTypes;
import io.lineone.api.Fix;
import io.lineone.api.Issue;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.Listing;
import io.lineone.api.Merchant;
import io.lineone.api.Release;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.UiScheduler;
import io.lineone.client.net.BackendException;
import io.lineone.client.net.EventStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Where the event stream meets the UI thread. The stream's threads only leave issue events in an inbox; once a
 * frame the UI thread takes them all as one batch, the newest version of each issue. The link's ups and downs go
 * to the connection model, with the moment the issues stopped being current.
 */
final class IssueFeed implements EventStream.Listener {

    private record Incoming(String type, Issue issue) {
    }

    private final ConcurrentLinkedQueue<Incoming> inbox = new ConcurrentLinkedQueue<>();
    private final UiScheduler ui;
    private final ConnectionStatus connection;
    private final Clock clock;
    private final Consumer<IssueBatch> apply;
    private final Consumer<EventStream.Opened> opened;
    private final Runnable down;
    private final UiScheduler.Throttle drain;
    private final ReadOnlyObjectWrapper<Instant> asOf = new ReadOnlyObjectWrapper<>();
    private volatile boolean closed;
    /**
     * Told of the stream's opens and drops and of its other events (bells, releases, messages, notes, listings,
     * fixes, merchants), on the stream's threads.
     */
    private final List<EventStream.Listener> others = new CopyOnWriteArrayList<>();

    /**
     * @param apply  takes each frame's events (UI thread)
     * @param opened told after the stream (re)connected (UI thread)
     * @param down   told after the stream dropped or stopped (UI thread)
     */
    IssueFeed(UiScheduler ui, ConnectionStatus connection, Clock clock, Consumer<IssueBatch> apply,
              Consumer<EventStream.Opened> opened, Runnable down) {
        this.ui = ui;
        this.connection = connection;
        this.clock = clock;
        this.apply = apply;
        this.opened = opened;
        this.down = down;
        this.drain = ui.throttle(this::drain);
    }

    /** One stream serves the session: whoever follows releases, bells, listings or fixes hears them here. */
    void alsoTell(EventStream.Listener listener) {
        others.add(listener);
    }

    @Override
    public void onBell(long eventId, String type, Bell bell) {
        for (EventStream.Listener other : others) {
            other.onBell(eventId, type, bell);
        }
    }

    @Override
    public void onRelease(long eventId, String type, Release release) {
        for (EventStream.Listener other : others) {
            other.onRelease(eventId, type, release);
        }
    }

    @Override
    public void onMessage(long eventId, IssueMessage message) {
        for (EventStream.Listener other : others) {
            other.onMessage(eventId, message);
        }
    }

    @Override
    public void onListing(long eventId, String type, Listing listing) {
        for (EventStream.Listener other : others) {
            other.onListing(eventId, type, listing);
        }
    }

    @Override
    public void onNote(long eventId, IssueNote note) {
        for (EventStream.Listener other : others) {
            other.onNote(eventId, note);
        }
    }

    @Override
    public void onFix(long eventId, String type, Fix fix) {
        for (EventStream.Listener other : others) {
            other.onFix(eventId, type, fix);
        }
    }

    @Override
    public void onMerchant(long eventId, String type, Merchant merchant) {
        for (EventStream.Listener other : others) {
            other.onMerchant(eventId, type, merchant);
        }
    }

    @Override
    public void onOpen(EventStream.Opened how) {
        for (EventStream.Listener other : others) {
            other.onOpen(how);
        }
        ui.runLater(() -> {
            if (!closed) {
                asOf.set(null);
                connection.reportLive();
                opened.accept(how);
            }
        });
    }

    /** Any thread: the issue is applied with the others of its frame. */
    @Override
    public void onIssue(long eventId, String type, Issue issue) {
        inbox.add(new Incoming(type, issue));
        drain.request();
    }

    @Override
    public void onDown(boolean offline, Exception cause) {
        for (EventStream.Listener other : others) {
            other.onDown(offline, cause);
        }
        ui.runLater(() -> linkDown(offline ? ConnectionStatus.State.OFFLINE : ConnectionStatus.State.RECONNECTING));
    }

    @Override
    public void onStopped(BackendException reason) {
        for (EventStream.Listener other : others) {
            other.onStopped(reason);
        }
        ui.runLater(() -> linkDown(ConnectionStatus.State.STOPPED));
    }

    private void linkDown(ConnectionStatus.State why) {
        if (closed) {
            return;
        }
        if (!connection.streamProperty().get().behind() || asOf.get() == null) {
            asOf.set(clock.instant());
        }
        if (why == ConnectionStatus.State.STOPPED) {
            connection.reportStopped();
        } else {
            connection.reportStreamDown(why == ConnectionStatus.State.OFFLINE);
        }
        down.run();
    }

    /** Everything the inbox holds, as one batch; runs once per frame. */
    private void drain() {
        Map<String, Issue> newest = new LinkedHashMap<>();
        Set<String> created = new HashSet<>();
        Incoming next;
        while ((next = inbox.poll()) != null) {
            Issue issue = next.issue();
            Issue known = newest.get(issue.id());
            if (known == null || issue.version() > known.version()) {
                newest.put(issue.id(), issue);
            }
            if (EventTypes.ISSUE_CREATED.equals(next.type())) {
                created.add(issue.id());
            }
        }
        if (!closed && !newest.isEmpty()) {
            apply.accept(IssueBatch.events(newest.values(), created));
        }
    }

    void close() {
        closed = true;
        inbox.clear();
    }

    /** When the issues were last known current; null while the stream is open. */
    ReadOnlyObjectProperty<Instant> asOfProperty() {
        return asOf.getReadOnlyProperty();
    }
}
