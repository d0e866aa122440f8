package io.lineone.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One request of {@link EveryRouteBadInputTest} before it is sent: the route's path template with the ids to put in
 * it (already percent-encoded), the query parameters (percent-encoded values), a body — a JSON tree, raw text or raw
 * bytes —, the headers and the bearer token. A valid call of a route is changed by a {@link BadInputCases.Case} into
 * a bad one.
 */
record BadInputCall(String method, String template, Map<String, String> ids, Map<String, String> query, Object body,
                    Map<String, String> headers, String token) {

    private static final ObjectMapper JSON = Json.mapper();

    BadInputCall {
        ids = Map.copyOf(ids);
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = Map.copyOf(headers);
    }

    static BadInputCall of(String method, String template, String token) {
        return new BadInputCall(method.toUpperCase(Locale.ROOT), template, Map.of(), Map.of(), null,
                Map.of(), token);
    }

    /** The path under {@code /api/v1} with its ids and query. */
    String target() {
        String path = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        if (query.isEmpty()) {
            return path;
        }
        return path + "?" + query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    /** What goes on the wire: a JSON tree written as text, anything else as it is. */
    Object wireBody() {
        if (body instanceof JsonNode tree) {
            try {
                return JSON.writeValueAsString(tree);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return body;
    }

    /** The body as a JSON tree of its own, to change without touching the valid call. */
    JsonNode treeCopy() {
        return body instanceof JsonNode tree ? tree.deepCopy() : null;
    }

    BadInputCall withId(String name, String encoded) {
        Map<String, String> changed = new LinkedHashMap<>(ids);
        changed.put(name, encoded);
        return new BadInputCall(method, template, changed, query, body, headers, token);
    }

    BadInputCall withQuery(String name, String encoded) {
        Map<String, String> changed = new LinkedHashMap<>(query);
        changed.put(name, encoded);
        return new BadInputCall(method, template, ids, changed, body, headers, token);
    }

    BadInputCall withBody(Object changed) {
        return new BadInputCall(method, template, ids, query, changed, headers, token);
    }

    BadInputCall withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new BadInputCall(method, template, ids, query, body, changed, token);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
