package io.lineone.client.net;

import io.lineone.api.Merchant;
import io.lineone.api.MerchantFacets;
import io.lineone.api.Page;
import io.lineone.api.Scorecard;
import io.lineone.api.Tier;
import io.lineone.api.TimelineEntry;
import java.util.List;

/** The merchants the caller may see. */
public interface MerchantsApi {

    /** Merchants assigned to the caller (the manager's own book). */
    String ASSIGNED_ME = "me";
    /** Every merchant the caller may see. */
    String ASSIGNED_ALL = "all";

    /**
     * One page of merchants.
     *
     * @param assigned {@link #ASSIGNED_ME}, {@link #ASSIGNED_ALL} or null for the server's default
     * @param q        free-text search or null
     * @param tier     tier filter or null
     * @param cursor   {@code nextCursor} of the previous page or null for the first
     * @param limit    page size or null for the server's default
     */
    Page<Merchant> merchants(String assigned, String q, Tier tier, String cursor, Integer limit)
            throws BackendException;

    Merchant merchant(String id) throws BackendException;

    /** Every merchant in the caller's own book, all pages fetched. */
    default List<Merchant> allMyMerchants() throws BackendException {
        return Pages.all(cursor -> merchants(ASSIGNED_ME, null, null, cursor, Pages.MAX));
    }

    /** Every merchant the caller may see (a supervisor's or an admin's: the whole program), all pages fetched. */
    default List<Merchant> allVisibleMerchants() throws BackendException {
        return Pages.all(cursor -> merchants(ASSIGNED_ALL, null, null, cursor, Pages.MAX));
    }

    // ---- The merchant book at program scale (issue 11) ----

    /** The categories and regions the filters offer over the merchants the caller sees, and how many there are. */
    MerchantFacets facets(String assigned) throws BackendException;

    /** A merchant's scorecard: each metric against its target, and the score's history. */
    Scorecard scorecard(String merchantId) throws BackendException;

    /** One page of a merchant's timeline, newest first. */
    Page<TimelineEntry> timeline(String merchantId, String cursor, Integer limit) throws BackendException;

    /** Moves a merchant to another manager's book (SUPERVISOR, ADMIN); its open issues follow. */
    Merchant reassign(String merchantId, String managerId) throws BackendException;
}
