package io.lineone.client;

/**
 * The backend run inside the console's own process for the demo workspace.
 * The only client class that may use {@code io.lineone.server}: everything else talks HTTP.
 */
public final class EmbeddedBackend implements AutoCloseable {

    /** Starts the backend once; later calls return the running one's URL. */
    public synchronized String start() {
        throw new IllegalStateException("the embedded backend arrives with the server");
    }

    public String managerLogin() {
        return "";
    }

    public String password() {
        return "";
    }

    @Override
    public synchronized void close() {
        // Nothing started yet.
    }
}
