package io.lineone.client.net;

import io.lineone.api.Health;
import io.lineone.api.Session;
import io.lineone.api.User;
import java.util.Locale;

/**
 * The calls the console makes to a LineOne server: the session and the event stream here, each feature's calls
 * behind its own interface. Every call blocks on the network, so callers run them through a {@code TaskExecutor};
 * view models depend on these interfaces so their tests can answer without a server.
 */
public interface Backend {

    Health health() throws BackendException;

    /** Asks a server that is not (yet) the signed-in one whether it is a LineOne server that is up. */
    Health health(String serverUrl) throws BackendException;

    /** Signs in to the server at {@code serverUrl}; later calls go there with the new token. */
    Session signIn(String serverUrl, String login, String password) throws BackendException;

    /** Revokes the token on the server; afterwards no call carries it, even if revoking failed. */
    void signOut() throws BackendException;

    /**
     * Revokes every token of the signed-in user on the server, this one and those of their other computers; afterwards
     * no call carries this one. Unlike {@link #signOut}, a failure leaves this session as it was: the server was not
     * told, so the other sessions may still be open and the user should know.
     */
    void signOutEverywhere() throws BackendException;

    User me() throws BackendException;

    /** Asks the server to give its reasons (problem details) in {@code language} where it can, from now on. */
    void speak(Locale language);

    /**
     * Follows {@code GET /events} from {@code lastEventId} (null: from now on) until closed, reconnecting on
     * its own. The listener is called on the stream's threads.
     */
    EventStream subscribe(Long lastEventId, EventStream.Listener listener);

    MerchantsApi merchants();

    IssuesApi issues();

    ConversationApi conversation();

    BellsApi bells();

    ListingsApi listings();

    FixesApi fixes();

    InsightsApi insights();
}
