package io.lineone.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.lineone.api.Json;
import io.lineone.server.LineOneServer;
import io.lineone.server.ServerConfig;
import io.lineone.server.http.Router;
import io.lineone.server.merchants.MerchantService;
import io.lineone.testing.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code openapi.json} true: every route documented and nothing documented that does not exist, every
 * {@code $ref} resolving, and every wire record of {@code io.lineone.api} described field for field.
 */
class OpenApiTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final ObjectMapper JSON = Json.mapper();

    private static LineOneServer server;
    private static JsonNode doc;

    @BeforeAll
    static void load() throws IOException {
        server = LineOneServer.start(ServerConfig.forTests());
        try (InputStream in = OpenApiTest.class.getResourceAsStream(SystemRoutes.OPENAPI_RESOURCE)) {
            doc = JSON.readTree(in);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Set<String> documentedRoutes() {
        Set<String> routes = new TreeSet<>();
        doc.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (HTTP_METHODS.contains(method)) {
                routes.add(method + " " + path.getKey());
            }
        }));
        return routes;
    }

    private static JsonNode operation(Router.Route route) {
        JsonNode op = doc.get("paths").path(route.path()).get(route.method());
        assertThat(op).as("openapi.json describes %s %s", route.method(), route.path()).isNotNull();
        return op;
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current.has("$ref") && depth < 10; depth++) {
            current = doc.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static List<JsonNode> operations() {
        return server.routes().stream().map(OpenApiTest::operation).toList();
    }

    @Test
    void theDocumentIsOpenApi31ServedUnderTheApiBase() {
        assertThat(doc.get("openapi").asText()).startsWith("3.1.");
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo(Router.BASE);
        assertThat(doc.at("/info/title").asText()).isNotBlank();
        assertThat(doc.at("/info/version").asText()).isNotBlank();
        JsonNode served = new ApiClient(server.url()).get("/openapi.json", null).json();
        assertThat(served).isEqualTo(doc);
    }

    @Test
    void documentedRoutesAreExactlyTheRegisteredRoutes() {
        Set<String> registered = server.routes().stream().map(r -> r.method() + " " + r.path())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = documentedRoutes();

        Set<String> undocumented = new TreeSet<>(registered);
        undocumented.removeAll(documented);
        Set<String> phantom = new TreeSet<>(documented);
        phantom.removeAll(registered);
        assertThat(undocumented).as("routes the server has but openapi.json lacks").isEmpty();
        assertThat(phantom).as("routes openapi.json describes but the server lacks").isEmpty();
        assertThat(registered).hasSizeGreaterThanOrEqualTo(11);
    }

    @Test
    void publicRoutesAndOnlyThoseNeedNoToken() {
        assertThat(doc.at("/components/securitySchemes/bearer/type").asText()).isEqualTo("http");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/security/0").has("bearer")).isTrue();
        for (Router.Route route : server.routes()) {
            JsonNode op = operation(route);
            String name = route.method() + " " + route.path();
            if (route.isPublic()) {
                assertThat(op.path("security").isArray() && op.path("security").isEmpty()).as("%s is public", name).isTrue();
            } else {
                assertThat(op.has("security")).as("%s keeps the global bearer requirement", name).isFalse();
                assertThat(op.get("responses").has("401")).as("%s documents 401", name).isTrue();
            }
        }
    }

    @Test
    void everyOperationIsIdentifiedAndEveryErrorAnswerIsAProblem() {
        Set<String> ids = new TreeSet<>();
        for (JsonNode op : operations()) {
            String id = op.path("operationId").asText();
            assertThat(ids.add(id)).as("operationId '%s' is unique and present", id).isTrue();
            assertThat(op.get("responses").fieldNames()).toIterable().anyMatch(code -> code.startsWith("2"));
            op.get("responses").properties().forEach(answer -> {
                int code = Integer.parseInt(answer.getKey());
                JsonNode resolved = resolve(answer.getValue());
                assertThat(resolved.path("description").asText()).as("%s %s", id, code).isNotBlank();
                if (code >= 400 && code != 503) {
                    assertThat(resolved.at("/content/application~1problem+json/schema/$ref").asText())
                            .as("%s answers %d as a problem", id, code).isEqualTo("#/components/schemas/Problem");
                }
            });
        }
    }

    @Test
    void listsTakeLimitAndCursorAndBodiesAreDescribed() {
        for (JsonNode op : operations()) {
            String id = op.get("operationId").asText();
            String ok = op.at("/responses/200/content/application~1json/schema/$ref").asText();
            List<String> parameters = new ArrayList<>();
            op.path("parameters").forEach(p -> parameters.add(resolve(p).get("name").asText()));
            if (ok.endsWith("Page")) {
                assertThat(parameters).as(id).contains("limit", "cursor");
            }
            if (op.has("requestBody")) {
                assertThat(op.at("/requestBody/content/application~1json/schema/$ref").asText()).as(id).isNotBlank();
            }
        }
        for (Router.Route route : server.routes()) {
            JsonNode op = operation(route);
            List<String> pathParameters = new ArrayList<>();
            op.path("parameters").forEach(p -> {
                if (resolve(p).get("in").asText().equals("path")) {
                    pathParameters.add(resolve(p).get("name").asText());
                }
            });
            List<String> placeholders = new ArrayList<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(route.path());
            while (m.find()) {
                placeholders.add(m.group(1));
            }
            assertThat(pathParameters).as("path parameters of %s", route.path()).containsExactlyInAnyOrderElementsOf(placeholders);
        }
        assertThat(operation(new Router.Route("get", "/merchants", false)).get("parameters")).extracting(p -> resolve(p).get("name").asText())
                .contains("assigned", "q", "tier", "band");
        assertThat(operation(new Router.Route("get", "/users", false)).get("parameters")).extracting(p -> resolve(p).get("name").asText())
                .contains("role");
    }

    @Test
    void everyRefResolvesAndEveryComponentIsUsed() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
        }
        for (String kind : List.of("schemas", "parameters", "responses")) {
            doc.at("/components/" + kind).fieldNames().forEachRemaining(name ->
                    assertThat(refs).as("#/components/%s/%s is used", kind, name).contains("#/components/" + kind + "/" + name));
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }

    /** The records of {@code io.lineone.api}, found on the class path so that a new one cannot be forgotten. */
    private static List<Class<?>> apiRecords() {
        List<Class<?>> records = new ArrayList<>();
        for (JavaClass javaClass : new ClassFileImporter().importPackages("io.lineone.api")) {
            Class<?> type = javaClass.reflect();
            if (type.isRecord()) {
                records.add(type);
            }
        }
        return records;
    }

    @Test
    void everyApiRecordIsDescribedFieldForField() {
        List<Class<?>> records = apiRecords();
        assertThat(records).extracting(Class::getSimpleName).contains("User", "Merchant", "Problem", "FieldError", "Page");
        JsonNode schemas = doc.at("/components/schemas");
        for (Class<?> record : records) {
            List<String> names = new ArrayList<>();
            schemas.fieldNames().forEachRemaining(name -> {
                if (record.getSimpleName().equals("Page") ? name.endsWith("Page") : name.equals(record.getSimpleName())) {
                    names.add(name);
                }
            });
            assertThat(names).as("a schema for %s", record.getName()).isNotEmpty();
            for (String name : names) {
                JsonNode schema = schemas.get(name);
                Set<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                        .collect(Collectors.toCollection(TreeSet::new));
                Set<String> properties = new TreeSet<>();
                schema.get("properties").fieldNames().forEachRemaining(properties::add);
                assertThat(properties).as("properties of schema %s (record %s)", name, record.getName()).isEqualTo(components);
                StreamSupport.stream(schema.path("required").spliterator(), false).map(JsonNode::asText)
                        .forEach(required -> assertThat(components).as("required of %s", name).contains(required));
                for (RecordComponent component : record.getRecordComponents()) {
                    assertMatches(name + "." + component.getName(), component.getGenericType(),
                            schema.get("properties").get(component.getName()));
                }
            }
        }
    }

    @Test
    void enumsListExactlyTheJavaConstants() {
        for (JavaClass javaClass : new ClassFileImporter().importPackages("io.lineone.api")) {
            Class<?> type = javaClass.reflect();
            if (type.isEnum()) {
                assertThat(enumValues(doc.at("/components/schemas/" + type.getSimpleName())))
                        .as("enum %s", type.getSimpleName()).isEqualTo(constants(type));
            }
        }
        assertThat(enumValues(doc.at("/components/parameters/assigned/schema")))
                .isEqualTo(constants(MerchantService.Scope.class).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
    }

    private static List<String> enumValues(JsonNode schema) {
        List<String> values = new ArrayList<>();
        schema.path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    /** An enum's JSON values: its names, or what its {@code @JsonValue} method gives (WeightUnit's "g", "kg"). */
    private static List<String> constants(Class<?> type) {
        for (java.lang.reflect.Method method : type.getMethods()) {
            if (method.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class)) {
                return Arrays.stream(type.getEnumConstants()).map(c -> {
                    try {
                        return String.valueOf(method.invoke(c));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
            }
        }
        return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }

    /** The schema describes the Java type: same JSON type, same referenced record or enum, same items. */
    private static void assertMatches(String where, Type javaType, JsonNode schema) {
        assertThat(schema).as(where).isNotNull();
        if (javaType instanceof TypeVariable<?>) {
            return;
        }
        if (javaType instanceof ParameterizedType map && Map.class.isAssignableFrom((Class<?>) map.getRawType())) {
            assertThat(types(schema)).as(where).contains("object");
            return;
        }
        if (javaType instanceof ParameterizedType parameterized
                && Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
            assertThat(types(schema)).as(where).contains("array");
            assertMatches(where + "[]", parameterized.getActualTypeArguments()[0], schema.get("items"));
            return;
        }
        Class<?> type = (Class<?>) javaType;
        if (type.isRecord() || type.isEnum()) {
            assertThat(schema.path("$ref").asText()).as(where).isEqualTo("#/components/schemas/" + type.getSimpleName());
            return;
        }
        Map<Class<?>, String> json = Map.ofEntries(Map.entry(String.class, "string"), Map.entry(Instant.class, "string"),
                Map.entry(int.class, "integer"), Map.entry(long.class, "integer"), Map.entry(Integer.class, "integer"),
                Map.entry(Long.class, "integer"), Map.entry(double.class, "number"), Map.entry(Double.class, "number"),
                Map.entry(java.math.BigDecimal.class, "number"), Map.entry(boolean.class, "boolean"),
                Map.entry(Boolean.class, "boolean"));
        assertThat(json).as("%s: a Java type this test knows", where).containsKey(type);
        assertThat(types(schema)).as(where).contains(json.get(type));
        if (type == Instant.class) {
            assertThat(schema.path("format").asText()).as(where).isEqualTo("date-time");
        }
        if (type.isPrimitive()) {
            assertThat(types(schema)).as("%s cannot be null", where).doesNotContain("null");
        }
    }

    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }
}
