package io.lineone.server.users;

import io.javalin.http.Context;
import io.lineone.api.SessionRequest;
import io.lineone.server.auth.AuthService;
import io.lineone.server.core.Caller;
import io.lineone.server.core.Validation;
import io.lineone.server.http.RequestIds;
import io.lineone.server.http.Requests;
import io.lineone.server.http.RouteModule;
import io.lineone.server.http.Router;

/** {@code /session}, {@code /sessions} (sign out everywhere), {@code /users/{id}/sessions} and {@code /me}. */
public record SessionRoutes(AuthService auth) implements RouteModule {

    @Override
    public void register(Router router) {
        router.publicPost("/session", this::signIn);
        router.delete("/session", this::signOut);
        router.delete("/sessions", (ctx, caller) -> {
            auth.signOutEverywhere(caller);
            ctx.status(204);
        });
        router.delete("/users/{id}/sessions", (ctx, caller) -> {
            auth.revokeSessionsOf(caller, ctx.pathParam("id"));
            ctx.status(204);
        });
        router.get("/me", (ctx, caller) -> ctx.json(caller.user()));
    }

    private void signIn(Context ctx) {
        SessionRequest request = Requests.body(ctx, SessionRequest.class);
        new Validation()
                .check(request.login() != null && !request.login().isBlank(), "login", "is required")
                .check(request.password() != null && !request.password().isEmpty(), "password", "is required")
                .check(request.login() == null || request.login().length() <= 64, "login", "must be at most 64 characters")
                // PostgreSQL refuses NUL in text: it must not reach the failed-login record as a 500.
                .check(request.login() == null || request.login().chars().noneMatch(Character::isISOControl), "login",
                        "must not contain control characters")
                .check(request.password() == null || request.password().length() <= 256, "password",
                        "must be at most 256 characters")
                .throwIfInvalid();
        ctx.status(201).json(auth.signIn(request.login(), request.password(), RequestIds.of(ctx)));
    }

    private void signOut(Context ctx, Caller caller) {
        auth.signOut(caller, Router.bearerToken(ctx).orElseThrow());
        ctx.status(204);
    }
}
