package io.lineone.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.lineone.api.Json;
import io.lineone.server.auth.AuthService;
import io.lineone.server.domain.DomainException;
import io.lineone.server.domain.IssueService;
import io.lineone.server.domain.MerchantService;
import io.lineone.server.domain.UserService;
import io.lineone.server.store.Database;
import java.util.List;

/** The Javalin application: every route of API v1 registered in one place, with one error mapping. */
public final class HttpApi {

    /** What the routes need, built once by the server's wiring. */
    public record Services(Database db, AuthService auth, UserService users, MerchantService merchants,
                           IssueService issues, List<RouteModule> modules, String version) {
    }

    private final Javalin app;
    private final List<Router.Route> routes;

    private HttpApi(Javalin app, List<Router.Route> routes) {
        this.app = app;
        this.routes = routes;
    }

    public static HttpApi create(Services services) {
        ObjectMapper json = Json.mapper();
        Problems problems = new Problems(json);
        Requests requests = new Requests(json);
        Router[] router = new Router[1];
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = Requests.MAX_BODY_BYTES;
            cfg.http.prefer405over404 = true;
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.jetty.modifyServer(server -> server.setErrorHandler(JettyProblemErrors.forServer(json)));
            cfg.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(JettyProblemErrors.forContext(json)));
            cfg.routes.before(ctx -> {
                RequestIds.assign(ctx);
                Long length = ctx.req().getContentLengthLong() >= 0 ? ctx.req().getContentLengthLong() : null;
                if (length != null && length > Requests.MAX_BODY_BYTES) {
                    throw new DomainException(DomainException.Kind.CONTENT_TOO_LARGE, "The body is larger than 1 MiB.");
                }
            });
            cfg.routes.exception(DomainException.class, problems::domain);
            cfg.routes.exception(HttpResponseException.class, problems::http);
            cfg.routes.exception(Exception.class, problems::unexpected);
            router[0] = new Router(cfg.routes, new Authenticator(services.auth()));
            new SystemRoutes(services.db(), services.version()).register(router[0]);
            new SessionRoutes(services.auth(), requests).register(router[0]);
            new UserRoutes(services.users(), requests).register(router[0]);
            new MerchantRoutes(services.merchants(), requests).register(router[0]);
            new IssueRoutes(services.issues(), requests).register(router[0]);
            services.modules().forEach(module -> module.register(router[0]));
        });
        return new HttpApi(app, router[0].registered());
    }

    public HttpApi start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }

    /** Every route as registered, for the test that keeps {@code openapi.json} true. */
    public List<Router.Route> routes() {
        return routes;
    }
}
