package io.lineone.client.common;

/** The in-process backend could not start; the message is the backend's own one-line reason. */
public final class DemoStartException extends Exception {

    public DemoStartException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
