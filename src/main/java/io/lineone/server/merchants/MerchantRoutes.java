package io.lineone.server.merchants;

import io.lineone.api.AssigneeChange;
import io.lineone.api.Band;
import io.lineone.api.Merchant;
import io.lineone.api.NewMerchant;
import io.lineone.api.Tier;
import io.lineone.server.http.Requests;
import io.lineone.server.http.RouteModule;
import io.lineone.server.http.Router;

/** {@code /merchants}. */
public record MerchantRoutes(MerchantService merchants) implements RouteModule {

    @Override
    public void register(Router router) {
        router.get("/merchants", (ctx, caller) -> ctx.json(merchants.list(caller,
                Requests.enumParam(ctx, "assigned", MerchantService.Scope.class),
                Requests.textParam(ctx, "q", 100),
                Requests.enumParam(ctx, "tier", Tier.class),
                Requests.enumParam(ctx, "band", Band.class),
                Requests.cursor(ctx),
                Requests.limit(ctx))));
        router.post("/merchants", (ctx, caller) -> {
            Merchant merchant = merchants.create(caller, Requests.body(ctx, NewMerchant.class));
            ctx.status(201).header("Location", Router.BASE + "/merchants/" + merchant.id()).json(merchant);
        });
        router.get("/merchants/{id}", (ctx, caller) -> ctx.json(merchants.get(caller, ctx.pathParam("id"))));
        router.put("/merchants/{id}/assignee", (ctx, caller) -> ctx.json(
                merchants.reassign(caller, ctx.pathParam("id"), Requests.body(ctx, AssigneeChange.class))));
    }
}
