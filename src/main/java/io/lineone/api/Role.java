package io.lineone.api;

/** What a signed-in user may see and do: the server decides visibility and permissions from it. */
public enum Role {
    MANAGER,
    SUPERVISOR,
    PRODUCT_OWNER,
    ADMIN,
    SERVICE
}
