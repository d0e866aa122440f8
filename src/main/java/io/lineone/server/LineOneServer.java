package io.lineone.server;

import io.lineone.api.NewUser;
import io.lineone.api.Release;
import io.lineone.api.ReleaseStage;
import io.lineone.api.Role;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.auth.AuthService;
import io.lineone.server.auth.LoginFailureStore;
import io.lineone.server.auth.PasswordHasher;
import io.lineone.server.auth.TokenStore;
import io.lineone.server.auth.UserStore;
import io.lineone.server.conversation.ConversationRoutes;
import io.lineone.server.conversation.ConversationService;
import io.lineone.server.conversation.ConversationStore;
import io.lineone.server.core.DomainException;
import io.lineone.server.db.Database;
import io.lineone.server.db.IdempotencyKeys;
import io.lineone.server.db.StoreException;
import io.lineone.server.events.EventHub;
import io.lineone.server.events.EventLog;
import io.lineone.server.events.EventRoutes;
import io.lineone.server.events.PgNotifications;
import io.lineone.server.fixes.FixRoutes;
import io.lineone.server.fixes.FixService;
import io.lineone.server.fixes.FixStore;
import io.lineone.server.http.HttpApi;
import io.lineone.server.http.Router;
import io.lineone.server.insights.InsightsRoutes;
import io.lineone.server.insights.InsightsService;
import io.lineone.server.insights.InsightsStore;
import io.lineone.server.issues.IssueManagement;
import io.lineone.server.issues.IssueManagementRoutes;
import io.lineone.server.issues.IssueRoutes;
import io.lineone.server.issues.IssueReplies;
import io.lineone.server.issues.IssueService;
import io.lineone.server.issues.IssueStore;
import io.lineone.server.issues.TeamLoad;
import io.lineone.server.listings.CouponService;
import io.lineone.server.listings.CouponStore;
import io.lineone.server.listings.DetectorRun;
import io.lineone.server.listings.FeedWrites;
import io.lineone.server.listings.FixTargets;
import io.lineone.server.listings.ListingRoutes;
import io.lineone.server.listings.ListingService;
import io.lineone.server.listings.ListingStore;
import io.lineone.server.merchants.Lighthouse;
import io.lineone.server.merchants.MerchantRoutes;
import io.lineone.server.merchants.MerchantService;
import io.lineone.server.merchants.MerchantStore;
import io.lineone.server.releases.BellRoutes;
import io.lineone.server.releases.BellService;
import io.lineone.server.releases.BellStore;
import io.lineone.server.releases.ReleaseRoutes;
import io.lineone.server.releases.ReleaseService;
import io.lineone.server.releases.ReleaseStore;
import io.lineone.server.sim.DemoFeed;
import io.lineone.server.sim.DemoHistory;
import io.lineone.server.sim.DemoReleases;
import io.lineone.server.sim.DemoWorkspace;
import io.lineone.server.sim.TrafficSimulator;
import io.lineone.server.system.SystemRoutes;
import io.lineone.server.users.SessionRoutes;
import io.lineone.server.users.UserRoutes;
import io.lineone.server.users.UserService;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running backend: the one place where stores, services and routes are wired together. */
public final class LineOneServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LineOneServer.class);

    private final ServerConfig config;
    private final Database db;
    private final HttpApi http;
    private final EventHub events;
    private final AutoCloseable otherBackends;
    private final AutoCloseable bellClock;
    private final Optional<TrafficSimulator> simulator;
    private final Optional<DemoFeed> demoFeed;

    private LineOneServer(ServerConfig config, Database db, HttpApi http, EventHub events, AutoCloseable otherBackends,
                          AutoCloseable bellClock, Optional<TrafficSimulator> simulator, Optional<DemoFeed> demoFeed) {
        this.config = config;
        this.db = db;
        this.http = http;
        this.events = events;
        this.otherBackends = otherBackends;
        this.bellClock = bellClock;
        this.simulator = simulator;
        this.demoFeed = demoFeed;
    }

    /**
     * Opens and migrates the database, creates the first accounts on an empty one, and starts serving.
     *
     * @throws ServerStartException with a one-line reason (database unreachable, port in use, no admin password)
     */
    public static LineOneServer start(ServerConfig config) {
        Database db;
        try {
            String owner = System.getenv("LINEONE_DB_OWNER_USER");
            db = Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize(),
                    owner == null || owner.isBlank() ? null
                            : new Database.Owner(owner, System.getenv("LINEONE_DB_OWNER_PASSWORD")));
        } catch (StoreException e) {
            throw new ServerStartException(e.getMessage(), e);
        }
        EventHub events = null;
        HttpApi http = null;
        AutoCloseable otherBackends = () -> { };
        try {
            PasswordHasher hasher = new PasswordHasher(config.passwordIterations());
            UserStore userStore = new UserStore(db);
            AuditLog audit = new AuditLog(db);
            AuthService auth = new AuthService(db, userStore, new TokenStore(db), new LoginFailureStore(db), audit,
                    hasher, config.clock());
            UserService users = new UserService(db, userStore, audit, hasher, config.clock());
            EventLog eventLog = new EventLog(db);
            events = new EventHub(eventLog, config.eventStream());
            // Backends sharing one PostgreSQL hear of each other's events at once (LISTEN/NOTIFY).
            otherBackends = PgNotifications.start(db, events);
            MerchantStore merchantStore = new MerchantStore(db);
            MerchantService merchants = new MerchantService(db, merchantStore, userStore, audit,
                    new Lighthouse(config.lighthouseWeights(), config.lighthouseTargets()), eventLog, events,
                    config.clock());
            IssueStore issueStore = new IssueStore(db);
            ReleaseStore releaseStore = new ReleaseStore(db);
            IssueService issues = new IssueService(db, issueStore, merchants, eventLog, audit, events,
                    config.sla(), releaseStore, config.clock());
            BellStore bellStore = new BellStore(db);
            ReleaseService releases = new ReleaseService(db, releaseStore, bellStore, userStore, issues, eventLog,
                    audit, events, config.clock());
            IdempotencyKeys idempotencyKeys = new IdempotencyKeys(db);
            BellService bells = new BellService(db, bellStore, releaseStore, issues, idempotencyKeys,
                    eventLog, audit, events, config.bells(), config.clock());
            ConversationService conversation = new ConversationService(db, new ConversationStore(db),
                    new IssueReplies(issueStore, audit, config.clock()),
                    eventLog, audit, events, config.clock(), idempotencyKeys);
            ListingStore listingStore = new ListingStore(db);
            CouponStore couponStore = new CouponStore(db);
            DetectorRun detectors = new DetectorRun(listingStore, couponStore, issues);
            FeedWrites feedWrites = new FeedWrites(db, idempotencyKeys, events);
            ListingService listings = new ListingService(db, listingStore, couponStore, merchants, detectors, feedWrites,
                    eventLog, audit, config.clock());
            CouponService coupons = new CouponService(couponStore, listingStore, merchants, detectors, feedWrites,
                    eventLog, audit, config.clock());
            FixService fixes = new FixService(db, new FixStore(db), new FixTargets(db, listingStore, couponStore,
                    merchants, detectors, audit), merchants, issues, idempotencyKeys, eventLog, audit, events,
                    config.clock());

            // The routes are made on a thread of their own while the demo's first launch seeds its data: on two cores
            // that is two jobs side by side instead of one after the other. The same for the demo's history (which only
            // the insights read) and the HTTP server's start. Nothing is served before the accounts, merchants and issues are
            // in, and start() returns once the history is too.
            EventHub hub = events;
            // Every route of the API, feature by feature: a new feature is one more entry here.
            Supplier<HttpApi> api = () -> HttpApi.create(auth, config.http(), List.of(
                    new SystemRoutes(db, version()),
                    new SessionRoutes(auth),
                    new UserRoutes(users),
                    new MerchantRoutes(merchants),
                    new IssueRoutes(issues),
                    new IssueManagementRoutes(new IssueManagement(db, issueStore, userStore, eventLog, audit, hub,
                            config.sla(), config.clock()), new TeamLoad(issueStore, userStore, config.clock())),
                    new ReleaseRoutes(releases),
                    new BellRoutes(bells),
                    new ConversationRoutes(conversation),
                    new ListingRoutes(listings, coupons),
                    new FixRoutes(fixes),
                    new InsightsRoutes(new InsightsService(new InsightsStore(db), config.clock())),
                    new EventRoutes(hub, auth)));
            CompletableFuture<HttpApi> routes = CompletableFuture.supplyAsync(api, ownThread("lineone-routes"));
            CompletableFuture<Void> history = CompletableFuture.completedFuture(null);
            try {
                bootstrap(config, userStore, users, merchants);
                if (config.demo() && issueStore.count() == 0) {
                    // Also for a demo database made before issues existed: the queue should be alive at launch.
                    TrafficSimulator.seed(issues, merchantStore, userStore, config.clock());
                }
                if (config.demo() && !config.simulate()) {
                    // With live traffic the demo feed seeds the listings on its own thread, off the cold start.
                    DemoFeed.seed(listings, merchantStore, userStore, config.clock());
                }
                if (config.demo() && releaseStore.count() == 0) {
                    DemoReleases.seed(releases, bells, issues, merchantStore, userStore, config.clock());
                    history = CompletableFuture.runAsync(() -> DemoHistory.seed(db, config.clock()),
                            ownThread("lineone-demo-history"));
                }
                http = joined(routes);
                startHttp(http, config);
                joined(history);
            } catch (RuntimeException e) {
                // Whatever still runs beside must end before the database closes under it.
                routes.handle((done, failure) -> null).join();
                history.handle((done, failure) -> null).join();
                if (http != null) {
                    http.stop();
                }
                throw e;
            }
            Optional<TrafficSimulator> simulator = config.demo() && config.simulate()
                    ? TrafficSimulator.start(issues, conversation, issueStore, merchantStore, userStore,
                            releases.inStage(ReleaseStage.ROLLING_OUT).stream().map(Release::id).toList())
                    : Optional.empty();
            Optional<DemoFeed> demoFeed = config.demo() && config.simulate()
                    ? DemoFeed.start(listings, coupons, merchantStore, userStore, config.clock()) : Optional.empty();
            AutoCloseable bellClock = bells.startClock(config.bells().checkEvery());
            return new LineOneServer(config, db, http, events, otherBackends, bellClock, simulator, demoFeed);
        } catch (RuntimeException e) {
            closeQuietly(otherBackends);
            if (events != null) {
                events.close();
            }
            db.close();
            throw e;
        }
    }

    /** Runs each task given on a daemon thread of its own, named {@code name}. */
    private static Executor ownThread(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        };
    }

    /** The result of work done beside, its failure thrown as it was thrown there. */
    private static <T> T joined(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("{} did not stop cleanly: {}", resource, e.toString());
        }
    }

    /** Creates the first accounts on an empty database. */
    private static void bootstrap(ServerConfig config, UserStore userStore, UserService users,
                                     MerchantService merchants) {
        if (!userStore.isEmpty()) {
            return;
        }
        if (config.demo()) {
            DemoWorkspace.seed(users, merchants, config.adminPassword(), config.demoMerchants(), config.clock());
            return;
        }
        if (config.adminPassword() == null || config.adminPassword().isBlank()) {
            throw new ServerStartException("the database is empty: set LINEONE_ADMIN_PASSWORD to create the admin"
                    + " account, or start with --demo", null);
        }
        try {
            users.createUnchecked(null, new NewUser("admin", "Administrator", Role.ADMIN, config.adminPassword()));
        } catch (DomainException e) {
            throw new ServerStartException("LINEONE_ADMIN_PASSWORD is not usable: " + e.errors().get(0).message(), e);
        }
        LOG.info("created the ADMIN account 'admin'");
    }

    private static void startHttp(HttpApi http, ServerConfig config) {
        // Asked first so a taken port is one clear line, not also Javalin's own error log.
        if (config.port() != 0 && !portIsFree(config.host(), config.port())) {
            throw new ServerStartException("port " + config.port() + " on " + config.host()
                    + " is already in use (choose another with --port)", null);
        }
        try {
            http.start(config.host(), config.port());
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof BindException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                throw new ServerStartException("port " + config.port() + " on " + config.host()
                        + " is already in use (choose another with --port)", e);
            }
            throw new ServerStartException("cannot start the HTTP server: " + e.getMessage(), e);
        }
    }

    private static boolean portIsFree(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return http.port();
    }

    /** The root URL, e.g. {@code http://127.0.0.1:54321}; the API lives under {@code /api/v1}. */
    public String url() {
        String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        return "http://" + host + ":" + port();
    }

    public String databaseDescription() {
        return db.kind() == Database.Kind.H2 ? "H2" : "PostgreSQL";
    }

    /** Every route the API serves, for the OpenAPI consistency test. */
    public List<Router.Route> routes() {
        return http.routes();
    }

    public static String version() {
        String version = LineOneServer.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    @Override
    public void close() {
        simulator.ifPresent(TrafficSimulator::close);
        demoFeed.ifPresent(DemoFeed::close);
        try {
            bellClock.close();
        } catch (Exception e) {
            LOG.warn("the bell clock did not stop cleanly: {}", e.toString());
        }
        closeQuietly(otherBackends);
        events.close();
        http.stop();
        db.closeAndDiscardInMemory();
    }
}
