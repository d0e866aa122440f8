package io.lineone.server.merchants;

import io.javalin.http.Context;
import io.lineone.api.AssigneeChange;
import io.lineone.api.Band;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantMetrics;
import io.lineone.api.MerchantSort;
import io.lineone.api.NewMerchant;
import io.lineone.api.Tier;
import io.lineone.server.core.DomainException;
import io.lineone.server.http.Requests;
import io.lineone.server.http.RouteModule;
import io.lineone.server.http.Router;

/** {@code /merchants}. */
public record MerchantRoutes(MerchantService merchants) implements RouteModule {

    /** The direction of {@code GET /merchants?order=}. */
    enum Order { ASC, DESC }

    @Override
    public void register(Router router) {
        router.get("/merchants", (ctx, caller) -> ctx.json(merchants.list(caller, filter(ctx),
                Requests.textParam(ctx, "cursor", 1_000), Requests.limit(ctx))));
        router.get("/merchants/facets", (ctx, caller) -> ctx.json(merchants.facets(caller,
                Requests.enumParam(ctx, "assigned", MerchantService.Scope.class))));
        router.post("/merchants", (ctx, caller) -> {
            Merchant merchant = merchants.create(caller, Requests.body(ctx, NewMerchant.class));
            ctx.status(201).header("Location", Router.BASE + "/merchants/" + merchant.id()).json(merchant);
        });
        router.get("/merchants/{id}", (ctx, caller) -> ctx.json(merchants.get(caller, ctx.pathParam("id"))));
        router.get("/merchants/{id}/scorecard", (ctx, caller) ->
                ctx.json(merchants.scorecard(caller, ctx.pathParam("id"))));
        router.get("/merchants/{id}/timeline", (ctx, caller) -> ctx.json(merchants.timeline(caller,
                ctx.pathParam("id"), Requests.textParam(ctx, "cursor", 200), Requests.limit(ctx))));
        router.patch("/merchants/{id}/metrics", (ctx, caller) -> ctx.json(merchants.updateMetrics(caller,
                ctx.pathParam("id"), Requests.body(ctx, MerchantMetrics.class))));
        router.put("/merchants/{id}/assignee", (ctx, caller) -> ctx.json(
                merchants.reassign(caller, ctx.pathParam("id"), Requests.body(ctx, AssigneeChange.class))));
    }

    private static MerchantService.Filter filter(Context ctx) {
        Order order = Requests.enumParam(ctx, "order", Order.class);
        return new MerchantService.Filter(
                Requests.enumParam(ctx, "assigned", MerchantService.Scope.class),
                Requests.textParam(ctx, "managerId", 40),
                Requests.textParam(ctx, "q", 100),
                Requests.enumParam(ctx, "tier", Tier.class),
                Requests.enumParam(ctx, "band", Band.class),
                Requests.textParam(ctx, "category", 100),
                Requests.textParam(ctx, "region", 100),
                scored(ctx),
                Requests.enumParam(ctx, "sort", MerchantSort.class),
                order == Order.DESC);
    }

    /** {@code scored=true|false}; null when absent (both). */
    private static Boolean scored(Context ctx) {
        String text = ctx.queryParam("scored");
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        throw DomainException.invalid("scored", "must be true or false");
    }
}
