package io.lineone.server.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/** Every request gets an id, echoed in {@code X-Request-Id} and written to the audit log. */
public final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "lineone.requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    static void assign(Context ctx) {
        String incoming = ctx.header(HEADER);
        String id = incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    public static String of(Context ctx) {
        try {
            String id = ctx.attribute(ATTRIBUTE);
            return id != null ? id : "none";
        } catch (RuntimeException e) {
            // The request is already recycled (a stream that ended late): there is no id to read any more.
            return "none";
        }
    }
}
