package io.lineone.server.events;

import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import io.lineone.server.auth.AuthService;
import io.lineone.server.core.Caller;
import io.lineone.server.core.DomainException;
import io.lineone.server.http.RouteModule;
import io.lineone.server.http.Router;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code GET /events}: the domain events the caller may see, as Server-Sent Events ({@code id:} the sequence,
 * {@code event:} the type, {@code data:} the JSON payload), with a comment line as heartbeat.
 * {@code Last-Event-ID} (or, for a first connection, {@code ?since=}) replays what came after that id first.
 * Without either the stream starts with the next event: every change committed after the response headers
 * arrive is delivered, so a client may open the stream first and then load lists. Needs
 * {@code Accept: text/event-stream}.
 */
public record EventRoutes(EventHub hub, AuthService auth) implements RouteModule {

    @Override
    public void register(Router router) {
        router.get("/events", this::events);
    }

    private void events(Context ctx, Caller caller) {
        Long since = since(ctx);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw DomainException.invalid("Accept", "must include text/event-stream: this endpoint is an event stream");
        }
        // Registered before the response headers go out: a client that sees them misses nothing after.
        Subscription subscription = hub.subscribe(caller, since);
        String token = Router.bearerToken(ctx).orElseThrow();
        subscription.checkAuthorisation(() -> auth.authenticate(token).isPresent());
        try {
            new SseHandler(client -> {
                client.keepAlive();
                try {
                    hub.start(subscription, new SseSink(client));
                } catch (IOException e) {
                    hub.cancel(subscription);
                    client.close();
                    throw new UncheckedIOException(e);
                }
            }).handle(ctx);
        } catch (RuntimeException e) {
            hub.cancel(subscription);
            throw e;
        }
    }

    /** The header wins: an EventSource reconnecting sends it while the URL keeps its first {@code since}. */
    static Long since(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        if (header != null && !header.isBlank()) {
            return parse("Last-Event-ID", header.strip());
        }
        String query = ctx.queryParam("since");
        if (query != null && !query.isEmpty()) {
            return parse("since", query);
        }
        return null;
    }

    /** Ids are whole numbers up to 2^63 − 1 (on PostgreSQL large and sparse: see {@link EventLog}). */
    private static Long parse(String field, String text) {
        if (text.length() <= 19 && !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                // past the largest long: fall through to the same answer as any other bad id
            }
        }
        throw DomainException.invalid(field, "must be the id of an event (a whole number from 0)");
    }
}
