package io.lineone.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.lineone.api.Json;
import io.lineone.server.auth.AuthService;
import io.lineone.server.core.DomainException;
import java.util.List;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;

/** The Javalin application: every route of API v1 registered in one place, with one error mapping. */
public final class HttpApi {

    private final Javalin app;
    private final List<Router.Route> routes;

    private HttpApi(Javalin app, List<Router.Route> routes) {
        this.app = app;
        this.routes = routes;
    }

    public static HttpApi create(AuthService auth, HttpPolicy policy, List<RouteModule> modules) {
        ObjectMapper json = Json.mapper();
        Problems problems = new Problems(json);
        Router[] router = new Router[1];
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = Requests.MAX_BODY_BYTES;
            cfg.http.prefer405over404 = true;
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.jetty.modifyServer(server -> {
                server.setErrorHandler(JettyProblemErrors.forServer(json));
                NetworkConnectionLimit limit = new NetworkConnectionLimit(policy.maxConnections(), server);
                // At the limit, connections that say nothing go sooner, so held-open sockets cannot lock others out.
                limit.setEndPointIdleTimeout(Math.min(policy.idleTimeout().toMillis(), 5_000));
                server.addBean(limit);
            });
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                http.setRequestHeaderSize(policy.maxHeaderBytes());
                // No minimum body data rate: Jetty counts it from the request's start, so under load it refused
                // small bodies that had only waited in the queue (a 150-byte PATCH read 150 ms late fell under
                // 1 KiB/s). A stalled body is still cut by the idle timeout; see docs/SECURITY.md for the rest.
                http.setIdleTimeout(policy.idleTimeout().toMillis());
            });
            // Javalin's own connector, with the idle timeout set; host and port are read when the server starts.
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(cfg.jetty.host);
                connector.setPort(cfg.jetty.port);
                connector.setIdleTimeout(policy.idleTimeout().toMillis());
                return connector;
            });
            if (!policy.corsOrigins().isEmpty()) {
                cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    policy.corsOrigins().forEach(rule::allowHost);
                    rule.exposeHeader(RequestIds.HEADER);
                    rule.exposeHeader("ETag");
                }));
            }
            cfg.requestLogger.http(RequestLog::write);
            cfg.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(JettyProblemErrors.forContext(json)));
            cfg.routes.before(ctx -> {
                RequestIds.assign(ctx);
                SecurityHeaders.addTo(ctx::header);
                Long length = ctx.req().getContentLengthLong() >= 0 ? ctx.req().getContentLengthLong() : null;
                if (length != null && length > Requests.MAX_BODY_BYTES) {
                    throw DomainException.of(DomainException.Kind.CONTENT_TOO_LARGE, "body.tooLarge");
                }
            });
            cfg.routes.exception(DomainException.class, problems::domain);
            cfg.routes.exception(HttpResponseException.class, problems::http);
            cfg.routes.exception(Exception.class, problems::unexpected);
            router[0] = new Router(cfg.routes, new Authenticator(auth));
            modules.forEach(module -> module.register(router[0]));
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
