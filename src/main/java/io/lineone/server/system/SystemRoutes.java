package io.lineone.server.system;

import io.javalin.http.Context;
import io.lineone.api.Health;
import io.lineone.server.db.Database;
import io.lineone.server.http.RouteModule;
import io.lineone.server.http.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code /health} and {@code /openapi.json}: the two routes that need no token. */
public final class SystemRoutes implements RouteModule {

    public static final String OPENAPI_RESOURCE = "/io/lineone/server/system/openapi.json";

    private final Database db;
    private final String version;
    private final byte[] openApi;

    public SystemRoutes(Database db, String version) {
        this.db = db;
        this.version = version;
        this.openApi = loadOpenApi();
    }

    @Override
    public void register(Router router) {
        router.publicGet("/health", this::health);
        router.publicGet("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    private void health(Context ctx) {
        boolean up = db.isReachable();
        String database = db.kind() == Database.Kind.H2 ? "H2" : "PostgreSQL";
        ctx.status(up ? 200 : 503).json(new Health(up ? "UP" : "DOWN", version, database));
    }

    private static byte[] loadOpenApi() {
        try (InputStream in = SystemRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
