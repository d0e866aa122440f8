package io.lineone.api;

/** What a signed-in user may see and do; SPEC §1. */
public enum Role {
    MANAGER,
    SUPERVISOR,
    PRODUCT_OWNER,
    ADMIN,
    SERVICE
}
