package io.lineone.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Assertions on RFC 9457 answers. */
public final class ProblemAssert {

    private ProblemAssert() {
    }

    /**
     * A well-formed {@code application/problem+json} answer with this status, naming the request id of its
     * {@code X-Request-Id} header; returns its body without that id, which differs from request to request, so
     * two answers can be compared whole.
     */
    public static JsonNode problem(ApiClient.Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).isEqualTo("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.path("type").isTextual()).as("type in %s", response).isTrue();
        assertThat(body.path("title").isTextual()).as("title in %s", response).isTrue();
        assertThat(body.path("status").asInt()).as("status in %s", response).isEqualTo(status);
        assertThat(body.path("detail").asText()).as("detail in %s", response).isNotBlank();
        assertThat(response.text()).as("no stack trace in %s", response)
                .doesNotContain("Exception", "\tat ", "<html", "<HTML");
        assertThat(body.path("requestId").asText()).as("request id in %s", response)
                .isNotBlank().isEqualTo(response.header("X-Request-Id"));
        ((ObjectNode) body).remove("requestId");
        return body;
    }

    /** A 400 problem whose {@code errors[]} names exactly these fields (in any order). */
    public static JsonNode invalid(ApiClient.Response response, String... fields) {
        JsonNode body = problem(response, 400);
        assertThat(fieldsOf(body)).as("errors of %s", response).containsExactlyInAnyOrder(fields);
        return body;
    }

    public static List<String> fieldsOf(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> {
            assertThat(error.path("message").asText()).isNotBlank();
            fields.add(error.path("field").asText());
        });
        return fields;
    }
}
