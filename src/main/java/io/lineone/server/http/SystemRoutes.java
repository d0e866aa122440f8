package io.lineone.server.http;

import io.javalin.http.Context;
import io.lineone.api.Health;
import io.lineone.server.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code /health} and {@code /openapi.json}: the two routes that need no token. */
final class SystemRoutes {

    static final String OPENAPI_RESOURCE = "/io/lineone/server/http/openapi.json";

    private final Database db;
    private final String version;
    private final byte[] openApi;

    SystemRoutes(Database db, String version) {
        this.db = db;
        this.version = version;
        this.openApi = loadOpenApi();
    }

    void register(Router router) {
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
