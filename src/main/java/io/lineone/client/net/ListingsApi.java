package io.lineone.client.net;

import io.lineone.api.Coupon;
import io.lineone.api.Listing;
import io.lineone.api.MerchantCash;
import io.lineone.api.Page;
import io.lineone.api.PricePoint;
import java.util.List;

/** A merchant's listings, coupons and cash: what the detectors watch and the fixes change. */
public interface ListingsApi {

    /** One page of a merchant's listings, each with what the detectors see in it now. */
    Page<Listing> listings(String merchantId, String cursor, Integer limit) throws BackendException;

    /** Every listing of a merchant, all pages fetched. */
    default List<Listing> allListings(String merchantId) throws BackendException {
        return Pages.all(cursor -> listings(merchantId, cursor, Pages.MAX));
    }

    Listing listing(String id) throws BackendException;

    /** A listing's prices, newest first. */
    Page<PricePoint> listingPrices(String listingId, String cursor, Integer limit) throws BackendException;

    /** The coupons of a merchant's shop. */
    Page<Coupon> merchantCoupons(String merchantId, String cursor, Integer limit) throws BackendException;

    /** A merchant's cash balance and pending automatic deduction. */
    MerchantCash merchantCash(String merchantId) throws BackendException;
}
