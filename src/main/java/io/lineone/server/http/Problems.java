package io.lineone.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.lineone.api.Problem;
import io.lineone.server.core.DomainException;
import io.lineone.server.core.ProblemTexts;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes every error as {@code application/problem+json}; nothing else ever reaches a client on failure. */
final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    /** Beyond this much of a refused body the connection is simply closed. */
    private static final long DISCARD_LIMIT = 16L * 1024 * 1024;

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    void domain(DomainException e, Context ctx) {
        int status = status(e.kind());
        if (status == 429) {
            ctx.header("Retry-After", "900");
        }
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        write(ctx, new Problem(type(e.kind().name()), title(status), status,
                e.detail(ProblemTexts.negotiate(ctx.header("Accept-Language"))), e.errors()));
    }

    void http(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String detail = switch (status) {
            case 404 -> "No such endpoint: " + ctx.method() + " " + ctx.path();
            case 405 -> "The endpoint " + ctx.path() + " does not take " + ctx.method() + ".";
            case 413 -> "The body is larger than 1 MiB.";
            default -> e.getMessage();
        };
        write(ctx, new Problem(type(title(status)), title(status), status, detail, List.of()));
    }

    void unexpected(Exception e, Context ctx) {
        if (e instanceof HttpException refused && refused.getCode() >= 400 && refused.getCode() < 500) {
            // Jetty refusing what the client sent (a broken chunked body, a body cut short): the client's error.
            write(ctx, new Problem(type(title(refused.getCode())), title(refused.getCode()), refused.getCode(),
                    refused.getReason() == null ? "The request could not be read."
                            : "The request could not be read: " + refused.getReason() + ".", List.of()));
            return;
        }
        String requestId = RequestIds.of(ctx);
        LOG.error("request {} {} {} failed", requestId, ctx.method(), ctx.path(), e);
        write(ctx, new Problem(type("internal"), title(500), 500,
                "The server failed to answer; the error is logged under request id " + requestId + ".", List.of()));
    }

    void write(Context ctx, Problem problem) {
        discardUnreadBody(ctx);
        try {
            ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE)
                    .result(json.writeValueAsBytes(problem.withRequestId(RequestIds.of(ctx))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem could not be written as JSON", e);
        }
    }

    /**
     * Reads and drops what is left of a body the answer refuses (a 413, a 401 before the body was read), up to a
     * bound: otherwise Jetty closes the connection with unread bytes in it, the client's TCP stack sees a reset,
     * and the client gets no answer at all instead of this problem.
     */
    private static void discardUnreadBody(Context ctx) {
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long left = DISCARD_LIMIT;
            int read;
            while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1) {
                left -= read;
            }
        } catch (IOException | RuntimeException e) {
            // The client went away, or the body was read as text already: nothing left to drop.
        }
    }

    static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case PRECONDITION_FAILED -> 412;
            case CONTENT_TOO_LARGE -> 413;
            case UNPROCESSABLE -> 422;
            case PRECONDITION_REQUIRED -> 428;
            case TOO_MANY_REQUESTS -> 429;
        };
    }

    static String type(String name) {
        return "urn:lineone:problem:" + name.toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
