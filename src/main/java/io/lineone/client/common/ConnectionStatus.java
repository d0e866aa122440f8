package io.lineone.client.common;

import io.lineone.client.net.BackendException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The console's one model of its link to the server. Two things are learned separately: whether calls get
 * answers (every screen reports its calls) and what the event stream last said (the live issues report it).
 * The live screens go by the stream alone ({@link #streamProperty()}: a queue is current only while it is open);
 * the status bar shows both as one {@link #stateProperty() state}. Only the FX thread reports here.
 */
public final class ConnectionStatus {

    /** The link, as the status bar shows it and as the event stream reports it. */
    public enum State {
        /** Nothing heard yet; for the stream, not connected yet. */
        CHECKING,
        /** Calls get answers; the event stream is not (yet) open. Never a state of the stream itself. */
        ONLINE,
        /** The event stream is open: what the console shows is current. */
        LIVE,
        /** The event stream dropped a moment ago and is coming back. */
        RECONNECTING,
        OFFLINE,
        /** The server refused the event stream for good (the session ended); calls may still get answers. */
        STOPPED;

        /** The stream is down or ended: live data may be behind the server. */
        public boolean behind() {
            return this == RECONNECTING || this == OFFLINE || this == STOPPED;
        }
    }

    private final ReadOnlyObjectWrapper<State> stream = new ReadOnlyObjectWrapper<>(State.CHECKING);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.CHECKING);
    private Runnable reconnect = () -> { };
    private boolean answered;
    /** The newest report was a call that could not reach the server. */
    private boolean unreachable;

    /** Both facets in one, for the status bar. */
    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** What the event stream last said: CHECKING until it first opens, then LIVE, RECONNECTING, OFFLINE or STOPPED. */
    public ReadOnlyObjectProperty<State> streamProperty() {
        return stream.getReadOnlyProperty();
    }

    /** What "retry now" does: the event stream skips the rest of its wait. Set once the stream exists. */
    public void reconnectWith(Runnable reconnectNow) {
        this.reconnect = reconnectNow;
    }

    /** The user's "retry now", while the stream is down and waiting to try again; otherwise nothing. */
    public void reconnectNow() {
        State now = stream.get();
        if (now == State.RECONNECTING || now == State.OFFLINE) {
            reconnect.run();
        }
    }

    /** A call got an answer. */
    public void reportSuccess() {
        answered = true;
        unreachable = false;
        update();
    }

    /** A failed call says the server is down only if the network failed; a 404 means it is up. */
    public void reportFailure(Exception failure) {
        if (failure instanceof BackendException e && e.kind() == BackendException.Kind.UNREACHABLE) {
            unreachable = true;
            update();
        } else {
            reportSuccess();
        }
    }

    /** The event stream is open. */
    public void reportLive() {
        reportStream(State.LIVE);
    }

    /** The event stream dropped and is retrying; {@code offline} after several failures in a row. */
    public void reportStreamDown(boolean offline) {
        reportStream(offline ? State.OFFLINE : State.RECONNECTING);
    }

    /** The server ended the event stream for good; it had to answer to do so. */
    public void reportStopped() {
        answered = true;
        reportStream(State.STOPPED);
    }

    private void reportStream(State now) {
        // The stream's word is newer than that of the last failed call: it reached the server, or keeps count itself.
        unreachable = false;
        stream.set(now);
        update();
    }

    private void update() {
        State now = stream.get();
        if (unreachable) {
            state.set(State.OFFLINE);
        } else if (now == State.CHECKING || now == State.STOPPED) {
            // Calls work but nothing is live; the live screens say so themselves when the stream has stopped.
            state.set(answered ? State.ONLINE : State.CHECKING);
        } else {
            state.set(now);
        }
    }
}
