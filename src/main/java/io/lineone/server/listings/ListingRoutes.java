package io.lineone.server.listings;

import io.javalin.http.Context;
import io.lineone.api.CashUpdate;
import io.lineone.api.Coupon;
import io.lineone.api.CouponPatch;
import io.lineone.api.Listing;
import io.lineone.api.ListingPatch;
import io.lineone.api.NewCoupon;
import io.lineone.api.NewListing;
import io.lineone.server.core.IfMatch;
import io.lineone.server.http.Requests;
import io.lineone.server.http.RouteModule;
import io.lineone.server.http.Router;

/**
 * The marketplace feed's listings, coupons and merchant cash: written by SERVICE and ADMIN (retried safely with
 * {@code Idempotency-Key}), read by whoever sees the merchant. A listing answers with its version as {@code ETag};
 * {@code PATCH} takes an optional {@code If-Match}.
 */
public record ListingRoutes(ListingService listings, CouponService coupons) implements RouteModule {

    @Override
    public void register(Router router) {
        router.post("/merchants/{id}/listings", (ctx, caller) -> {
            Listing listing = listings.create(caller, ctx.pathParam("id"), Requests.idempotencyKey(ctx),
                    Requests.body(ctx, NewListing.class));
            tagged(ctx.status(201).header("Location", Router.BASE + "/listings/" + listing.id()), listing);
        });
        router.get("/merchants/{id}/listings", (ctx, caller) -> ctx.json(listings.list(caller, ctx.pathParam("id"),
                Requests.cursor(ctx), Requests.limit(ctx))));
        router.get("/listings/{id}", (ctx, caller) -> tagged(ctx, listings.get(caller, ctx.pathParam("id"))));
        router.patch("/listings/{id}", (ctx, caller) -> {
            ListingPatch patch = Requests.body(ctx, ListingPatch.class);
            tagged(ctx, listings.patch(caller, ctx.pathParam("id"), Requests.idempotencyKey(ctx),
                    IfMatch.parse(ctx.header("If-Match")), patch));
        });
        router.get("/listings/{id}/prices", (ctx, caller) -> ctx.json(listings.prices(caller, ctx.pathParam("id"),
                ctx.queryParam("cursor"), Requests.limit(ctx))));
        router.get("/listings/{id}/coupons", (ctx, caller) -> ctx.json(coupons.ofListing(caller, ctx.pathParam("id"),
                Requests.cursor(ctx), Requests.limit(ctx))));
        router.post("/merchants/{id}/coupons", (ctx, caller) -> {
            Coupon coupon = coupons.create(caller, ctx.pathParam("id"), Requests.idempotencyKey(ctx),
                    Requests.body(ctx, NewCoupon.class));
            ctx.status(201).header("Location", Router.BASE + "/coupons/" + coupon.id()).json(coupon);
        });
        router.get("/merchants/{id}/coupons", (ctx, caller) -> ctx.json(coupons.ofMerchant(caller,
                ctx.pathParam("id"), Requests.cursor(ctx), Requests.limit(ctx))));
        router.get("/coupons/{id}", (ctx, caller) -> ctx.json(coupons.get(caller, ctx.pathParam("id"))));
        router.patch("/coupons/{id}", (ctx, caller) -> {
            CouponPatch patch = Requests.body(ctx, CouponPatch.class);
            ctx.json(coupons.patch(caller, ctx.pathParam("id"), Requests.idempotencyKey(ctx), patch));
        });
        router.get("/merchants/{id}/cash", (ctx, caller) -> ctx.json(listings.cash(caller, ctx.pathParam("id"))));
        router.put("/merchants/{id}/cash", (ctx, caller) -> {
            CashUpdate update = Requests.body(ctx, CashUpdate.class);
            ctx.json(listings.putCash(caller, ctx.pathParam("id"), Requests.idempotencyKey(ctx), update));
        });
    }

    private static void tagged(Context ctx, Listing listing) {
        ctx.header("ETag", IfMatch.etag(listing.version())).json(listing);
    }
}
