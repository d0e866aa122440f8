package io.lineone.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.Merchant;
import io.lineone.api.NewUser;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.api.SessionRequest;
import io.lineone.api.Tier;
import io.lineone.server.ServerConfig;
import io.lineone.server.core.Sha256;
import io.lineone.testing.ApiClient;
import io.lineone.testing.SseReader;
import io.lineone.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * The log of a whole session holds no secret: a backend started with its log captured (every record reaching the
 * root logger, formatted with its stack trace, our own code at every level) sees a sign-in with a known password,
 * API calls, failed and throttled sign-ins, bad requests carrying the password, an event stream, a token used after
 * signing out and signing out everywhere — and the captured text has neither password, nor any token, nor a token's
 * stored hash, nor a password hash from the users table, nor an {@code Authorization} header.
 */
class SecretsInLogsTest {

    private static final String PASSWORD = "Zhuanxian-一号-" + "s3cr3t!";
    private static final String WRONG = "wrong-guess-" + "0451";

    /** Everything the root logger hears, as a log file would have it. */
    private static final class Capture extends Handler {
        private final StringBuilder text = new StringBuilder();
        private final SimpleFormatter format = new SimpleFormatter();

        Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            text.append(format.format(record)).append(record.getLoggerName()).append('\n');
        }

        synchronized String text() {
            return text.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aFullSessionLeavesNoPasswordTokenOrHashInTheLog() throws Exception {
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("io.lineone");
        Level oursBefore = ours.getLevel();
        Capture capture = new Capture();
        root.addHandler(capture);
        ours.setLevel(Level.ALL);
        Map<String, String> secrets = new LinkedHashMap<>();
        try (TestServer server = TestServer.onH2().start()) {
            ApiClient api = server.api();
            String admin = server.adminToken();
            secrets.put("the admin's password", ServerConfig.TEST_ADMIN_PASSWORD);
            secrets.put("the admin's token", admin);

            assertThat(api.post("/users", admin, new NewUser("li.na", "李娜", Role.MANAGER, PASSWORD)).status())
                    .isEqualTo(201);
            String token = server.signIn("li.na", PASSWORD);
            String second = server.signIn("li.na", PASSWORD);
            secrets.put("the password", PASSWORD);
            secrets.put("a token", token);
            secrets.put("another token", second);
            String userId = api.get("/me", token).json().get("id").asText();
            Merchant merchant = server.merchant("杭州悦享食品有限公司", "悦享旗舰店", Tier.KA, userId);

            assertThat(api.get("/merchants", token).status()).isEqualTo(200);
            String issueId = server.issue(token, merchant.id(), Priority.P2).id();
            assertThat(api.send("PATCH", "/issues/" + issueId, token, new IssuePatch(IssueStatus.ACKNOWLEDGED,
                    "已联系商家", null, null), Map.of("If-Match", "\"1\"")).status()).isEqualTo(200);
            try (SseReader stream = server.events(token, 0L, null)) {
                assertThat(stream.next(Duration.ofSeconds(5))).isNotNull();
            }
            // Refusals that carry secrets in the request: a wrong password, a broken body with the password in it,
            // a bad header holding the token, and enough failures to be throttled.
            for (int i = 0; i < 6; i++) {
                api.post("/session", null, new SessionRequest("li.na", WRONG));
            }
            secrets.put("a wrong password", WRONG);
            assertThat(api.post("/session", null, new SessionRequest("li.na", PASSWORD)).status()).isEqualTo(429);
            assertThat(api.post("/session", null, "{\"login\":\"zhao\",\"password\":\"" + PASSWORD + "\"")
                    .status()).isEqualTo(400);
            assertThat(api.send("GET", "/me", null, null, Map.of("Authorization", "Token " + token)).status())
                    .isEqualTo(401);
            assertThat(api.get("/merchants/mer_unknown?q=" + token, token).status()).isEqualTo(404);
            assertThat(api.post("/issues", token, "{\"merchantId\": 42}").status()).isEqualTo(400);

            assertThat(api.delete("/session", token).status()).isEqualTo(204);
            assertThat(api.get("/me", token).status()).isEqualTo(401);
            assertThat(api.delete("/sessions", second).status()).isEqualTo(204);
            assertThat(api.get("/me", second).status()).isEqualTo(401);

            secrets.put("a token's stored hash", Sha256.hex(token));
            secrets.put("another token's stored hash", Sha256.hex(second));
            secrets.put("the admin token's stored hash", Sha256.hex(admin));
            try (Connection db = server.database();
                 PreparedStatement select = db.prepareStatement("select login, password_hash from app_user")) {
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        secrets.put(rows.getString(1) + "'s password hash", rows.getString(2));
                    }
                }
            }
        } finally {
            root.removeHandler(capture);
            ours.setLevel(oursBefore);
        }

        String log = capture.text();
        assertThat(log).as("the capture heard the backend").contains("io.lineone.server");
        secrets.put("an Authorization header", "Bearer ");
        List<String> found = secrets.entrySet().stream().filter(secret -> log.contains(secret.getValue()))
                .map(Map.Entry::getKey).toList();
        assertThat(found).as("secrets in the log of a whole session (%d characters, %d secrets looked for)",
                log.length(), secrets.size()).isEmpty();
    }
}
