package io.lineone.server.http;

import io.lineone.api.AssigneeChange;
import io.lineone.api.Band;
import io.lineone.api.Merchant;
import io.lineone.api.NewMerchant;
import io.lineone.api.Tier;
import io.lineone.server.domain.MerchantService;

/** {@code /merchants}. */
final class MerchantRoutes {

    private final MerchantService merchants;
    private final Requests requests;

    MerchantRoutes(MerchantService merchants, Requests requests) {
        this.merchants = merchants;
        this.requests = requests;
    }

    void register(Router router) {
        router.get("/merchants", (ctx, caller) -> ctx.json(merchants.list(caller,
                Requests.enumParam(ctx, "assigned", MerchantService.Scope.class),
                Requests.textParam(ctx, "q", 100),
                Requests.enumParam(ctx, "tier", Tier.class),
                Requests.enumParam(ctx, "band", Band.class),
                Requests.cursor(ctx),
                Requests.limit(ctx))));
        router.post("/merchants", (ctx, caller) -> {
            Merchant merchant = merchants.create(caller, requests.body(ctx, NewMerchant.class));
            ctx.status(201).header("Location", Router.BASE + "/merchants/" + merchant.id()).json(merchant);
        });
        router.get("/merchants/{id}", (ctx, caller) -> ctx.json(merchants.get(caller, ctx.pathParam("id"))));
        router.put("/merchants/{id}/assignee", (ctx, caller) -> ctx.json(
                merchants.reassign(caller, ctx.pathParam("id"), requests.body(ctx, AssigneeChange.class))));
    }
}
