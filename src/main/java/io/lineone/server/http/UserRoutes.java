package io.lineone.server.http;

import io.lineone.api.NewUser;
import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.server.domain.UserService;

/** {@code /users}. */
final class UserRoutes {

    private final UserService users;
    private final Requests requests;

    UserRoutes(UserService users, Requests requests) {
        this.users = users;
        this.requests = requests;
    }

    void register(Router router) {
        router.post("/users", (ctx, caller) -> {
            User user = users.create(caller, requests.body(ctx, NewUser.class));
            ctx.status(201).header("Location", Router.BASE + "/users/" + user.id()).json(user);
        });
        router.get("/users", (ctx, caller) -> ctx.json(users.list(caller,
                Requests.enumParam(ctx, "role", Role.class), Requests.cursor(ctx), Requests.limit(ctx))));
    }
}
