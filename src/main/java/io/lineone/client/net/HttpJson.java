package io.lineone.client.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Json;
import io.lineone.api.Page;
import io.lineone.api.Problem;
import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * JSON over HTTP to one signed-in session: builds the API's URLs, carries the token, turns a problem answer into a
 * {@link BackendException}. Every feature's client shares one, so signing in once serves them all.
 */
final class HttpJson {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final ObjectMapper mapper = Json.mapper();
    // Written by sign-in on a worker thread, read by any later call on another.
    private volatile String serverUrl;
    private volatile String token;

    HttpJson(OkHttpClient http) {
        this.http = http;
    }

    OkHttpClient http() {
        return http;
    }

    String serverUrl() {
        return serverUrl;
    }

    String token() {
        return token;
    }

    void signedIn(String serverUrl, String token) {
        this.serverUrl = serverUrl;
        this.token = token;
    }

    void forgetToken() {
        token = null;
    }

    /** {@code …/api/v1/} of the server signed in to. */
    HttpUrl.Builder api() throws BackendException {
        String current = serverUrl;
        if (current == null) {
            throw BackendException.invalidUrl("");
        }
        return ServerUrl.apiRoot(current).newBuilder();
    }

    /** {@code …/api/v1/a/b/c}. */
    HttpUrl.Builder path(String... segments) throws BackendException {
        HttpUrl.Builder url = api();
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url;
    }

    <T> T get(HttpUrl.Builder url, Class<T> type) throws BackendException {
        return execute(authorized(new Request.Builder().url(url.build()).get()), serverUrl, mapper.constructType(type));
    }

    <T> Page<T> page(HttpUrl.Builder url, Class<T> item) throws BackendException {
        return execute(authorized(new Request.Builder().url(url.build()).get()), serverUrl, pageOf(item));
    }

    /** A list the server answers as one page. */
    <T> List<T> items(HttpUrl.Builder url, Class<T> item) throws BackendException {
        return page(url, item).items();
    }

    <T> T post(HttpUrl.Builder url, Object body, Class<T> type) throws BackendException {
        return send(new Request.Builder().url(url.build()).post(jsonBody(body)), type);
    }

    /** A POST with an empty body, for a step that needs nothing but its URL and headers. */
    static RequestBody empty() {
        return RequestBody.create(new byte[0], JSON);
    }

    /** Any request, with the token added. */
    <T> T send(Request.Builder request, Class<T> type) throws BackendException {
        return execute(authorized(request), serverUrl, mapper.constructType(type));
    }

    RequestBody jsonBody(Object value) throws BackendException {
        try {
            return RequestBody.create(mapper.writeValueAsBytes(value), JSON);
        } catch (JsonProcessingException e) {
            throw BackendException.unexpected(serverUrl, e);
        }
    }

    Request authorized(Request.Builder request) {
        String current = token;
        if (current != null) {
            request.header("Authorization", "Bearer " + current);
        }
        return request.build();
    }

    <T> T execute(Request request, String server, JavaType type) throws BackendException {
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw BackendException.problem(server, problemOf(response, text));
            }
            if (type == null) {
                return null;
            }
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw BackendException.unexpected(server, e);
        } catch (IOException e) {
            throw BackendException.unreachable(server, e);
        }
    }

    JavaType typeOf(Class<?> type) {
        return mapper.constructType(type);
    }

    private JavaType pageOf(Class<?> item) {
        return mapper.getTypeFactory().constructParametricType(Page.class, item);
    }

    private Problem problemOf(Response response, String text) {
        String contentType = response.header("Content-Type", "");
        if (contentType.contains("json") && !text.isBlank()) {
            try {
                Problem problem = mapper.readValue(text, Problem.class);
                if (problem.status() == response.code()) {
                    return problem;
                }
            } catch (JsonProcessingException e) {
                // Not a problem document after all (a proxy's error page, say): describe it by status.
                return byStatus(response);
            }
        }
        return byStatus(response);
    }

    private static Problem byStatus(Response response) {
        return new Problem(null, "HTTP " + response.code(), response.code(), null, List.of());
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    static HttpUrl.Builder query(HttpUrl.Builder url, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            url.addQueryParameter(name, value.toString());
        }
        return url;
    }

    static HttpUrl.Builder paged(HttpUrl.Builder url, String cursor, Integer limit) {
        return query(query(url, "cursor", cursor), "limit", limit);
    }
}
