package io.lineone.server.auth;

import io.lineone.server.core.Caller;

/**
 * Who may see what of the merchants' books: a MANAGER the merchants assigned to them (and their issues), a
 * PRODUCT_OWNER none — they own releases, not merchants — and everyone else all of them. Services ask here, so
 * the rule is written once.
 */
public final class Visibility {

    private Visibility() {
    }

    /** Whether the caller may see a merchant (or anything of it) assigned to {@code managerId}, which may be null. */
    public static boolean seesBookOf(Caller caller, String managerId) {
        return switch (caller.role()) {
            case MANAGER -> caller.id().equals(managerId);
            case SUPERVISOR, ADMIN, SERVICE -> true;
            case PRODUCT_OWNER -> false;
        };
    }
}
