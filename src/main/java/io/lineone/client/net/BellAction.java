package io.lineone.client.net;

import java.util.Locale;

/**
 * The steps a bell can take, each {@code POST /bells/{id}/<path>}. Who may take which is the server's rule; the
 * console only offers each to the party it belongs to, so the user rarely meets a refusal.
 */
public enum BellAction {
    ACKNOWLEDGE,
    FIXED,
    RESOLVE,
    REOPEN,
    OVERRULE;

    /** The last segment of the step's route. */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }
}
