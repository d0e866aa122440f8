package io.lineone.client.common;

import io.lineone.client.net.BackendException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the console last learned about its link to the server, from any screen's calls and from the event
 * stream. Only the FX thread (the executor's callbacks, the queue's stream hand-off) reports here.
 */
public final class ConnectionStatus {

    /** The link as the status bar shows it. */
    public enum State {
        CHECKING,
        /** Calls get answers; the event stream is not (yet) open. */
        ONLINE,
        /** Calls get answers and the event stream is open: what the console shows is current. */
        LIVE,
        /** The event stream dropped a moment ago and is coming back. */
        RECONNECTING,
        OFFLINE
    }

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.CHECKING);

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** A call got an answer; a live stream stays live, anything else becomes merely online. */
    public void reportSuccess() {
        if (state.get() != State.LIVE) {
            state.set(State.ONLINE);
        }
    }

    /** A failed call says the server is down only if the network failed; a 404 means it is up. */
    public void reportFailure(Exception failure) {
        boolean unreachable = failure instanceof BackendException e
                && e.kind() == BackendException.Kind.UNREACHABLE;
        if (unreachable) {
            state.set(State.OFFLINE);
        } else {
            reportSuccess();
        }
    }

    /** The event stream is open. */
    public void reportLive() {
        state.set(State.LIVE);
    }

    /** The event stream dropped and is retrying; {@code offline} after several failures in a row. */
    public void reportStreamDown(boolean offline) {
        state.set(offline ? State.OFFLINE : State.RECONNECTING);
    }
}
