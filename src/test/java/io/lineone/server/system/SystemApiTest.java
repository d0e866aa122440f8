package io.lineone.server.system;

import static io.lineone.testing.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.testing.ApiClient;
import io.lineone.testing.TestServer;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /health}, {@code /openapi.json}, and what unknown routes and wrong methods answer. */
class SystemApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.onH2().build();

    private static final ApiClient api = server.api();

    @Test
    void healthIsPublic() {
        ApiClient.Response health = api.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.contentType()).isEqualTo("application/json");
        JsonNode body = health.json();
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.get("database").asText()).isEqualTo("H2");
        assertThat(body.get("version").asText()).isNotBlank();
        assertThat(api.get("/health", "not-a-token").status()).as("a bad token does not matter here").isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentIsPublicJson() {
        ApiClient.Response doc = api.get("/openapi.json", null);
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.contentType()).isEqualTo("application/json");
        assertThat(doc.json().get("openapi").asText()).startsWith("3.1");
    }

    @Test
    void everyAnswerCarriesARequestId() {
        assertThat(api.get("/health", null).header("X-Request-Id")).isNotBlank();
        assertThat(api.send("GET", "/health", null, null, Map.of("X-Request-Id", "trace-42")).header("X-Request-Id"))
                .isEqualTo("trace-42");
        assertThat(api.send("GET", "/health", null, null, Map.of("X-Request-Id", "<script>")).header("X-Request-Id"))
                .as("an unsafe id is replaced").isNotEqualTo("<script>");
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        problem(api.get("/nothing-here", null), 404);
        problem(api.get("/nothing-here", server.adminToken()), 404);
        problem(api.get("/merchants/x/listings/y/z", server.adminToken()), 404);
        problem(api.sendRaw("GET", "/", null, null, Map.of()), 404);
        problem(api.sendRaw("GET", "/api/v2/health", null, null, Map.of()), 404);
        problem(api.sendRaw("GET", "/index.html", null, null, Map.of("Accept", "text/html")), 404);
    }

    @Test
    void aWrongMethodIsA405Problem() {
        problem(api.delete("/merchants", server.adminToken()), 405);
        problem(api.send("PATCH", "/health", null, "{}", Map.of()), 405);
        problem(api.post("/me", server.adminToken(), "{}"), 405);
        problem(api.put("/session", null, "{}"), 405);
        problem(api.sendRaw("DELETE", "/api/v1/health", null, null, Map.of("Accept", "text/html")), 405);
    }

    @Test
    void aBodyOnAGetIsIgnoredAndAnUnknownContentTypeStillParsesJson() {
        ApiClient.Response health = api.sendRaw("GET", "/api/v1/health", null,
                HttpRequest.BodyPublishers.ofString("{not json"), Map.of("Content-Type", "application/json"));
        assertThat(health.status()).isEqualTo(200);
    }
}
