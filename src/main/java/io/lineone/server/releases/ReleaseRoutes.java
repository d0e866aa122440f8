package io.lineone.server.releases;

import io.lineone.api.NewRelease;
import io.lineone.api.Release;
import io.lineone.api.ReleaseAdvance;
import io.lineone.api.ReleaseStage;
import io.lineone.server.http.Requests;
import io.lineone.server.http.RouteModule;
import io.lineone.server.http.Router;

/** {@code /releases}: every signed-in role reads them; an ADMIN creates them; the owner moves one on. */
public record ReleaseRoutes(ReleaseService releases) implements RouteModule {

    @Override
    public void register(Router router) {
        router.get("/releases", (ctx, caller) -> ctx.json(releases.list(caller,
                Requests.enumParam(ctx, "stage", ReleaseStage.class),
                Requests.enumParam(ctx, "owner", ReleaseService.Owner.class),
                Requests.cursor(ctx), Requests.limit(ctx))));
        router.post("/releases", (ctx, caller) -> {
            Release release = releases.create(caller, Requests.body(ctx, NewRelease.class));
            ctx.status(201).header("Location", Router.BASE + "/releases/" + release.id()).json(release);
        });
        router.get("/releases/{id}", (ctx, caller) -> ctx.json(releases.get(caller, ctx.pathParam("id"))));
        router.post("/releases/{id}/advance", (ctx, caller) -> ctx.json(
                releases.advance(caller, ctx.pathParam("id"), Requests.body(ctx, ReleaseAdvance.class))));
    }
}
