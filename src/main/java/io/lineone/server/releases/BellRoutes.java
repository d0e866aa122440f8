package io.lineone.server.releases;

import io.lineone.api.Bell;
import io.lineone.api.BellStatus;
import io.lineone.api.BellStep;
import io.lineone.api.EvidenceAddition;
import io.lineone.api.NewBell;
import io.lineone.api.NewComment;
import io.lineone.server.http.Requests;
import io.lineone.server.http.RouteModule;
import io.lineone.server.http.Router;

/**
 * {@code POST /releases/{id}/bells} and {@code /bells}: pulling a bell (retried safely with
 * {@code Idempotency-Key}), its steps, comments and evidence. Every signed-in role reads bells.
 */
public record BellRoutes(BellService bells) implements RouteModule {

    @Override
    public void register(Router router) {
        router.post("/releases/{id}/bells", (ctx, caller) -> {
            Bell bell = bells.pull(caller, ctx.pathParam("id"), Requests.idempotencyKey(ctx),
                    Requests.body(ctx, NewBell.class));
            ctx.status(201).header("Location", Router.BASE + "/bells/" + bell.id()).json(bell);
        });
        router.get("/bells", (ctx, caller) -> ctx.json(bells.list(Requests.enumParam(ctx, "status", BellStatus.class),
                Requests.textParam(ctx, "releaseId", 40), Requests.flag(ctx, "overdue"), Requests.cursor(ctx),
                Requests.limit(ctx))));
        router.get("/bells/metrics", (ctx, caller) -> ctx.json(bells.metrics(Requests.instantParam(ctx, "from"),
                Requests.instantParam(ctx, "to"))));
        router.get("/bells/{id}", (ctx, caller) -> ctx.json(bells.get(ctx.pathParam("id"))));
        for (BellWorkflow step : BellWorkflow.values()) {
            router.post("/bells/{id}/" + step.path(), (ctx, caller) -> ctx.json(
                    bells.step(caller, ctx.pathParam("id"), step, Requests.optionalBody(ctx, BellStep.class))));
        }
        router.post("/bells/{id}/comments", (ctx, caller) -> ctx.status(201).json(
                bells.comment(caller, ctx.pathParam("id"), Requests.idempotencyKey(ctx),
                        Requests.body(ctx, NewComment.class))));
        router.post("/bells/{id}/evidence", (ctx, caller) -> ctx.json(
                bells.addEvidence(caller, ctx.pathParam("id"), Requests.body(ctx, EvidenceAddition.class))));
    }
}
