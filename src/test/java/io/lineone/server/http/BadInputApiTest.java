package io.lineone.server.http;

import static io.lineone.testing.ProblemAssert.invalid;
import static io.lineone.testing.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.server.ServerConfig;
import io.lineone.testing.ApiClient;
import io.lineone.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind answers a 4xx problem, never a 500, and the server keeps serving: the cases here name the
 * fields they expect refused, or reach where {@link EveryRouteBadInputTest} does not (streamed bodies, raw request
 * lines, huge headers); that test sends the rest to every route.
 */
class BadInputApiTest {

    private static final String METRICS = "{\"shippingHours\":24,\"preSaleResponseSeconds\":30,"
            + "\"afterSaleResponseSeconds\":60,\"dsr\":4.8,\"disputeRate\":0.002}";

    @RegisterExtension
    static final TestServer server = TestServer.onH2().build();

    private static final ApiClient api = server.api();
    private static String admin;
    private static TestServer.Account manager;
    private static String merchantId;

    @BeforeAll
    static void start() {
        admin = server.adminToken();
        manager = server.account(Role.MANAGER, "li.na");
        merchantId = server.merchant("杭州悦享食品有限公司", "悦享旗舰店", Tier.KA, manager.id()).id();
    }

    /**
     * Asks on a connection of its own: a bad request may leave the client's pooled connection closed or mid-answer,
     * which says nothing about whether the server still serves everyone else.
     */
    @AfterEach
    void stillServing(TestInfo test) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).as("health after %s", test.getDisplayName())
                    .startsWith("HTTP/1.1 200 ").contains("\"status\":\"UP\"");
        }
    }

    private static String merchant(String name, String tier, String metrics) {
        return "{\"name\":" + name + ",\"shopName\":\"店\",\"tier\":" + tier + ",\"category\":\"食品\",\"region\":\"浙江\","
                + "\"metrics\":" + metrics + "}";
    }

    private static String user(String login, String role, String password) {
        return "{\"login\":" + login + ",\"displayName\":\"名字\",\"role\":" + role + ",\"password\":" + password + "}";
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                // malformed and wrong shapes
                Arguments.of("POST", "/session", "{\"login\":\"admin\",", "body"),
                Arguments.of("POST", "/session", "{login: 'admin'}", "body"),
                Arguments.of("POST", "/session", "not json at all", "body"),
                Arguments.of("POST", "/session", "[]", "body"),
                Arguments.of("POST", "/session", "[{\"login\":\"admin\"}]", "body"),
                Arguments.of("POST", "/session", "null", "body"),
                Arguments.of("POST", "/session", "", "body"),
                Arguments.of("POST", "/session", "   ", "body"),
                Arguments.of("POST", "/session", "\"a string\"", "body"),
                Arguments.of("POST", "/session", "42", "body"),
                Arguments.of("POST", "/session", "{\"login\":\"admin\",\"password\":\"x\"} trailing", "body"),
                Arguments.of("POST", "/session", "{\"login\":\"admin\",\"password\":\"x\"}{}", "body"),
                Arguments.of("POST", "/merchants", "[".repeat(5000) + "]".repeat(5000), "body"),
                Arguments.of("POST", "/merchants", "{\"name\":" + "1".repeat(2000) + "}", "body"),
                Arguments.of("PUT", "/merchants/{id}/assignee", "{\"managerId\":", "body"),
                Arguments.of("PUT", "/merchants/{id}/assignee", "[]", "body"),
                Arguments.of("PUT", "/merchants/{id}/assignee", "null", "body"),
                Arguments.of("POST", "/users", "{\"login\":\"a\" \"b\"}", "body"),
                // wrong types
                Arguments.of("POST", "/session", "{\"login\":123,\"password\":\"x\"}", "login"),
                Arguments.of("POST", "/session", "{\"login\":true,\"password\":\"x\"}", "login"),
                Arguments.of("POST", "/session", "{\"login\":[\"admin\"],\"password\":\"x\"}", "login"),
                Arguments.of("POST", "/session", "{\"login\":{\"$ne\":null},\"password\":\"x\"}", "login"),
                Arguments.of("POST", "/session", "{\"login\":\"admin\",\"password\":1.5}", "password"),
                Arguments.of("POST", "/merchants", merchant("42", "\"KA\"", METRICS), "name"),
                Arguments.of("POST", "/merchants", merchant("\"n\"", "\"KA\"", METRICS.replace("4.8", "\"4.8\"")), "metrics.dsr"),
                Arguments.of("POST", "/merchants", merchant("\"n\"", "\"KA\"", METRICS.replace("4.8", "true")), "metrics.dsr"),
                Arguments.of("POST", "/merchants", merchant("\"n\"", "\"KA\"", "\"good\""), "metrics"),
                Arguments.of("POST", "/merchants", merchant("\"n\"", "\"KA\"", "[1,2,3,4,5]"), "metrics"),
                Arguments.of("POST", "/merchants", merchant("\"n\"", "\"KA\"", METRICS.replace("4.8", "null")), "metrics.dsr"),
                Arguments.of("PUT", "/merchants/{id}/assignee", "{\"managerId\":7}", "managerId"),
                Arguments.of("PUT", "/merchants/{id}/assignee", "{\"managerId\":{\"id\":\"x\"}}", "managerId"),
                // unknown enum values
                Arguments.of("POST", "/merchants", merchant("\"n\"", "\"XL\"", METRICS), "tier"),
                Arguments.of("POST", "/merchants", merchant("\"n\"", "\"ka\"", METRICS), "tier"),
                Arguments.of("POST", "/merchants", merchant("\"n\"", "0", METRICS), "tier"),
                Arguments.of("POST", "/users", user("\"new.user\"", "\"GOD\"", "\"long enough password\""), "role"),
                Arguments.of("POST", "/users", user("\"new.user\"", "3", "\"long enough password\""), "role"),
                // numbers out of range
                Arguments.of("POST", "/merchants", merchant("\"n\"", "\"KA\"", METRICS.replace("24", "-1")), "metrics.shippingHours"),
                Arguments.of("POST", "/merchants", merchant("\"n\"", "\"KA\"", METRICS.replace("4.8", "5.01")), "metrics.dsr"),
                Arguments.of("POST", "/merchants", merchant("\"n\"", "\"KA\"", METRICS.replace("4.8", "1e400")), "metrics.dsr"),
                Arguments.of("POST", "/merchants", merchant("\"n\"", "\"KA\"", METRICS.replace("4.8", "-1e400")), "metrics.dsr"),
                Arguments.of("POST", "/merchants", merchant("\"n\"", "\"KA\"", METRICS.replace("0.002", "99999999999999999999999999999")), "metrics.disputeRate"),
                Arguments.of("POST", "/merchants", merchant("\"n\"", "\"KA\"", METRICS.replace("30", "-9223372036854775809")), "metrics.preSaleResponseSeconds"),
                Arguments.of("POST", "/merchants", merchant("\"n\"", "\"KA\"", METRICS.replace("60", "NaN")), "metrics"),
                // control characters and broken Unicode
                Arguments.of("POST", "/merchants", merchant("\"a\\u0000b\"", "\"KA\"", METRICS), "name"),
                Arguments.of("POST", "/merchants", merchant("\"line\\nbreak\"", "\"KA\"", METRICS), "name"),
                Arguments.of("POST", "/merchants", merchant("\"bell\\u0007\"", "\"KA\"", METRICS), "name"),
                Arguments.of("POST", "/merchants", merchant("\"del\\u007f\"", "\"KA\"", METRICS), "name"),
                Arguments.of("POST", "/merchants", merchant("\"raw\ttab\"", "\"KA\"", METRICS), "name"),
                Arguments.of("POST", "/merchants", merchant("\"lone \\ud800 high\"", "\"KA\"", METRICS), "name"),
                Arguments.of("POST", "/merchants", merchant("\"lone \\udc00 low\"", "\"KA\"", METRICS), "name"),
                Arguments.of("POST", "/merchants", merchant("\"end \\ud83d\"", "\"KA\"", METRICS), "name"),
                Arguments.of("POST", "/merchants", merchant("\"" + "长".repeat(201) + "\"", "\"KA\"", METRICS), "name"),
                Arguments.of("POST", "/users", user("\"bad\\u0000login\"", "\"MANAGER\"", "\"long enough password\""), "login"),
                Arguments.of("POST", "/users", user("\"Upper.Case\"", "\"MANAGER\"", "\"long enough password\""), "login"),
                Arguments.of("POST", "/users", user("\"x'; drop table app_user; --\"", "\"MANAGER\"", "\"long enough password\""), "login"),
                Arguments.of("POST", "/users", user("\"new.user\"", "\"MANAGER\"", "\"short\""), "password"),
                Arguments.of("POST", "/users", user("\"new.user\"", "\"MANAGER\"", "\"" + "p".repeat(257) + "\""), "password"),
                Arguments.of("PUT", "/merchants/{id}/assignee", "{\"managerId\":\"usr_\\u0000\"}", "managerId"),
                Arguments.of("PUT", "/merchants/{id}/assignee", "{\"managerId\":\"\\ud800\"}", "managerId"),
                Arguments.of("POST", "/session", "{\"login\":\"" + "a".repeat(65) + "\",\"password\":\"x\"}", "login"),
                Arguments.of("POST", "/session", "{\"login\":\"admin\",\"password\":\"" + "p".repeat(257) + "\"}", "password"),
                Arguments.of("POST", "/session", "{\"login\":\"ad\\u0000min\",\"password\":\"x\"}", "login"),
                Arguments.of("POST", "/session", "{\"login\":\"  \",\"password\":\"\"}", "login,password"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("badBodies")
    void aBadBodyIsA400NamingTheField(String method, String path, String body, String fields) {
        ApiClient.Response response = api.send(method, path.replace("{id}", merchantId), admin, body, Map.of());
        invalid(response, fields.split(","));
    }

    @Test
    void missingFieldsAreAllNamed() {
        // A merchant may join without metrics (not scored yet): they are not among the missing.
        invalid(api.post("/merchants", admin, "{}"), "name", "shopName", "tier", "category", "region");
        invalid(api.post("/users", admin, "{}"), "login", "displayName", "role", "password");
        invalid(api.post("/session", null, "{}"), "login", "password");
        invalid(api.put("/merchants/" + merchantId + "/assignee", admin, "{}"), "managerId");
        invalid(api.post("/merchants", admin, "{\"name\":\"n\",\"shopName\":\" \",\"tier\":null}"),
                "shopName", "tier", "category", "region");
    }

    @Test
    void invalidUtf8IsA400() {
        byte[] body = "{\"login\":\"admin\",\"password\":\"\"}".getBytes(StandardCharsets.UTF_8);
        byte[] broken = Arrays.copyOf(body, body.length + 2);
        System.arraycopy(body, 0, broken, 0, body.length - 2);
        broken[body.length - 2] = (byte) 0xC3;
        broken[body.length - 1] = (byte) 0x28;
        broken[body.length] = '"';
        broken[body.length + 1] = '}';
        problem(api.post("/session", null, broken), 400);
        invalid(api.post("/session", null, new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'}), "body");
    }

    @Test
    void aLargeBodyRefusedBeforeItIsReadStillGetsItsAnswer() {
        byte[] body = new byte[1000 * 1024];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        for (int i = 0; i < 5; i++) {
            problem(api.post("/merchants", null, body), 401);
            problem(api.post("/merchants", manager.token(), body), 403);
            problem(api.post("/merchants", admin, new byte[4 * 1024 * 1024]), 413);
        }
    }

    @Test
    void aStreamedBodyOverOneMebibyteIs413() {
        byte[] big = new byte[2 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        String prefix = "{\"name\":\"";
        System.arraycopy(prefix.getBytes(StandardCharsets.US_ASCII), 0, big, 0, prefix.length());
        big[big.length - 2] = '"';
        big[big.length - 1] = '}';
        // No Content-Length: chunked transfer, so only reading the body can tell its size.
        ApiClient.Response response = api.sendRaw("POST", "/api/v1/merchants", admin,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)),
                Map.of("Content-Type", "application/json"));
        problem(response, 413);
    }

    @Test
    void bodiesJustUnderTheLimitAreRead() {
        String padding = " ".repeat(1024 * 1024 - 200);
        ApiClient.Response response = api.post("/session", null,
                "{\"login\":\"admin\",\"password\":\"" + ServerConfig.TEST_ADMIN_PASSWORD + "\"}" + padding);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
    }

    @Test
    void oddButValidUnicodeIsStoredAsSent() {
        String name = "Ünïcødé 😀 𠀀 ‮RTL‬ 零宽\u200b空格";
        ApiClient.Response created = api.post("/merchants", admin, Map.of("name", name, "shopName", "店 🏪",
                "tier", "SME", "category", "食品", "region", "浙江",
                "metrics", Map.of("shippingHours", 24, "preSaleResponseSeconds", 30, "afterSaleResponseSeconds", 60,
                        "dsr", 4.8, "disputeRate", 0.002)));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(api.get("/merchants/" + id, admin).json().get("name").asText()).isEqualTo(name);
        assertThat(api.get("/merchants?q=" + URLEncoder.encode("😀", StandardCharsets.UTF_8), admin)
                .json().get("items").get(0).get("id").asText()).isEqualTo(id);
    }

    @Test
    void aHugeHeaderIsA4xxProblem() {
        ApiClient.Response response = api.send("GET", "/health", null, null, Map.of("X-Junk", "j".repeat(64 * 1024)));
        assertThat(response.status()).as("%s", response).isBetween(400, 499);
        problem(response, response.status());
    }

    static List<String> rawRequests() {
        return List.of(
                "GET /api/v1/merchants/% HTTP/1.1",
                "GET /api/v1/merchants?q=%zz HTTP/1.1",
                "GET /api/v1/merchants?q=% HTTP/1.1",
                "GET /api/v1/health HTTP/9.9",
                "GET /api/v1/me\u0000 HTTP/1.1",
                "BREW /api/v1/health HTTP/1.1",
                "GET http://[::1 HTTP/1.1",
                "GET /api/v1/../../etc/passwd HTTP/1.1",
                // Jetty writes its own error pages only for GET, POST and HEAD unless told otherwise.
                "PUT /api/v1/merchants/%ED%A0%80/assignee HTTP/1.1",
                "PATCH /api/v1/listings/%ED%A0%80 HTTP/1.1",
                "DELETE /api/v1/session%00 HTTP/1.1");
    }

    /** Request lines no well-behaved client would send, written straight to a socket. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rawRequests")
    void rawRequestsNeverAnswer500OrHtml(String requestLine) throws Exception {
        String line = requestLine.replace("\\u0000", "\u0000");
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((line + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            assertThat(status).as("%s → %s", line, answer).matches(code -> code >= 400 && code <= 499 || code == 505);
            assertThat(answer.toLowerCase(Locale.ROOT)).as("%s → %s", line, answer)
                    .contains("content-type: application/problem+json")
                    .doesNotContain("<html", "exception");
        }
    }
}
