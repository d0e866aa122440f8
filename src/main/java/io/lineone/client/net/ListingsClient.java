package io.lineone.client.net;

import static io.lineone.client.net.HttpJson.paged;

import io.lineone.api.Coupon;
import io.lineone.api.Listing;
import io.lineone.api.MerchantCash;
import io.lineone.api.Page;
import io.lineone.api.PricePoint;

/** {@link ListingsApi} over HTTP. */
final class ListingsClient implements ListingsApi {

    private final HttpJson http;

    ListingsClient(HttpJson http) {
        this.http = http;
    }

    @Override
    public Page<Listing> listings(String merchantId, String cursor, Integer limit) throws BackendException {
        return http.page(paged(http.path("merchants", merchantId, "listings"), cursor, limit), Listing.class);
    }

    @Override
    public Listing listing(String id) throws BackendException {
        return http.get(http.path("listings", id), Listing.class);
    }

    @Override
    public Page<PricePoint> listingPrices(String listingId, String cursor, Integer limit) throws BackendException {
        return http.page(paged(http.path("listings", listingId, "prices"), cursor, limit), PricePoint.class);
    }

    @Override
    public Page<Coupon> merchantCoupons(String merchantId, String cursor, Integer limit) throws BackendException {
        return http.page(paged(http.path("merchants", merchantId, "coupons"), cursor, limit), Coupon.class);
    }

    @Override
    public MerchantCash merchantCash(String merchantId) throws BackendException {
        return http.get(http.path("merchants", merchantId, "cash"), MerchantCash.class);
    }
}
