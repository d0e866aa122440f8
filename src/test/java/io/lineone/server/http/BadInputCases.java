package io.lineone.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The bad requests of {@link EveryRouteBadInputTest}, derived from a route's operation in {@code openapi.json} (kept
 * true to the server by {@code OpenApiTest}): for its body, every property's wrong types, its absence, unknown enum
 * values, money and numbers past their bounds, odd and oversized text; for its query, limits and cursors, enums,
 * instants and flags gone wrong; for its path, traversal, injection and ids of the wrong kind; for its headers, broken
 * {@code If-Match} and {@code Idempotency-Key}; and, for every route, malformed, empty and over-1-MiB bodies.
 *
 * <p>What a case may be answered with is decided here, once: {@link Expect#REFUSED} where the input is wrong by the
 * contract (a 4xx problem), {@link Expect#EITHER} where it may be perfectly valid (a 2xx, or a 4xx about the state:
 * an extra field is ignored — the house rule, so that older servers read newer clients —, an emoji or an RTL mark is
 * text, an injection string is only a string, a money value within its documented bounds is money).
 */
final class BadInputCases {

    /** What a case may be answered with. Never a 5xx. */
    enum Expect { REFUSED, TOO_LARGE, EITHER }

    record Case(String name, Expect expect, UnaryOperator<BadInputCall> change) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String TEN_THOUSAND = "名".repeat(10_000);
    private static final List<String> MALFORMED = List.of("{\"a\":", "{a: 'b'}", "not json at all", "[]", "null",
            "\"a string\"", "42", "{} trailing", "{}{}", "{\"a\":1,}", "[".repeat(5_000) + "]".repeat(5_000),
            "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
            "{\"n\":" + "9".repeat(2_000) + "}", "<?xml version=\"1.0\"?><a/>", "   ");

    private final JsonNode doc;
    private final JsonNode operation;
    private final List<Case> cases = new ArrayList<>();

    private BadInputCases(JsonNode doc, JsonNode operation) {
        this.doc = doc;
        this.operation = operation;
    }

    /** Every case for the route {@code operation} describes. */
    static List<Case> of(JsonNode doc, JsonNode operation) {
        BadInputCases derived = new BadInputCases(doc, operation);
        derived.everyRoute();
        JsonNode body = operation.at("/requestBody/content/application~1json/schema");
        if (!body.isMissingNode()) {
            derived.body(derived.resolve(body), operation.at("/requestBody/required").asBoolean(false));
        } else {
            // A route that takes no body reads none: a broken one sent anyway changes nothing.
            derived.add("a broken body where none is taken", Expect.EITHER, call -> call.withBody("{\"a\":[1,"));
        }
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode p = derived.resolve(parameter);
            switch (p.get("in").asText()) {
                case "path" -> derived.pathId(p.get("name").asText());
                case "query" -> derived.query(p.get("name").asText(), derived.resolve(p.path("schema")));
                case "header" -> derived.header(p.get("name").asText(), p.path("required").asBoolean(false));
                default -> throw new IllegalStateException("parameter in " + p.get("in"));
            }
        }
        return List.copyOf(derived.cases);
    }

    private void add(String name, Expect expect, UnaryOperator<BadInputCall> change) {
        cases.add(new Case(name, expect, change));
    }

    private void everyRoute() {
        byte[] big = new byte[1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        add("a body over 1 MiB", Expect.TOO_LARGE, call -> call.withBody(big));
        // Unknown parameters are ignored like unknown fields, whatever they hold.
        add("an unknown query parameter", Expect.EITHER,
                call -> call.withQuery("unexpected", "%27%20or%201%3D1%20--%00"));
    }

    // ---- bodies ----

    private void body(JsonNode schema, boolean required) {
        for (String text : MALFORMED) {
            add("body " + abbreviate(text), Expect.REFUSED, call -> call.withBody(text));
        }
        add("body not UTF-8", Expect.REFUSED, call -> call.withBody(new byte[] {'{', '"', 'a', '"', ':', '"',
                (byte) 0xC3, (byte) 0x28, '"', '}'}));
        add("an empty body", required ? Expect.REFUSED : Expect.EITHER, call -> call.withBody(""));
        add("body {}", schema.has("required") ? Expect.REFUSED : Expect.EITHER, call -> call.withBody(NODES.objectNode()));
        add("an extra field", Expect.EITHER, call -> edit(call, List.of("unexpectedField"), NODES.textNode("x")));
        add("server-owned fields", Expect.EITHER, call -> {
            ObjectNode tree = (ObjectNode) call.treeCopy();
            tree.put("id", "mer_forged").put("version", 99).put("createdAt", "1970-01-01T00:00:00Z");
            return call.withBody(tree);
        });
        properties(List.of(), schema);
    }

    private void properties(List<String> parent, JsonNode schema) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("properties").properties().forEach(p -> {
            List<String> path = new ArrayList<>(parent);
            path.add(p.getKey());
            property(path, resolve(p.getValue()), required.contains(p.getKey()));
        });
    }

    private void property(List<String> path, JsonNode schema, boolean required) {
        String at = String.join(".", path);
        Set<String> types = types(schema);
        boolean nullable = types.contains("null");
        add(at + " missing", required ? Expect.REFUSED : Expect.EITHER, call -> remove(call, path));
        add(at + " null", required && !nullable ? Expect.REFUSED : Expect.EITHER, call -> edit(call, path, NODES.nullNode()));
        if (schema.has("enum")) {
            wrong(path, NODES.textNode("NOT_A_VALUE"), NODES.numberNode(3), NODES.booleanNode(true));
            wrong(path, NODES.textNode(""), NODES.textNode("\u0000"));
        } else if (types.contains("object") || schema.has("properties")) {
            wrong(path, NODES.textNode("x"), NODES.arrayNode(), NODES.numberNode(1));
            properties(path, schema);
        } else if (types.contains("array")) {
            array(path, schema);
        } else if (types.contains("integer")) {
            wrong(path, NODES.textNode("12"), NODES.textNode("12.5"), NODES.numberNode(12.5), raw("1e400"),
                    raw("9223372036854775808"), raw("-9223372036854775809"), NODES.booleanNode(true), NODES.arrayNode());
            bounded(path, schema, -1, 0, Long.MAX_VALUE);
        } else if (types.contains("number")) {
            wrong(path, NODES.textNode("1.5"), raw("1e400"), raw("-1e400"), NODES.booleanNode(false));
            bounded(path, schema, -1, 0, 1e308);
        } else if (types.contains("boolean")) {
            wrong(path, NODES.textNode("true"), NODES.numberNode(1), NODES.objectNode());
        } else if (types.contains("string")) {
            wrong(path, NODES.numberNode(12345), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode().add("a"));
            text(at, schema, value -> call -> edit(call, path, value));
        }
    }

    private void wrong(List<String> path, JsonNode... values) {
        for (JsonNode value : values) {
            add(String.join(".", path) + " = " + abbreviate(value.toString()), Expect.REFUSED, call -> edit(call, path, value));
        }
    }

    /** Money and other numbers: refused outside the documented bounds, numbers within them. */
    private void bounded(List<String> path, JsonNode schema, double... values) {
        for (double value : values) {
            boolean within = (!schema.has("minimum") || value >= schema.get("minimum").asDouble())
                    && (!schema.has("exclusiveMinimum") || value > schema.get("exclusiveMinimum").asDouble())
                    && (!schema.has("maximum") || value <= schema.get("maximum").asDouble());
            JsonNode node = value == Long.MAX_VALUE ? NODES.numberNode(Long.MAX_VALUE)
                    : value == 1e308 ? NODES.numberNode(1e308) : NODES.numberNode((long) value);
            add(String.join(".", path) + " = " + node, within ? Expect.EITHER : Expect.REFUSED, call -> edit(call, path, node));
        }
    }

    private void array(List<String> path, JsonNode schema) {
        String at = String.join(".", path);
        wrong(path, NODES.textNode("x"), NODES.objectNode(), NODES.arrayNode().add(12345), NODES.arrayNode().addNull());
        int min = schema.path("minItems").asInt(0);
        add(at + " = []", min > 0 ? Expect.REFUSED : Expect.EITHER, call -> edit(call, path, NODES.arrayNode()));
        if (schema.has("maxItems")) {
            int max = schema.get("maxItems").asInt();
            add(at + " with " + (max + 1) + " items", Expect.REFUSED, call -> {
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i <= max; i++) {
                    many.add("itm_" + i);
                }
                return edit(call, path, many);
            });
        }
        JsonNode items = resolve(schema.path("items"));
        if (types(items).contains("string")) {
            text(at + "[0]", items, value -> call -> edit(call, path, NODES.arrayNode().add(value)));
        }
    }

    /** Text: too long, NUL, broken Unicode are refused; RTL marks, emoji and injection strings are only text. */
    private void text(String at, JsonNode schema, Function<JsonNode, UnaryOperator<BadInputCall>> set) {
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        // A password is hashed, never shown nor stored as text: any character may be in it.
        boolean secret = schema.path("writeOnly").asBoolean(false);
        add(at + " of 10,000 characters", max < 10_000 ? Expect.REFUSED : Expect.EITHER, set.apply(NODES.textNode(TEN_THOUSAND)));
        add(at + " with NUL", secret ? Expect.EITHER : Expect.REFUSED, set.apply(NODES.textNode("a\u0000b")));
        add(at + " with a lone surrogate", secret ? Expect.EITHER : Expect.REFUSED, set.apply(raw("\"lone \\ud800 high\"")));
        add(at + " = \"\"", schema.path("minLength").asInt(0) > 0 ? Expect.REFUSED : Expect.EITHER, set.apply(NODES.textNode("")));
        for (String odd : List.of("\u200f\u202eRTL 标记\u202c", "表情 😀🏪 𠀀", "' or 1=1 --", "\"; drop table merchant; --",
                "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}", "../../etc/passwd", "   ")) {
            add(at + " = " + abbreviate(odd), Expect.EITHER, set.apply(NODES.textNode(odd)));
        }
    }

    // ---- path, query, headers ----

    private void pathId(String name) {
        for (String id : List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%27%20or%201%3D1%20--", "x".repeat(5_000), "%00",
                "%FF", "%F0%9F%98%80", "%ED%A0%80", "a%2Fb", "a%5Cb", "3f2a9c1e-7b4d-4e8f-9a6b-2c1d0e9f8a7b")) {
            add("{" + name + "} = " + abbreviate(id), Expect.REFUSED, call -> call.withId(name, id));
        }
        add("{" + name + "} unknown of its kind", Expect.REFUSED,
                call -> call.withId(name, call.ids().get(name).replaceAll("_.*", "_0000000000zzzzzzzz")));
    }

    private void query(String name, JsonNode schema) {
        Set<String> types = types(schema);
        if (name.equals("limit")) {
            for (String limit : List.of("-1", "0", "501", "99999999999999999999", "abc", "1.5", "1e2", "%00")) {
                add("limit=" + limit, Expect.REFUSED, call -> call.withQuery("limit", limit));
            }
            add("limit=500", Expect.EITHER, call -> call.withQuery("limit", "500"));
            add("limit= (the default)", Expect.EITHER, call -> call.withQuery("limit", ""));
        } else if (name.equals("cursor")) {
            // A cursor that was never issued may still decode to a place in the list: refused or read from there.
            for (String cursor : List.of("q83vEjRWeJA", "%FF%FE", "not+base64!", "bWVyX3p6eg", "x".repeat(5_000),
                    "%27%20or%201%3D1%20--", "..%2F..%2Fetc%2Fpasswd")) {
                add("cursor=" + abbreviate(cursor), Expect.EITHER, call -> call.withQuery("cursor", cursor));
            }
        } else if (schema.has("enum")) {
            add(name + "=NOT_A_VALUE", Expect.REFUSED, call -> call.withQuery(name, "NOT_A_VALUE"));
            add(name + "=%00", Expect.REFUSED, call -> call.withQuery(name, "%00"));
            add(name + "=" + abbreviate(TEN_THOUSAND), Expect.REFUSED, call -> call.withQuery(name, encode(TEN_THOUSAND)));
        } else if (schema.path("format").asText().equals("date-time")) {
            for (String instant : List.of("yesterday", "2026-02-30T00:00:00Z", "2026-11-01", "1e400", "%00")) {
                add(name + "=" + instant, Expect.REFUSED, call -> call.withQuery(name, instant));
            }
            for (String extreme : List.of("%2B1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z",
                    "%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
                    "9999-12-31T23:59:59.999999999Z")) {
                add(name + "=" + extreme, Expect.EITHER, call -> call.withQuery(name, extreme));
            }
        } else if (types.contains("boolean")) {
            add(name + "=maybe", Expect.REFUSED, call -> call.withQuery(name, "maybe"));
            add(name + "=%00", Expect.REFUSED, call -> call.withQuery(name, "%00"));
        } else if (types.contains("integer")) {
            for (String number : List.of("-1", "abc", "99999999999999999999", "1.5")) {
                add(name + "=" + number, Expect.REFUSED, call -> call.withQuery(name, number));
            }
        } else {
            int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
            add(name + " of 10,000 characters", max < 10_000 ? Expect.REFUSED : Expect.EITHER,
                    call -> call.withQuery(name, encode(TEN_THOUSAND)));
            add(name + " with NUL", Expect.REFUSED, call -> call.withQuery(name, "a%00b"));
            add(name + " broken UTF-8", Expect.EITHER, call -> call.withQuery(name, "%FF%FE"));
            add(name + " with a lone surrogate", Expect.EITHER, call -> call.withQuery(name, "%ED%A0%80"));
            add(name + " given twice", Expect.EITHER, call -> call.withQuery(name, "a&" + name + "=second"));
            for (String odd : List.of("' or 1=1 --", "%_\\", "../../etc/passwd", "\u200f\u202eRTL", "😀", "3f2a9c1e-7b4d")) {
                add(name + "=" + odd, Expect.EITHER, call -> call.withQuery(name, encode(odd)));
            }
        }
    }

    private void header(String name, boolean required) {
        if (name.equals("If-Match")) {
            if (required) {
                add("no If-Match", Expect.REFUSED, call -> call.withHeader(name, null));
            }
            for (String tag : List.of("\"abc\"", "\"99999999999999999999\"", "\"-1\"", "garbage", "\"")) {
                add("If-Match: " + tag, Expect.REFUSED, call -> call.withHeader(name, tag));
            }
        } else if (name.equals("Idempotency-Key")) {
            if (required) {
                add("no Idempotency-Key", Expect.REFUSED, call -> call.withHeader(name, null));
            }
            add("Idempotency-Key of 201 characters", Expect.REFUSED, call -> call.withHeader(name, "k".repeat(201)));
            add("Idempotency-Key with a space", Expect.REFUSED, call -> call.withHeader(name, "two words"));
        } else if (name.equals("Last-Event-ID")) {
            for (String id : List.of("abc", "-1", "99999999999999999999", "1.5", "1e3", "0x10")) {
                add("Last-Event-ID: " + id, Expect.REFUSED, call -> call.withHeader(name, id));
            }
        } else {
            throw new IllegalStateException("no cases for the header " + name + ": add them here");
        }
    }

    // ---- helpers ----

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current.has("$ref") && depth < 10; depth++) {
            current = doc.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    private static JsonNode raw(String json) {
        return NODES.rawValueNode(new RawValue(json));
    }

    private static BadInputCall edit(BadInputCall call, List<String> path, JsonNode value) {
        JsonNode tree = call.treeCopy();
        ObjectNode parent = parentOf(tree == null ? NODES.objectNode() : tree, path);
        parent.set(path.get(path.size() - 1), value);
        return call.withBody(tree == null ? parent : tree);
    }

    private static BadInputCall remove(BadInputCall call, List<String> path) {
        JsonNode tree = call.treeCopy();
        if (tree == null) {
            return call;
        }
        parentOf(tree, path).remove(path.get(path.size() - 1));
        return call.withBody(tree);
    }

    private static ObjectNode parentOf(JsonNode tree, List<String> path) {
        ObjectNode node = (ObjectNode) tree;
        for (String step : path.subList(0, path.size() - 1)) {
            JsonNode next = node.get(step);
            node = next instanceof ObjectNode object ? object : node.putObject(step);
        }
        return node;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String abbreviate(String text) {
        String shown = text.replace("\u0000", "\\0");
        return shown.length() > 40 ? shown.substring(0, 30) + "…(" + shown.length() + " chars)" : shown;
    }
}
