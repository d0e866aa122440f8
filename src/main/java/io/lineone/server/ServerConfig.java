package io.lineone.server;

import io.lineone.server.auth.PasswordHasher;
import io.lineone.server.db.SchemaTemplate;
import io.lineone.server.events.EventHub;
import io.lineone.server.http.HttpPolicy;
import io.lineone.server.issues.SlaPolicy;
import io.lineone.server.merchants.LighthouseTargets;
import io.lineone.server.sim.DemoWorkspace;
import io.lineone.server.merchants.LighthouseWeights;
import io.lineone.server.releases.BellPolicy;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/**
 * Everything a backend needs to start.
 *
 * @param adminPassword password of the ADMIN account created on an empty database; null refuses an empty
 *                      database unless {@code demo}
 * @param demo          seed the demo workspace into an empty database
 * @param simulate      run the demo traffic simulator (only with {@code demo})
 * @param sla           issue SLA targets per priority
 * @param eventStream   heartbeat and buffering of {@code GET /events}
 * @param bells         how soon a bell must be acknowledged before it is raised to the supervisors
 * @param dbPoolSize    connections this backend keeps to its database (requests wait for one when all are busy)
 * @param http          CORS origins and the limits on headers and slow clients
 */
public record ServerConfig(
        String host,
        int port,
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        boolean demo,
        boolean simulate,
        String adminPassword,
        Clock clock,
        int passwordIterations,
        LighthouseWeights lighthouseWeights,
        LighthouseTargets lighthouseTargets,
        int demoMerchants,
        SlaPolicy sla,
        EventHub.Settings eventStream,
        BellPolicy bells,
        int dbPoolSize,
        HttpPolicy http) {

    public static final int DEFAULT_PORT = 8080;
    /** The ADMIN password of {@link #forTests()}. */
    public static final String TEST_ADMIN_PASSWORD = "admin-test-password";

    /**
     * Connections per backend unless {@code --db-pool} or {@code LINEONE_DB_POOL} says otherwise. Requests that
     * find all busy wait in the pool's queue, which costs less than more connections than the database has cores
     * to run them: see the README on sizing.
     */
    public static final int DEFAULT_DB_POOL = 16;

    private static final String H2_OPTIONS = SchemaTemplate.H2_OPTIONS;

    /** The team server's defaults: every interface, port 8080, H2 under the data directory. */
    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", DEFAULT_PORT, defaultJdbcUrl(), System.getenv("LINEONE_DB_USER"),
                System.getenv("LINEONE_DB_PASSWORD"), false, false, System.getenv("LINEONE_ADMIN_PASSWORD"),
                Clock.systemUTC(), PasswordHasher.DEFAULT_ITERATIONS, LighthouseWeights.DEFAULT, LighthouseTargets.DEFAULT,
                DemoWorkspace.DEFAULT_MERCHANTS, SlaPolicy.DEFAULT,
                EventHub.Settings.DEFAULT, BellPolicy.DEFAULT, poolSizeFromEnvironment(), httpFromEnvironment());
    }

    private static int poolSizeFromEnvironment() {
        String value = System.getenv("LINEONE_DB_POOL");
        if (value == null || value.isBlank()) {
            return DEFAULT_DB_POOL;
        }
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 1 && size <= 1000) {
                return size;
            }
        } catch (NumberFormatException e) {
            // falls through to the same message
        }
        throw new IllegalArgumentException("LINEONE_DB_POOL must be a whole number from 1 to 1000, not '" + value + "'");
    }

    private static HttpPolicy httpFromEnvironment() {
        String origins = System.getenv("LINEONE_CORS_ORIGINS");
        if (origins == null || origins.isBlank()) {
            return HttpPolicy.DEFAULT;
        }
        try {
            return HttpPolicy.DEFAULT.withCorsOrigins(HttpPolicy.parseOrigins(origins));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("LINEONE_CORS_ORIGINS: " + e.getMessage());
        }
    }

    /** The console's in-process backend: loopback only, any free port, demo workspace with live traffic. */
    public static ServerConfig embedded() {
        return new ServerConfig("127.0.0.1", 0, defaultJdbcUrl(), null, null, true, true, null,
                Clock.systemUTC(), PasswordHasher.DEFAULT_ITERATIONS, LighthouseWeights.DEFAULT, LighthouseTargets.DEFAULT,
                DemoWorkspace.DEFAULT_MERCHANTS, SlaPolicy.DEFAULT,
                EventHub.Settings.DEFAULT, BellPolicy.DEFAULT, DEFAULT_DB_POOL, HttpPolicy.DEFAULT);
    }

    /** A private in-memory database on a free loopback port, with only the ADMIN account. */
    public static ServerConfig forTests() {
        String url = "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + H2_OPTIONS;
        // Fewer hash iterations only to keep the suite quick; the code path is the production one.
        return new ServerConfig("127.0.0.1", 0, url, null, null, false, false, TEST_ADMIN_PASSWORD,
                Clock.systemUTC(), 1_000, LighthouseWeights.DEFAULT, LighthouseTargets.DEFAULT,
                DemoWorkspace.DEFAULT_MERCHANTS, SlaPolicy.DEFAULT,
                EventHub.Settings.DEFAULT, BellPolicy.DEFAULT, DEFAULT_DB_POOL, HttpPolicy.DEFAULT);
    }

    public static String defaultJdbcUrl() {
        return "jdbc:h2:file:" + DataDirectory.resolve().resolve("db").resolve("lineone").toAbsolutePath() + H2_OPTIONS;
    }

    /** Adds the PostgreSQL compatibility options to an H2 URL that lacks them; others pass unchanged. */
    static String withH2Options(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.toUpperCase(Locale.ROOT).contains(";MODE=")) {
            return jdbcUrl + H2_OPTIONS;
        }
        return jdbcUrl;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A changed copy: start from one of the factories above and set what differs. */
    public static final class Builder {
        private String host;
        private int port;
        private String jdbcUrl;
        private String dbUser;
        private String dbPassword;
        private boolean demo;
        private boolean simulate;
        private String adminPassword;
        private Clock clock;
        private int passwordIterations;
        private LighthouseWeights lighthouseWeights;
        private LighthouseTargets lighthouseTargets;
        private int demoMerchants;
        private SlaPolicy sla;
        private EventHub.Settings eventStream;
        private BellPolicy bells;
        private int dbPoolSize;
        private HttpPolicy http;

        private Builder(ServerConfig from) {
            host = from.host;
            port = from.port;
            jdbcUrl = from.jdbcUrl;
            dbUser = from.dbUser;
            dbPassword = from.dbPassword;
            demo = from.demo;
            simulate = from.simulate;
            adminPassword = from.adminPassword;
            clock = from.clock;
            passwordIterations = from.passwordIterations;
            lighthouseWeights = from.lighthouseWeights;
            lighthouseTargets = from.lighthouseTargets;
            demoMerchants = from.demoMerchants;
            sla = from.sla;
            eventStream = from.eventStream;
            bells = from.bells;
            dbPoolSize = from.dbPoolSize;
            http = from.http;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        /** An H2 URL without options gets the PostgreSQL compatibility ones. */
        public Builder database(String url, String user, String password) {
            jdbcUrl = withH2Options(url);
            dbUser = user;
            dbPassword = password;
            return this;
        }

        public Builder demo(boolean seed, boolean simulateTraffic) {
            demo = seed;
            simulate = simulateTraffic;
            return this;
        }

        public Builder adminPassword(String value) {
            adminPassword = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder lighthouseWeights(LighthouseWeights value) {
            lighthouseWeights = value;
            return this;
        }

        public Builder lighthouseTargets(LighthouseTargets value) {
            lighthouseTargets = value;
            return this;
        }

        /** How many merchants a new demo workspace gets. */
        public Builder demoMerchants(int value) {
            demoMerchants = value;
            return this;
        }

        public Builder sla(SlaPolicy value) {
            sla = value;
            return this;
        }

        public Builder eventStream(EventHub.Settings value) {
            eventStream = value;
            return this;
        }

        public Builder bells(BellPolicy value) {
            bells = value;
            return this;
        }

        public Builder dbPoolSize(int value) {
            dbPoolSize = value;
            return this;
        }

        public Builder http(HttpPolicy value) {
            http = value;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(host, port, jdbcUrl, dbUser, dbPassword, demo, simulate, adminPassword, clock,
                    passwordIterations, lighthouseWeights, lighthouseTargets, demoMerchants, sla, eventStream, bells,
                    dbPoolSize, http);
        }
    }
}
