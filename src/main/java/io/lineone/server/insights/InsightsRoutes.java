package io.lineone.server.insights;

import io.lineone.server.http.Requests;
import io.lineone.server.http.RouteModule;
import io.lineone.server.http.Router;

/** {@code /insights}: categories over time, first responses, clusters and suggested bells. */
public record InsightsRoutes(InsightsService insights) implements RouteModule {

    @Override
    public void register(Router router) {
        router.get("/insights/categories", (ctx, caller) -> ctx.json(insights.categories(caller,
                Requests.instantParam(ctx, "from"), Requests.instantParam(ctx, "to"),
                Requests.enumParam(ctx, "bucket", InsightsService.Bucket.class))));
        router.get("/insights/first-response", (ctx, caller) -> ctx.json(insights.firstResponse(caller,
                Requests.instantParam(ctx, "from"), Requests.instantParam(ctx, "to"))));
        router.get("/insights/clusters", (ctx, caller) -> ctx.json(insights.clusters(caller,
                Requests.instantParam(ctx, "from"), Requests.instantParam(ctx, "to"),
                Requests.textParam(ctx, "cursor", 100), Requests.limit(ctx))));
        router.get("/insights/suggested-bells", (ctx, caller) -> ctx.json(insights.suggestedBells(caller,
                Requests.textParam(ctx, "cursor", 100), Requests.limit(ctx))));
    }
}
