package io.lineone.server.users;

import io.lineone.api.NewUser;
import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.server.http.Requests;
import io.lineone.server.http.RouteModule;
import io.lineone.server.http.Router;

/** {@code /users}. */
public record UserRoutes(UserService users) implements RouteModule {

    @Override
    public void register(Router router) {
        router.post("/users", (ctx, caller) -> {
            User user = users.create(caller, Requests.body(ctx, NewUser.class));
            ctx.status(201).header("Location", Router.BASE + "/users/" + user.id()).json(user);
        });
        router.get("/users", (ctx, caller) -> ctx.json(users.list(caller,
                Requests.enumParam(ctx, "role", Role.class), Requests.cursor(ctx), Requests.limit(ctx))));
    }
}
