package io.lineone.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.lineone.server.core.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

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
        add("get", path, routes::get, authed(handler), false);
    }

    public void post(String path, CallerHandler handler) {
        add("post", path, routes::post, authed(handler), false);
    }

    public void put(String path, CallerHandler handler) {
        add("put", path, routes::put, authed(handler), false);
    }

    public void patch(String path, CallerHandler handler) {
        add("patch", path, routes::patch, authed(handler), false);
    }

    public void delete(String path, CallerHandler handler) {
        add("delete", path, routes::delete, authed(handler), false);
    }

    public void publicGet(String path, Handler handler) {
        add("get", path, routes::get, handler, true);
    }

    public void publicPost(String path, Handler handler) {
        add("post", path, routes::post, handler, true);
    }

    private void add(String method, String path, BiConsumer<String, Handler> javalin,
                     Handler handler, boolean isPublic) {
        javalin.accept(BASE + path, handler);
        registered.add(new Route(method, path, isPublic));
    }

    /** The bearer token of an authenticated request, for a route that must re-check it later (an open stream). */
    public static Optional<String> bearerToken(Context ctx) {
        return Authenticator.token(ctx);
    }

    List<Route> registered() {
        return List.copyOf(registered);
    }

    private Handler authed(CallerHandler handler) {
        return ctx -> handler.handle(ctx, authenticator.caller(ctx));
    }
}
