package io.lineone.server.issues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.IssueCategory;
import io.lineone.api.Json;
import io.lineone.api.MerchantMetrics;
import io.lineone.api.NewIssue;
import io.lineone.api.NewMerchant;
import io.lineone.api.NewUser;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.api.SessionRequest;
import io.lineone.api.Tier;
import io.lineone.server.LineOneServer;
import io.lineone.server.ServerConfig;
import io.lineone.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A real backend on a free port for the issue-queue tests, with a test clock and small HTTP helpers. */
final class QueueServer implements AutoCloseable {

    static final String PASSWORD = "queue-test-password";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A signed-in user a test created. */
    record Account(String id, String login, Role role, String token) {
    }

    /** An HTTP answer. */
    record Response(int status, HttpResponse<String> raw) {

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        <T> T as(Class<T> type) {
            try {
                return JSON.readValue(raw.body(), type);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not a " + type.getSimpleName() + ": " + raw.body(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    static final ObjectMapper JSON = Json.mapper();

    final MutableClock clock;
    final ServerConfig config;
    final LineOneServer server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String adminToken;

    private QueueServer(ServerConfig config, MutableClock clock) {
        this.clock = clock;
        this.config = config;
        this.server = LineOneServer.start(config);
        this.adminToken = signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD);
    }

    static QueueServer start() {
        return start(ServerConfig.forTests());
    }

    static QueueServer start(ServerConfig base) {
        MutableClock clock = new MutableClock();
        return new QueueServer(base.toBuilder().clock(clock).build(), clock);
    }

    String api() {
        return server.url() + "/api/v1";
    }

    String signIn(String login, String password) {
        Response response = send("POST", "/session", null, new SessionRequest(login, password));
        assertThat(response.status()).as("sign-in of %s: %s", login, response).isEqualTo(201);
        return response.json().get("token").asText();
    }

    Account user(Role role) {
        String login = role.name().toLowerCase() + "-" + SEQUENCE.incrementAndGet();
        Response created = send("POST", "/users", adminToken, new NewUser(login, "测试 " + login, role, PASSWORD));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return new Account(created.json().get("id").asText(), login, role, signIn(login, PASSWORD));
    }

    String merchant(Account manager) {
        Response created = send("POST", "/merchants", adminToken, new NewMerchant(
                "测试商家" + SEQUENCE.incrementAndGet() + "有限公司", "测试旗舰店", Tier.SME, "食品生鲜", "浙江",
                manager == null ? null : manager.id(), new MerchantMetrics(24, 30, 60, 4.7, 0.004)));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** Posts an issue as the admin and returns its JSON. */
    JsonNode issue(String merchantId, Priority priority) {
        return issue(adminToken, merchantId, priority);
    }

    JsonNode issue(String token, String merchantId, Priority priority) {
        Response created = send("POST", "/issues", token, new NewIssue(merchantId, IssueCategory.PRICING_ERROR, null,
                priority, "标价疑似小数点错位", "售价 ¥8.90，参考价 ¥89.00", null, null, 1_250_000L));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    Response send(String method, String path, String token, Object body) {
        return send(method, path, token, body, Map.of());
    }

    Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            return sendRaw(method, path, token, text, headers);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    Response sendRaw(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api() + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A connection to the server's own database, for comparing answers with what is stored. */
    Connection database() throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.dbUser(), config.dbPassword());
    }

    @Override
    public void close() {
        server.close();
    }
}
