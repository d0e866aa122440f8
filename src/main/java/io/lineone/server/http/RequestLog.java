package io.lineone.server.http;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per answered request under its request id: at debug level normally, at info when the answer took over
 * a second (an event stream, which lasts as long as its console, is not slow). The query string is left out
 * because it carries what a manager searched for, and nothing of the headers is written, so no token reaches the
 * log.
 */
final class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final float SLOW_MS = 1_000;

    private RequestLog() {
    }

    static void write(Context ctx, Float millis) {
        String type = ctx.res().getContentType();
        boolean stream = type != null && type.startsWith("text/event-stream");
        if (millis >= SLOW_MS && !stream) {
            LOG.info("request {} {} {} → {} took {} ms", RequestIds.of(ctx), ctx.method(), ctx.path(),
                    ctx.statusCode(), Math.round(millis));
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("request {} {} {} → {} in {} ms", RequestIds.of(ctx), ctx.method(), ctx.path(),
                    ctx.statusCode(), Math.round(millis));
        }
    }
}
