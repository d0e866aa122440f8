package io.lineone.server.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request gets an id, echoed in {@code X-Request-Id}, carried by its problem body and written to the audit
 * log and the request log, so one id ties a user's report to what the server recorded. A caller's own id is kept
 * when it is short and plain (a load balancer's), replaced otherwise so nothing odd reaches the logs.
 */
public final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "lineone.requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    static void assign(Context ctx) {
        String incoming = ctx.header(HEADER);
        String id = incoming != null && SAFE.matcher(incoming).matches() ? incoming : fresh();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    static String fresh() {
        return UUID.randomUUID().toString();
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
