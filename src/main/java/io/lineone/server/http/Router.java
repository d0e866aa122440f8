package io.lineone.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.lineone.server.domain.Caller;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers routes under {@code /api/v1}, each either public or behind a bearer token, and remembers them,
 * so a test can hold the OpenAPI description to exactly the routes that exist.
 */
public final class Router {

    public static final String BASE = "/api/v1";

    /** A route handler that runs for a signed-in caller. */
    @FunctionalInterface
    public interface CallerHandler {
        void handle(Context ctx, Caller caller) throws Exception;
    }

    /** One registered route, with its path as OpenAPI writes it ({@code /merchants/{id}}). */
    public record Route(String method, String path, boolean isPublic) {
    }

    private final RoutesConfig routes;
    private final Authenticator authenticator;
    private final List<Route> registered = new ArrayList<>();

    Router(RoutesConfig routes, Authenticator authenticator) {
        this.routes = routes;
        this.authenticator = authenticator;
    }

    public void get(String path, CallerHandler handler) {
        routes.get(BASE + path, authed(handler));
        registered.add(new Route("get", path, false));
    }

    public void post(String path, CallerHandler handler) {
        routes.post(BASE + path, authed(handler));
        registered.add(new Route("post", path, false));
    }

    public void put(String path, CallerHandler handler) {
        routes.put(BASE + path, authed(handler));
        registered.add(new Route("put", path, false));
    }

    public void patch(String path, CallerHandler handler) {
        routes.patch(BASE + path, authed(handler));
        registered.add(new Route("patch", path, false));
    }

    public void delete(String path, CallerHandler handler) {
        routes.delete(BASE + path, authed(handler));
        registered.add(new Route("delete", path, false));
    }

    public void publicGet(String path, Handler handler) {
        routes.get(BASE + path, handler);
        registered.add(new Route("get", path, true));
    }

    public void publicPost(String path, Handler handler) {
        routes.post(BASE + path, handler);
        registered.add(new Route("post", path, true));
    }

    /** The bearer token of an authenticated request, for a route that must re-check it later (an open stream). */
    public static java.util.Optional<String> bearerToken(Context ctx) {
        return Authenticator.token(ctx);
    }

    List<Route> registered() {
        return List.copyOf(registered);
    }

    private Handler authed(CallerHandler handler) {
        return ctx -> handler.handle(ctx, authenticator.caller(ctx));
    }
}
