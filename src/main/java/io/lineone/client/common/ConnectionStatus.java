package io.lineone.client.common;

import io.lineone.client.net.BackendException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the console last learned about its link to the server, from any screen's calls.
 * Only the FX thread (the executor's callbacks) reports here.
 */
public final class ConnectionStatus {

    /** The link as the status bar shows it. */
    public enum State {
        CHECKING,
        ONLINE,
        OFFLINE
    }

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.CHECKING);

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    public void reportSuccess() {
        state.set(State.ONLINE);
    }

    /** A failed call says the server is down only if the network failed; a 404 means it is up. */
    public void reportFailure(Exception failure) {
        boolean unreachable = failure instanceof BackendException e
                && e.kind() == BackendException.Kind.UNREACHABLE;
        state.set(unreachable ? State.OFFLINE : State.ONLINE);
    }
}
