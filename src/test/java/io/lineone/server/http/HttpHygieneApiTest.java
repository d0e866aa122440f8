package io.lineone.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Role;
import io.lineone.testing.ApiClient;
import io.lineone.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every answer carries whatever the route (security headers, a request id, no CORS unless configured), what
 * the request log writes, and that clients which hold connections open without finishing a request do not keep
 * the server from answering everyone else.
 */
class HttpHygieneApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.onH2().build();

    /** Short timeouts and a small connection limit, to see slow clients dropped within a test's patience. */
    @RegisterExtension
    static final TestServer strict = TestServer.onH2()
            .configure(config -> config.http(HttpPolicy.DEFAULT.withIdleTimeout(Duration.ofSeconds(1))
                    .withMaxConnections(40)))
            .build();

    @RegisterExtension
    static final TestServer withCors = TestServer.onH2()
            .configure(config -> config.http(HttpPolicy.DEFAULT.withCorsOrigins(List.of("https://ops.example.com"))))
            .build();

    private final ApiClient api = server.api();

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoServerVersion() throws IOException {
        List<ApiClient.Response> answers = List.of(
                api.get("/health", null),
                api.get("/merchants", null),
                api.get("/merchants", server.adminToken()),
                api.get("/no-such-endpoint", server.adminToken()),
                api.post("/session", null, "{broken"));
        for (ApiClient.Response answer : answers) {
            SecurityHeaders.ALL.forEach((name, value) ->
                    assertThat(answer.headers().firstValue(name)).as("%s on %s", name, answer).contains(value));
            assertThat(answer.headers().firstValue("Server")).as("%s", answer).isEmpty();
            assertThat(answer.headers().firstValue(RequestIds.HEADER)).as("%s", answer).isPresent();
        }
        // Refused by Jetty before any route runs: the same headers, and still a problem with an id.
        String raw = rawExchange(server, "GET /api/v1/merchants/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(raw).startsWith("HTTP/1.1 400 ").containsIgnoringCase("x-content-type-options: nosniff")
                .containsIgnoringCase("content-security-policy: default-src 'none'").containsIgnoringCase("x-request-id: ")
                .contains("\"requestId\":").doesNotContainIgnoringCase("server: jetty");
    }

    @Test
    void aProblemNamesTheRequestIdItWasLoggedUnder() {
        ApiClient.Response own = api.send("GET", "/merchants", null, null, Map.of(RequestIds.HEADER, "lb-7f3a.42"));
        assertThat(own.headers().firstValue(RequestIds.HEADER)).contains("lb-7f3a.42");
        assertThat(own.json().get("requestId").asText()).isEqualTo("lb-7f3a.42");

        ApiClient.Response odd = api.send("GET", "/merchants", null, null, Map.of(RequestIds.HEADER, "<script>alert(1)</script>"));
        String assigned = odd.headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertThat(assigned).matches("[0-9a-f-]{36}");
        assertThat(odd.json().get("requestId").asText()).isEqualTo(assigned);
    }

    @Test
    void noOriginMayCallTheApiUnlessConfigured() {
        ApiClient.Response simple = api.send("GET", "/health", null, null, Map.of("Origin", "https://ops.example.com"));
        assertThat(simple.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));

        ApiClient.Response preflight = api.send("OPTIONS", "/merchants", null, null, Map.of(
                "Origin", "https://ops.example.com", "Access-Control-Request-Method", "POST"));
        assertThat(preflight.status()).isBetween(400, 499);
        assertThat(preflight.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }

    @Test
    void aConfiguredOriginAndOnlyThatOneMayCallTheApi() {
        ApiClient cors = withCors.api();
        ApiClient.Response allowed = cors.send("GET", "/health", null, null, Map.of("Origin", "https://ops.example.com"));
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://ops.example.com");

        ApiClient.Response preflight = cors.send("OPTIONS", "/merchants", null, null, Map.of(
                "Origin", "https://ops.example.com", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type"));
        assertThat(preflight.status()).as("%s", preflight).isBetween(200, 299);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("https://ops.example.com");

        ApiClient.Response other = cors.send("GET", "/health", null, null, Map.of("Origin", "https://evil.example.net"));
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void originsAreCheckedWhenTheServerIsConfigured() {
        assertThat(HttpPolicy.parseOrigins(" https://Ops.Example.com , http://localhost:5173"))
                .containsExactly("https://ops.example.com", "http://localhost:5173");
        for (String bad : List.of("*", "ops.example.com", "https://ops.example.com/path", "ftp://x.example", "https://")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpPolicy.parseOrigins(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
    }

    @Test
    void theRequestLogHasTheIdMethodPathAndStatusButNoTokenOrQuery() {
        Logger logger = Logger.getLogger(RequestLog.class.getName());
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                Object[] parameters = record.getParameters();
                lines.add(record.getMessage() + " " + (parameters == null ? "" : List.of(parameters)));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(capture);
        try {
            TestServer.Account manager = server.account(Role.MANAGER, "log.reader");
            api.send("GET", "/merchants?q=" + "secret-search", manager.token(), null, Map.of(RequestIds.HEADER, "trace-1"));
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("trace-1", "GET", "/api/v1/merchants", "200"));
            assertThat(String.join("\n", lines)).doesNotContain(manager.token(), "secret-search", "Bearer");
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
    }

    @Test
    void aClientThatStopsMidRequestIsDisconnected() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", strict.port())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            // The server closes the connection (perhaps after a 408); a read timing out instead means it kept it.
            assertThat(drain(socket.getInputStream())).doesNotContain("HTTP/1.1 200");
        }
        try (Socket socket = new Socket("127.0.0.1", strict.port())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n{\"login\":").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            assertThat(drain(socket.getInputStream())).doesNotContain("HTTP/1.1 201");
        }
    }

    /**
     * A small body that arrives late (a busy client, or a request that waited in the server's queue) is served, not
     * refused as too slow: the server once refused such PATCHes with 408 under a 1,000/s burst.
     */
    @Test
    void aSmallBodyThatArrivesLateIsStillServed() throws IOException {
        String body = "{\"login\":\"nobody\",\"password\":\"not-the-password\"}";
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\nContent-Length: " + body.length() + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            // Longer than Jetty's one-second grace before it measures a body's data rate from the request's start.
            assertNoAnswerWithin(socket, Duration.ofMillis(1_500));
            socket.getOutputStream().write(body.substring(0, 10).getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            assertNoAnswerWithin(socket, Duration.ofMillis(300));
            socket.getOutputStream().write(body.substring(10).getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            assertThat(drain(in)).startsWith("HTTP/1.1 401");
        }
    }

    /** The server sends nothing for {@code quiet}: it is still waiting for the rest of the request. */
    private static void assertNoAnswerWithin(Socket socket, Duration quiet) throws IOException {
        socket.setSoTimeout((int) quiet.toMillis());
        InputStream in = socket.getInputStream();
        try {
            int early = in.read();
            throw new AssertionError("the server answered before the body was complete: "
                    + (early < 0 ? "(closed)" : (char) early + new String(in.readNBytes(40), StandardCharsets.ISO_8859_1)));
        } catch (SocketTimeoutException expected) {
            // Nothing yet, as it should be.
        }
    }

    @Test
    void connectionsHeldOpenByIdleClientsDoNotLockOthersOut() throws IOException {
        List<Socket> held = new ArrayList<>();
        try {
            // More than the server's connection limit, each with half a request line and then silence.
            for (int i = 0; i < 60; i++) {
                Socket socket = new Socket("127.0.0.1", strict.port());
                socket.getOutputStream().write("GET /api/v1/he".getBytes(StandardCharsets.ISO_8859_1));
                held.add(socket);
            }
            for (int i = 0; i < 5; i++) {
                ApiClient.Response health = strict.api().get("/health", null);
                assertThat(health.status()).isEqualTo(200);
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static String rawExchange(TestServer target, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", target.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return drain(socket.getInputStream());
        }
    }

    /** Everything the server sends until it closes the connection; a read timeout fails the test. */
    private static String drain(InputStream in) throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept a stalled connection open", e);
        } catch (IOException e) {
            // A reset is the server closing too.
            return "";
        }
    }
}
