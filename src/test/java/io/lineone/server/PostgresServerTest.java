package io.lineone.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.AssigneeChange;
import io.lineone.api.Role;
import io.lineone.api.SessionRequest;
import io.lineone.api.Tier;
import io.lineone.server.audit.AuditLog;
import io.lineone.testing.ApiClient;
import io.lineone.testing.PostgresExtension;
import io.lineone.testing.SharedPostgres;
import io.lineone.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole backend once on real PostgreSQL: what works on H2 works there too. */
@ExtendWith(PostgresExtension.class)
class PostgresServerTest {

    @Test
    void signInAndMerchantsWorkOnPostgres(SharedPostgres postgres) {
        try (TestServer server = TestServer.onPostgres(postgres).start()) {
            ApiClient api = server.api();
            JsonNode health = api.get("/health", null).json();
            assertThat(health.get("database").asText()).isEqualTo("PostgreSQL");
            assertThat(health.get("status").asText()).isEqualTo("UP");

            TestServer.Account a = server.account(Role.MANAGER, "li.na");
            TestServer.Account b = server.account(Role.MANAGER, "wang.wei");
            String id = server.merchant("杭州悦享食品有限公司", "100%_纯棉旗舰店", Tier.KA, a.id()).id();
            server.merchant("深圳云朵电子有限公司", "云朵数码专营店", Tier.SME, b.id());

            assertThat(api.get("/merchants", a.token()).json().get("items")).hasSize(1);
            assertThat(api.get("/merchants?q=" + URLEncoder.encode("100%_", StandardCharsets.UTF_8), server.adminToken())
                    .json().get("items")).hasSize(1);
            assertThat(api.get("/merchants?q=" + URLEncoder.encode("有限公司", StandardCharsets.UTF_8) + "&limit=1",
                    server.adminToken()).json().get("nextCursor").isNull()).isFalse();
            assertThat(api.get("/merchants/" + id, b.token()).status()).isEqualTo(404);
            JsonNode moved = api.put("/merchants/" + id + "/assignee", server.adminToken(), new AssigneeChange(b.id())).json();
            assertThat(moved.get("version").asLong()).isEqualTo(2);
            assertThat(api.get("/merchants/" + id, b.token()).json()).isEqualTo(moved);
            assertThat(server.audit("merchant", id)).extracting(AuditLog.Entry::action)
                    .containsExactly("merchant.create", "merchant.reassign");

            for (int i = 0; i < 5; i++) {
                assertThat(api.post("/session", null, new SessionRequest("li.na", "wrong")).status()).isEqualTo(401);
            }
            assertThat(api.post("/session", null, new SessionRequest("li.na", TestServer.PASSWORD)).status()).isEqualTo(429);
            server.clock().advance(Duration.ofMinutes(16));
            assertThat(api.post("/session", null, new SessionRequest("li.na", TestServer.PASSWORD)).status()).isEqualTo(201);
            server.clock().advance(Duration.ofHours(12));
            assertThat(api.get("/me", a.token()).status()).isEqualTo(401);
        }
    }

    /** PostgreSQL refuses NUL in text where H2 takes it: each must still be a 4xx, not a 500. */
    @Test
    void nulCharactersAreRefusedNotFailedOnPostgres(SharedPostgres postgres) {
        try (TestServer server = TestServer.onPostgres(postgres).start()) {
            ApiClient api = server.api();
            String admin = server.adminToken();
            // Bodies first, paths with a NUL last: Jetty closes the connection after refusing such a path, and a POST or
            // PUT sent on that connection before the client saw it close is not retried the way a GET is.
            Map<String, ApiClient.Response> answers = Map.of(
                    "a NUL in the body's assignee", api.put("/merchants/mer_x/assignee", admin, "{\"managerId\":\"usr\\u0000\"}"),
                    "lone surrogate login", api.post("/session", null, "{\"login\":\"\\ud800\",\"password\":\"x\"}"),
                    "sign-in login", api.post("/session", null, "{\"login\":\"ad\\u0000min\",\"password\":\"x\"}"),
                    "sign-in password", api.post("/session", null, "{\"login\":\"admin\",\"password\":\"x\\u0000\"}"),
                    "q", api.get("/merchants?q=%00", admin),
                    "merchant id", api.get("/merchants/mer_%00", admin),
                    "merchant id with a NUL", api.get("/merchants/a%00b", admin));
            answers.forEach((what, response) -> assertThat(response.status()).as("%s: %s", what, response).isBetween(400, 499));
            ApiClient.Response surrogate = api.sendRaw("GET", "/api/v1/merchants?q=%ED%A0%80", admin, null, Map.of());
            assertThat(surrogate.status()).as("%s", surrogate).isBetween(200, 499);
            assertThat(api.get("/health", null).status()).isEqualTo(200);
        }
    }
}
