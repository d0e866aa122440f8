package io.lineone.client.net;

import io.lineone.api.Health;
import io.lineone.api.Merchant;
import io.lineone.api.Page;
import io.lineone.api.Session;
import io.lineone.api.Tier;
import io.lineone.api.User;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls the console makes to a LineOne server. Every method blocks on the network, so
 * callers run them through a {@code TaskExecutor}; view models depend on this interface so their
 * tests can answer without a server.
 */
public interface Backend {

    /** Merchants assigned to the caller (the manager's own book). */
    String ASSIGNED_ME = "me";
    /** Every merchant the caller may see. */
    String ASSIGNED_ALL = "all";
    /** The largest page the server serves. */
    int MAX_PAGE = 500;

    Health health() throws BackendException;

    /** Signs in to the server at {@code serverUrl}; later calls go there with the new token. */
    Session signIn(String serverUrl, String login, String password) throws BackendException;

    /** Revokes the token on the server; afterwards no call carries it, even if revoking failed. */
    void signOut() throws BackendException;

    User me() throws BackendException;

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
        List<Merchant> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<Merchant> page = merchants(ASSIGNED_ME, null, null, cursor, MAX_PAGE);
            all.addAll(page.items());
            // A server that hands back the cursor it was given would keep us here forever.
            if (page.nextCursor() != null && page.nextCursor().equals(cursor)) {
                throw BackendException.unexpected(String.valueOf(cursor), null);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }
}
