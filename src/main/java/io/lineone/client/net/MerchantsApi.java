package io.lineone.client.net;

import io.lineone.api.Merchant;
import io.lineone.api.Page;
import io.lineone.api.Tier;
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
}
