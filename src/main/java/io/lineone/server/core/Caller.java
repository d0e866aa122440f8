package io.lineone.server.core;

import io.lineone.api.Role;
import io.lineone.api.User;
import java.util.Arrays;

/** The signed-in user on whose behalf a request runs, and the request's id for the audit log. */
public record Caller(User user, String requestId) {

    public String id() {
        return user.id();
    }

    public Role role() {
        return user.role();
    }

    public boolean is(Role... roles) {
        return Arrays.asList(roles).contains(user.role());
    }

    public void require(Role... roles) {
        if (!is(roles)) {
            throw DomainException.of(DomainException.Kind.FORBIDDEN, "role.forbidden", user.role());
        }
    }
}
