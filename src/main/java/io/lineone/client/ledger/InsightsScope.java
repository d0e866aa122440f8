package io.lineone.client.ledger;

import io.lineone.api.Role;

/** Whose issues the insights count, as the server decides by role; product owners and feeds get none. */
public enum InsightsScope {
    OWN_BOOK, EVERYONE, NONE;

    public static InsightsScope of(Role role) {
        return switch (role) {
            case MANAGER -> OWN_BOOK;
            case SUPERVISOR, ADMIN -> EVERYONE;
            default -> NONE;
        };
    }
}
