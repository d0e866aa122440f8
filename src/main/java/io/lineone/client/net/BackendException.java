package io.lineone.client.net;

import io.lineone.api.Problem;
import java.util.Optional;

/**
 * Why a backend call failed, typed so the UI can say something precise and localised
 * instead of showing a stack trace.
 */
public final class BackendException extends Exception {

    /** The broad kind of failure; {@link #PROBLEM} carries the server's own answer. */
    public enum Kind {
        /** No connection at all: refused, timed out, DNS, TLS. */
        UNREACHABLE,
        /** The address the user typed is not a usable http(s) URL. */
        INVALID_URL,
        /** The server answered with an error status. */
        PROBLEM,
        /** The server answered 2xx with something that is not what the API promises. */
        UNEXPECTED_RESPONSE,
        /**
         * A conditional update lost: someone else changed the record since it was read (HTTP 412).
         * The caller should read it again and let the user decide anew.
         */
        STALE
    }

    private final Kind kind;
    private final transient Problem problem;
    private final String serverUrl;

    private BackendException(Kind kind, Problem problem, String serverUrl, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.problem = problem;
        this.serverUrl = serverUrl;
    }

    public static BackendException unreachable(String serverUrl, Throwable cause) {
        return new BackendException(Kind.UNREACHABLE, null, serverUrl, "cannot reach " + serverUrl, cause);
    }

    public static BackendException invalidUrl(String typed) {
        return new BackendException(Kind.INVALID_URL, null, typed, "not a server URL: " + typed, null);
    }

    /** An error answer; a 412 (If-Match no longer matches) is typed {@link Kind#STALE}. */
    public static BackendException problem(String serverUrl, Problem problem) {
        Kind kind = problem.status() == 412 ? Kind.STALE : Kind.PROBLEM;
        return new BackendException(kind, problem, serverUrl, problem.status() + " " + problem.title(), null);
    }

    public static BackendException unexpected(String serverUrl, Throwable cause) {
        return new BackendException(Kind.UNEXPECTED_RESPONSE, null, serverUrl,
                "unexpected answer from " + serverUrl, cause);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /** HTTP status of a {@link Kind#PROBLEM} or {@link Kind#STALE}, 0 for the other kinds. */
    public int status() {
        return problem == null ? 0 : problem.status();
    }

    public String serverUrl() {
        return serverUrl;
    }
}
