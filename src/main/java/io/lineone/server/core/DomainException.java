package io.lineone.server.core;

import io.lineone.api.Problem.FieldError;
import java.util.List;
import java.util.Locale;

/**
 * A request the domain refuses, with the reason in words a caller can act on. A refusal made with a key of
 * {@link ProblemTexts} can be told in the caller's language; its message is the English text.
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
    private final String key;
    private final transient Object[] args;

    public DomainException(Kind kind, String detail) {
        this(kind, detail, List.of());
    }

    public DomainException(Kind kind, String detail, List<FieldError> errors) {
        this(kind, detail, errors, null, new Object[0]);
    }

    private DomainException(Kind kind, String detail, List<FieldError> errors, String key, Object[] args) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
        this.key = key;
        this.args = args.clone();
    }

    /** A refusal told by the {@link ProblemTexts} entry {@code key}. */
    public static DomainException of(Kind kind, String key, Object... args) {
        return new DomainException(kind, ProblemTexts.format(Locale.ENGLISH, key, args), List.of(), key, args);
    }

    public Kind kind() {
        return kind;
    }

    /** The reason in {@code locale}'s words where it has them, else as made. */
    public String detail(Locale locale) {
        return key == null ? getMessage() : ProblemTexts.format(locale, key, args);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static DomainException invalid(List<FieldError> errors) {
        return new DomainException(Kind.INVALID, ProblemTexts.format(Locale.ENGLISH, "invalid"), errors, "invalid",
                new Object[0]);
    }

    public static DomainException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** Also what a caller gets for something it may not see, so that its existence is not revealed. */
    public static DomainException notFound(String what, String id) {
        return of(Kind.NOT_FOUND, "notFound." + what, id);
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
