package io.lineone.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Plain JDK HTTP calls against a running backend, so API tests read as requests and answers. The only place in the
 * tests that speaks HTTP to the real backend: {@link TestServer} and {@link SseReader} go through it.
 *
 * <p>Paths are relative to {@code /api/v1}. A body that is a {@code String} is sent exactly as written (so a test
 * can send broken JSON); a {@code byte[]} is sent as raw bytes; anything else is written with {@link Json#mapper()}.
 * A null token sends no {@code Authorization} header.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = Json.mapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Supplier<String> root;

    /** @param root the server's root URL, e.g. {@code http://127.0.0.1:54321} */
    public ApiClient(String root) {
        this(() -> root);
    }

    /** A client of a server whose URL is known only once it runs: {@code root} is asked at each request. */
    public ApiClient(Supplier<String> root) {
        this.root = root;
    }

    /** An answer: status, headers, and the body as text (parsed on demand). */
    public record Response(int status, HttpHeaders headers, String text) {

        public JsonNode json() {
            return read(text, JsonNode.class, "the answer (status " + status + ")");
        }

        /** The body read as one of the wire records of {@code io.lineone.api}. */
        public <T> T as(Class<T> type) {
            return read(text, type, "the answer (status " + status + ")");
        }

        /** The body read as a generic wire type, such as a page of issues. */
        public <T> T as(TypeReference<T> type) {
            try {
                return JSON.readValue(text, type);
            } catch (JsonProcessingException e) {
                throw new AssertionError("the answer (status " + status + ") is not a " + type.getType() + ": " + text, e);
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

    public Response send(String method, String path, String token, Object body) {
        return send(method, path, token, body, Map.of());
    }

    public Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        return sendTo(URI.create(root.get() + "/api/v1" + path), method, token, publisher(body), headers);
    }

    /** A request to any path of the server, outside {@code /api/v1} too. */
    public Response sendRaw(String method, String absolutePath, String token, HttpRequest.BodyPublisher body,
                            Map<String, String> headers) {
        return sendTo(URI.create(root.get() + absolutePath), method, token, body, headers);
    }

    /**
     * A {@code GET} whose body is read as it arrives, for a stream that stays open. It has no overall time limit:
     * the caller decides how long to read, and closes the body.
     */
    public HttpResponse<InputStream> stream(String path, String token, Map<String, String> headers) {
        HttpRequest request = request(URI.create(root.get() + "/api/v1" + path), "GET", token, null, headers).build();
        return exchange(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private Response sendTo(URI uri, String method, String token, HttpRequest.BodyPublisher body,
                            Map<String, String> headers) {
        HttpRequest request = request(uri, method, token, body, headers).timeout(TIMEOUT).build();
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.headers(), response.body());
    }

    private static HttpRequest.Builder request(URI uri, String method, String token, HttpRequest.BodyPublisher body,
                                               Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json; charset=utf-8");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return request;
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** JSON text read as {@code type}; fails the test, naming {@code what} was read, if it is not one. */
    static <T> T read(String text, Class<T> type, String what) {
        try {
            // As a tree, an empty body is a missing node rather than an error, which is what a 204 has.
            return type == JsonNode.class ? type.cast(JSON.readTree(text)) : JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError(what + " is not a " + type.getSimpleName() + ": " + text, e);
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
