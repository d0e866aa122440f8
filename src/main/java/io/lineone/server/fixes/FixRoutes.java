package io.lineone.server.fixes;

import io.lineone.api.Fix;
import io.lineone.api.FixRequest;
import io.lineone.api.NewFix;
import io.lineone.server.http.Requests;
import io.lineone.server.http.RouteModule;
import io.lineone.server.http.Router;

/**
 * {@code /fixes} and {@code /ledger}: preview a one-click fix, apply it (with a required
 * {@code Idempotency-Key}), undo it, list the fixes and the loss they averted.
 */
public record FixRoutes(FixService fixes) implements RouteModule {

    @Override
    public void register(Router router) {
        router.get("/fixes/options", (ctx, caller) -> ctx.json(fixes.options(caller,
                emptyToNull(Requests.textParam(ctx, "issueId", 40)),
                emptyToNull(Requests.textParam(ctx, "listingId", 40)))));
        router.post("/fixes/preview", (ctx, caller) -> ctx.json(fixes.preview(caller,
                Requests.body(ctx, FixRequest.class))));
        router.post("/fixes", (ctx, caller) -> {
            String key = Requests.idempotencyKey(ctx);
            Fix fix = fixes.apply(caller, key, Requests.body(ctx, NewFix.class));
            ctx.status(201).header("Location", Router.BASE + "/fixes/" + fix.id()).json(fix);
        });
        router.get("/fixes", (ctx, caller) -> ctx.json(fixes.list(caller,
                emptyToNull(Requests.textParam(ctx, "merchantId", 40)),
                emptyToNull(Requests.textParam(ctx, "issueId", 40)), Requests.cursor(ctx), Requests.limit(ctx))));
        router.get("/fixes/{id}", (ctx, caller) -> ctx.json(fixes.get(caller, ctx.pathParam("id"))));
        router.post("/fixes/{id}/undo", (ctx, caller) -> ctx.json(fixes.undo(caller, ctx.pathParam("id"))));
        router.get("/ledger", (ctx, caller) -> ctx.json(fixes.ledger(caller, Requests.instantParam(ctx, "from"),
                Requests.instantParam(ctx, "to"), Requests.textParam(ctx, "groupBy", 20))));
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
