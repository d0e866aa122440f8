package io.lineone.server.core;

import io.lineone.api.Problem.FieldError;
import java.util.List;

/**
 * A request the domain refuses, with the reason in words a caller can act on.
 * The HTTP layer turns the kind into a status; the domain never speaks HTTP.
 */
public class DomainException extends RuntimeException {

    public enum Kind {
        INVALID,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT,
        PRECONDITION_FAILED,
        PRECONDITION_REQUIRED,
        CONTENT_TOO_LARGE,
        UNPROCESSABLE,
        TOO_MANY_REQUESTS
    }

    private final Kind kind;
    private final transient List<FieldError> errors;

    public DomainException(Kind kind, String detail) {
        this(kind, detail, List.of());
    }

    public DomainException(Kind kind, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static DomainException invalid(List<FieldError> errors) {
        return new DomainException(Kind.INVALID, "The request has invalid fields.", errors);
    }

    public static DomainException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** Also what a caller gets for something it may not see, so that its existence is not revealed. */
    public static DomainException notFound(String what, String id) {
        return new DomainException(Kind.NOT_FOUND, "No " + what + " with id '" + id + "'.");
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(Kind.FORBIDDEN, detail);
    }

    public static DomainException unauthenticated(String detail) {
        return new DomainException(Kind.UNAUTHENTICATED, detail);
    }

    public static DomainException conflict(String detail) {
        return new DomainException(Kind.CONFLICT, detail);
    }
}
