package io.lineone.server;

/** The backend could not start; the message is one line a person can act on. */
public class ServerStartException extends RuntimeException {

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
