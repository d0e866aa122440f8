package io.lineone.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Plain JDK HTTP calls against a running backend, so API tests read as requests and answers.
 *
 * <p>Paths are relative to {@code /api/v1}. A body that is a {@code String} is sent exactly as written (so a test
 * can send broken JSON); a {@code byte[]} is sent as raw bytes; anything else is written with {@link Json#mapper()}.
 * A null token sends no {@code Authorization} header.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = Json.mapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String root;

    /** @param root the server's root URL, e.g. {@code http://127.0.0.1:54321} */
    public ApiClient(String root) {
        this.root = root;
    }

    /** An answer: status, headers, and the body as text (parsed on demand). */
    public record Response(int status, HttpHeaders headers, String text) {

        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (status " + status + "): " + text, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            String value = header("Content-Type");
            return value == null ? null : value.split(";")[0].strip();
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + text;
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    public Response put(String path, String token, Object body) {
        return send("PUT", path, token, body, Map.of());
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    public Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        return sendTo(URI.create(root + "/api/v1" + path), method, token, publisher(body), headers);
    }

    /** A request to any path of the server, outside {@code /api/v1} too. */
    public Response sendRaw(String method, String absolutePath, String token, HttpRequest.BodyPublisher body,
                            Map<String, String> headers) {
        return sendTo(URI.create(root + absolutePath), method, token, body, headers);
    }

    private Response sendTo(URI uri, String method, String token, HttpRequest.BodyPublisher body,
                            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json; charset=utf-8");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] bytes) {
            return HttpRequest.BodyPublishers.ofByteArray(bytes);
        }
        if (body instanceof String text) {
            return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
        }
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
