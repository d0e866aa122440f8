package io.lineone.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssuePatch;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantMetrics;
import io.lineone.api.NewIssue;
import io.lineone.api.NewMerchant;
import io.lineone.api.NewUser;
import io.lineone.api.Page;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.api.SessionRequest;
import io.lineone.api.Tier;
import io.lineone.server.LineOneServer;
import io.lineone.server.ServerConfig;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.db.Database;
import io.lineone.server.events.EventHub;
import io.lineone.server.http.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real backend on a loopback port over a database of its own, for the API tests and the console tests alike:
 * a hand-moved clock, the admin's token, helpers that create accounts, merchants and issues through the API
 * itself, the raw HTTP client ({@link #api()}) and a reader of the event stream ({@link #events}).
 *
 * <p>Start one by hand, {@code try (TestServer server = TestServer.onH2().start()) {…}}, or let JUnit run it:
 * as a {@code @RegisterExtension static} field it is started before the class's tests and closed after them, as
 * an instance field it is started and closed around each test.
 */
public final class TestServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    /** The password of every account a test creates. */
    public static final String PASSWORD = "open-sesame-1";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A signed-in account a test created. */
    public record Account(String id, String login, Role role, String token) {
    }

    private final ServerConfig config;
    private final MutableClock clock;
    private final Runnable discardDatabase;
    private final ApiClient api = new ApiClient(this::url);
    private volatile LineOneServer server;
    private String adminToken;
    private Database ownPool;
    private boolean startedForTheClass;

    private TestServer(ServerConfig config, MutableClock clock, Runnable discardDatabase) {
        this.config = config;
        this.clock = clock;
        this.discardDatabase = discardDatabase;
    }

    /** A backend on a private in-memory H2 database, which is gone once the server stops. */
    public static Builder onH2() {
        return new Builder(ServerConfig.forTests().toBuilder(), () -> { });
    }

    /**
     * A backend on an H2 file database in a new directory (under the build's {@code target/}, the tests' temporary
     * directory) and on a free port that stays the same, so that {@link #stop()} and {@link #start()} bring back the
     * same server with the same data at the same URL.
     */
    public static Builder onH2File() {
        try {
            Path dir = Files.createTempDirectory("lineone-h2-");
            String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("lineone");
            return new Builder(ServerConfig.forTests().toBuilder().port(freePort()).database(url, null, null), () -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A backend on a fresh database of the shared PostgreSQL, dropped when the server is closed. */
    public static Builder onPostgres(SharedPostgres postgres) {
        String name = postgres.createDatabase();
        return new Builder(ServerConfig.forTests().toBuilder()
                .database(postgres.jdbcUrl(name), postgres.user(), postgres.password()),
                () -> postgres.dropDatabase(name));
    }

    /**
     * A second backend on the database of {@code first} (PostgreSQL), as a team runs several behind a load balancer;
     * the database stays until {@code first} is closed, so close this one before it.
     */
    public static Builder onSameDatabaseAs(TestServer first) {
        return new Builder(ServerConfig.forTests().toBuilder()
                .database(first.config.jdbcUrl(), first.config.dbUser(), first.config.dbPassword()), () -> { });
    }

    /** How a server is to be started; each choice returns the builder. */
    public static final class Builder {
        private final ServerConfig.Builder config;
        private final Runnable discardDatabase;
        private boolean systemClock;

        private Builder(ServerConfig.Builder config, Runnable discardDatabase) {
            this.config = config;
            this.discardDatabase = discardDatabase;
        }

        /**
         * The real clock instead of a hand-moved one: for the console, which counts SLA time down against the
         * desktop's own clock.
         */
        public Builder systemClock() {
            systemClock = true;
            return this;
        }

        /** How often an idle event stream sends a comment, so a test sees heartbeats without waiting long. */
        public Builder heartbeat(Duration every) {
            config.eventStream(EventHub.Settings.DEFAULT.withHeartbeat(every));
            return this;
        }

        public Builder port(int port) {
            config.port(port);
            return this;
        }

        /** Any other setting of the server, such as its SLA targets. */
        public Builder configure(UnaryOperator<ServerConfig.Builder> settings) {
            settings.apply(config);
            return this;
        }

        /** The server, not started yet: for a {@code @RegisterExtension} field, which JUnit starts. */
        public TestServer build() {
            MutableClock clock = systemClock ? null : new MutableClock();
            return new TestServer(config.clock(systemClock ? Clock.systemUTC() : clock).build(), clock,
                    discardDatabase);
        }

        public TestServer start() {
            TestServer server = build();
            try {
                return server.start();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }
    }

    /** Starts the server (again, after {@link #stop()}); returns it. */
    public TestServer start() {
        server = LineOneServer.start(config);
        return this;
    }

    /** Stops the server; a file or PostgreSQL database stays, an in-memory one is gone. */
    public void stop() {
        adminToken = null;
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            server = null;
            if (ownPool != null) {
                ownPool.close();
                ownPool = null;
            }
        }
    }

    /** Stops the server and throws its database away. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            discardDatabase.run();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startedForTheClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // A static field has been started for the whole class; an instance field gets no beforeAll.
        if (!startedForTheClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!startedForTheClass) {
            close();
        }
    }

    public ServerConfig config() {
        return config;
    }

    /** The server's root URL, e.g. {@code http://127.0.0.1:54321}. */
    public String url() {
        return running().url();
    }

    public int port() {
        return running().port();
    }

    /**
     * Raw HTTP calls, paths relative to {@code /api/v1}, to wherever the server runs when each call is made: it may
     * be taken before JUnit starts the server, as a field initialiser.
     */
    public ApiClient api() {
        return api;
    }

    /** Every route the running server registered (path as OpenAPI writes it), for the tests that must cover each. */
    public List<Router.Route> routes() {
        return running().routes();
    }

    /** The server's clock, which only the test moves. */
    public MutableClock clock() {
        if (clock == null) {
            throw new IllegalStateException("this server runs on the system clock");
        }
        return clock;
    }

    public String adminToken() {
        if (adminToken == null) {
            adminToken = signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD);
        }
        return adminToken;
    }

    public String signIn(String login, String password) {
        ApiClient.Response response = api().post("/session", null, new SessionRequest(login, password));
        assertThat(response.status()).as("sign-in of %s: %s", login, response).isEqualTo(201);
        return response.json().get("token").asText();
    }

    /** Creates a user of that role with a login of its own through {@code POST /users}, then signs them in. */
    public Account account(Role role) {
        return account(role, role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + SEQUENCE.incrementAndGet());
    }

    public Account account(Role role, String login) {
        return account(role, login, "测试 " + login);
    }

    public Account account(Role role, String login, String displayName) {
        ApiClient.Response created = api().post("/users", adminToken(), new NewUser(login, displayName, role, PASSWORD));
        assertThat(created.status()).as("create %s: %s", login, created).isEqualTo(201);
        return new Account(created.json().get("id").asText(), login, role, signIn(login, PASSWORD));
    }

    /** Creates a merchant through {@code POST /merchants} as the admin. */
    public Merchant merchant(NewMerchant merchant) {
        ApiClient.Response created = api().post("/merchants", adminToken(), merchant);
        assertThat(created.status()).as("create merchant %s: %s", merchant.name(), created).isEqualTo(201);
        return created.as(Merchant.class);
    }

    public Merchant merchant(String name, String shopName, Tier tier, String managerId, MerchantMetrics metrics) {
        return merchant(new NewMerchant(name, shopName, tier, "食品生鲜", "浙江", managerId, metrics));
    }

    /** A merchant whose metrics score GREEN. */
    public Merchant merchant(String name, String shopName, Tier tier, String managerId) {
        return merchant(name, shopName, tier, managerId, Metrics.at(0.9));
    }

    /** A merchant with a name of its own ("测试商家…有限公司") in the book of {@code manager}. */
    public Merchant merchantOf(Account manager) {
        return merchant("测试商家" + SEQUENCE.incrementAndGet() + "有限公司", "测试旗舰店", Tier.SME, manager.id());
    }

    /** A merchant with a name of its own that no manager looks after. */
    public Merchant unassignedMerchant() {
        return merchant("测试商家" + SEQUENCE.incrementAndGet() + "有限公司", "测试旗舰店", Tier.SME, null);
    }

    /** Opens an issue through {@code POST /issues} as {@code token}. */
    public Issue issue(String token, NewIssue issue) {
        ApiClient.Response created = api().post("/issues", token, issue);
        assertThat(created.status()).as("open issue %s: %s", issue.title(), created).isEqualTo(201);
        return created.as(Issue.class);
    }

    /** Opens a suspected pricing error ("标价疑似小数点错位") of the merchant as {@code token}. */
    public Issue issue(String token, String merchantId, Priority priority) {
        return issue(token, new NewIssue(merchantId, IssueCategory.PRICING_ERROR, null, priority, "标价疑似小数点错位",
                "售价 ¥8.90，参考价 ¥89.00", null, null, 1_250_000L));
    }

    /** Opens a suspected pricing error of the merchant as the admin. */
    public Issue issue(String merchantId, Priority priority) {
        return issue(adminToken(), merchantId, priority);
    }

    /** Opens an issue as the marketplace feed would (as the admin here). */
    public Issue issue(Merchant merchant, Priority priority, IssueCategory category, String title, long moneyCents) {
        return issue(adminToken(), new NewIssue(merchant.id(), category, null, priority, title,
                "Raised by the test server.", "lst-" + title.hashCode(), null, moneyCents));
    }

    /** The issue as the server has it now. */
    public Issue issueById(String id) {
        ApiClient.Response read = api().get("/issues/" + id, adminToken());
        assertThat(read.status()).as("read issue %s: %s", id, read).isEqualTo(200);
        return read.as(Issue.class);
    }

    /** Changes an issue at its current version, as someone else than the test's user would (the admin). */
    public Issue patch(String id, IssuePatch patch) {
        ApiClient.Response patched = api().send("PATCH", "/issues/" + id, adminToken(), patch,
                Map.of("If-Match", "\"" + issueById(id).version() + "\""));
        assertThat(patched.status()).as("patch issue %s: %s", id, patched).isEqualTo(200);
        return patched.as(Issue.class);
    }

    /** Every open issue as {@code login} (an account with {@link #PASSWORD}) sees them, page after page. */
    public List<Issue> openIssuesOf(String login) {
        String token = signIn(login, PASSWORD);
        List<Issue> all = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Response page = api().get("/issues?status=OPEN&limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(page.status()).as("open issues of %s: %s", login, page).isEqualTo(200);
            Page<Issue> items = page.as(new TypeReference<Page<Issue>>() { });
            all.addAll(items.items());
            cursor = items.nextCursor();
        } while (cursor != null);
        return all;
    }

    /** Opens {@code GET /events} as {@code token}; see {@link SseReader#open}. */
    public SseReader events(String token, Long lastEventId, String query) {
        return SseReader.open(api(), token, lastEventId, query);
    }

    /** The audit trail of one target, read from the server's own database. */
    public List<AuditLog.Entry> audit(String targetType, String targetId) {
        running();
        if (ownPool == null) {
            ownPool = Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword(), 2);
        }
        return new AuditLog(ownPool).forTarget(targetType, targetId);
    }

    /** A connection to the server's own database, for comparing answers with what is stored; the caller closes it. */
    public Connection database() throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.dbUser(), config.dbPassword());
    }

    private LineOneServer running() {
        LineOneServer current = server;
        if (current == null) {
            throw new IllegalStateException("the test server is not running");
        }
        return current;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
