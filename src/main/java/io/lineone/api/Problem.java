package io.lineone.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem: the body of every error answer ({@code application/problem+json}). {@code requestId} is an
 * extension member: the id the server logged the request under, for whoever reports the problem to quote.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, null);
    }

    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, errors, id);
    }

    /** One invalid field of a request body or query. */
    public record FieldError(String field, String message) {
    }
}
