package io.lineone.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.MerchantMetrics;
import io.lineone.api.NewMerchant;
import io.lineone.api.NewUser;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.server.LineOneServer;
import io.lineone.server.ServerConfig;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.db.Database;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real backend on a free loopback port over a private database, with a hand-moved clock and helpers that
 * create accounts and merchants through the API itself.
 */
public final class TestServer implements AutoCloseable {

    /** The password of every account a test creates. */
    public static final String PASSWORD = "correct horse battery";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public final MutableClock clock;
    public final ServerConfig config;
    public final LineOneServer server;
    public final ApiClient api;
    private String adminToken;
    private Database auditDb;

    /** A signed-in account a test created. */
    public record Account(String id, String login, Role role, String token) {
    }

    private TestServer(ServerConfig config, MutableClock clock) {
        this.clock = clock;
        this.config = config;
        this.server = LineOneServer.start(config);
        this.api = new ApiClient(server.url());
    }

    /** A backend on a private in-memory H2 database. */
    public static TestServer start() {
        MutableClock clock = new MutableClock();
        return new TestServer(ServerConfig.forTests().toBuilder().clock(clock).build(), clock);
    }

    /** A backend on the given database (a fresh one: the ADMIN account is created on it). */
    public static TestServer start(String jdbcUrl, String user, String password) {
        MutableClock clock = new MutableClock();
        return new TestServer(ServerConfig.forTests().toBuilder().database(jdbcUrl, user, password).clock(clock).build(), clock);
    }

    public String adminToken() {
        if (adminToken == null) {
            adminToken = signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD);
        }
        return adminToken;
    }

    public String signIn(String login, String password) {
        ApiClient.Response response = api.post("/session", null, new io.lineone.api.SessionRequest(login, password));
        assertThat(response.status()).as("sign-in of %s: %s", login, response).isEqualTo(201);
        return response.json().get("token").asText();
    }

    /** Creates a user through {@code POST /users} as the admin, then signs them in. */
    public Account account(Role role) {
        return account(role, role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "." + SEQUENCE.incrementAndGet());
    }

    public Account account(Role role, String login) {
        ApiClient.Response created = api.post("/users", adminToken(), new NewUser(login, "Test " + login, role, PASSWORD));
        assertThat(created.status()).as("create %s: %s", login, created).isEqualTo(201);
        return new Account(created.json().get("id").asText(), login, role, signIn(login, PASSWORD));
    }

    public JsonNode merchant(String name, String shopName, Tier tier, String managerId) {
        return merchant(name, shopName, tier, managerId, Metrics.at(0.9));
    }

    /** Creates a merchant through {@code POST /merchants} as the admin. */
    public JsonNode merchant(String name, String shopName, Tier tier, String managerId, MerchantMetrics metrics) {
        ApiClient.Response created = api.post("/merchants", adminToken(),
                new NewMerchant(name, shopName, tier, "食品生鲜", "浙江", managerId, metrics));
        assertThat(created.status()).as("create merchant %s: %s", name, created).isEqualTo(201);
        return created.json();
    }

    /** The audit trail of one target, read from the server's own database. */
    public List<AuditLog.Entry> audit(String targetType, String targetId) {
        if (auditDb == null) {
            auditDb = Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword(), 2);
        }
        return new AuditLog(auditDb).forTarget(targetType, targetId);
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            if (auditDb != null) {
                auditDb.close();
            }
        }
    }
}
