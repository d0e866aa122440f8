package io.lineone.server.events;

import io.lineone.server.core.Caller;

/**
 * Which events a subscriber may see. A MANAGER: events without a merchant (releases, bells) and those of their
 * own merchants; a PRODUCT_OWNER: only events without a merchant; everyone else: all.
 *
 * <p>Live, "their own" means the merchant's manager when the event was written (carried by the event); on
 * replay it means the merchant's manager now, so a merchant moved away takes its history with it.
 */
record Audience(Kind kind, String managerId) {

    enum Kind { ALL, MANAGER, GLOBAL_ONLY }

    static final Audience EVERYTHING = new Audience(Kind.ALL, null);

    static Audience of(Caller caller) {
        return switch (caller.role()) {
            case MANAGER -> new Audience(Kind.MANAGER, caller.id());
            case PRODUCT_OWNER -> new Audience(Kind.GLOBAL_ONLY, null);
            case SUPERVISOR, ADMIN, SERVICE -> EVERYTHING;
        };
    }

    boolean sees(Frame frame) {
        return switch (kind) {
            case ALL -> true;
            case MANAGER -> frame.merchantId() == null || managerId.equals(frame.managerId());
            case GLOBAL_ONLY -> frame.merchantId() == null;
        };
    }
}
