package io.lineone.server.db;

/** The database failed in a way no caller can fix by changing its request. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
