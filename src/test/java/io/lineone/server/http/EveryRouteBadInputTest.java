package io.lineone.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.Json;
import io.lineone.server.system.SystemRoutes;
import io.lineone.testing.ApiClient;
import io.lineone.testing.PostgresExtension;
import io.lineone.testing.SharedPostgres;
import io.lineone.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input on every route the server has, on H2 and on PostgreSQL: the routes come from the server's own list, the
 * cases from each route's operation in {@code openapi.json} ({@link BadInputCases}), the caller and the ids of real
 * seeded data from {@link BadInputRoutes} — so a new route without an entry there fails here. Every answer is a 4xx
 * {@code application/problem+json} (a 2xx only where the case allows that the input is valid), never a 5xx, never a
 * stack trace, a class name or SQL; and after each route a fresh connection finds the server healthy.
 *
 * <p>The cases of one route run in one test, so that thousands of requests cost no more than they must; the last test
 * prints the measured figure, "routes R × cases C = N requests, 0 answered 500".
 */
@ExtendWith(PostgresExtension.class)
class EveryRouteBadInputTest {

    /** Names of the server's insides that must never reach a client. */
    private static final Pattern LEAK = Pattern.compile("Exception|\\tat |<html|<HTML|org\\.h2|org\\.postgresql|"
            + "SQLState|SQL statement|syntax error|io\\.lineone\\.|java\\.(lang|util|sql|io)\\.|jakarta\\.|org\\.eclipse|"
            + "com\\.fasterxml|io\\.javalin|kotlin\\.|`[A-Z]\\w*\\.\\w+\\(\\)`|\\bat line\\b|violates|constraint \"");

    @TestFactory
    Stream<DynamicNode> onH2() {
        return everyRoute("H2", TestServer.onH2());
    }

    @TestFactory
    Stream<DynamicNode> onPostgres(SharedPostgres postgres) {
        return everyRoute("PostgreSQL", TestServer.onPostgres(postgres));
    }

    private static Stream<DynamicNode> everyRoute(String database, TestServer.Builder builder) {
        TestServer server = builder.start();
        BadInputRoutes table;
        try {
            table = BadInputRoutes.seed(server);
        } catch (RuntimeException | AssertionError e) {
            server.close();
            throw e;
        }
        JsonNode doc = openApi();
        Map<String, String> cursors = cursors(server, table, doc);
        Tally tally = new Tally();
        long started = System.nanoTime();
        Stream<DynamicNode> coverage = Stream.of(dynamicTest("every route has an entry, every entry a route",
                () -> covers(server, table)));
        Stream<DynamicNode> perRoute = server.routes().stream().map(route -> dynamicTest(
                route.method().toUpperCase(Locale.ROOT) + " " + route.path(),
                () -> badInputOn(server, table, doc, cursors, route, tally)));
        Stream<DynamicNode> summary = Stream.of(dynamicTest("summary", () -> {
            String figure = String.format(Locale.ROOT, "%s: routes %d × cases %d = %,d requests, %d answered 500"
                            + " (%,d answered 4xx, %,d answered 2xx where the input may be valid; %.1f s)",
                    database, tally.routes.get(), Math.round((double) tally.requests.get() / Math.max(1, tally.routes.get())),
                    tally.requests.get(), tally.serverErrors.get(), tally.refused.get(), tally.accepted.get(),
                    (System.nanoTime() - started) / 1e9);
            System.out.println(figure);
            Path report = Path.of("target", "bad-input-" + database + ".tsv");
            Files.createDirectories(report.getParent());
            Files.write(report, tally.answers);
            assertThat(tally.serverErrors.get()).as(figure).isZero();
            assertThat(tally.routes.get()).as("routes tried").isEqualTo(server.routes().size());
        }));
        return Stream.of(coverage, perRoute, summary).flatMap(s -> s).onClose(server::close);
    }

    private static void covers(TestServer server, BadInputRoutes table) {
        Set<String> registered = server.routes().stream().map(EveryRouteBadInputTest::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(registered);
        missing.removeAll(table.entries().keySet());
        Set<String> gone = new TreeSet<>(table.entries().keySet());
        gone.removeAll(registered);
        assertThat(missing).as("routes without an entry in BadInputRoutes (who calls them, with which ids and body)")
                .isEmpty();
        assertThat(gone).as("entries of BadInputRoutes whose route the server no longer has").isEmpty();
    }

    private static void badInputOn(TestServer server, BadInputRoutes table, JsonNode doc, Map<String, String> cursors,
                                   Router.Route route, Tally tally) {
        Supplier<BadInputCall> valid = table.entries().get(key(route));
        assertThat(valid).as("%s has no entry in BadInputRoutes: add who may call it, its ids and a valid body",
                key(route)).isNotNull();
        JsonNode operation = doc.get("paths").get(route.path()).get(route.method());
        List<BadInputCases.Case> cases = new ArrayList<>(BadInputCases.of(doc, operation));
        cases.addAll(otherKinds(valid.get(), table));
        if (operation.toString().contains("/parameters/cursor\"")) {
            cases.addAll(realCursors(key(route), cursors));
        }
        boolean stream = route.path().equals("/events");
        if (stream) {
            cases.removeIf(c -> c.expect() == BadInputCases.Expect.EITHER);
            cases.add(new BadInputCases.Case("no Accept: text/event-stream", BadInputCases.Expect.REFUSED,
                    call -> call.withHeader("Accept", null)));
            cases.add(new BadInputCases.Case("since=-1 with a bad Last-Event-ID", BadInputCases.Expect.REFUSED,
                    call -> call.withQuery("since", "-1").withHeader("Last-Event-ID", "\u00a0")));
        }
        List<String> failures = new ArrayList<>();
        if (!stream) {
            // The valid call itself must succeed: else every case would be refused for the caller or the state.
            BadInputCall call = valid.get();
            ApiClient.Response answer = server.api().send(call.method(), call.target(), call.token(), call.wireBody(),
                    call.headers());
            if (answer.status() < 200 || answer.status() > 299) {
                failures.add("the valid call itself → " + answer.status() + ": " + snippet(answer.text()));
            }
        }
        for (BadInputCases.Case c : cases) {
            String failure;
            try {
                BadInputCall call = c.change().apply(valid.get());
                ApiClient.Response answer = server.api().send(call.method(), call.target(), call.token(),
                        call.wireBody(), call.headers());
                tally.count(answer.status());
                tally.answers.add(key(route) + "\t" + c.name().replace('\t', ' ') + "\t" + c.expect() + "\t" + answer.status()
                        + "\t" + snippet(answer.text()).replace('\t', ' '));
                failure = verdict(c.expect(), answer);
            } catch (UncheckedIOException e) {
                failure = "no answer: " + e.getMessage() + " " + e.getCause();
            } catch (RuntimeException | AssertionError e) {
                failure = "could not be sent: " + e;
            }
            if (failure != null) {
                failures.add(c.name() + " → " + failure);
            }
        }
        tally.routes.incrementAndGet();
        String health = health(server);
        assertThat(failures).as("%s: %d cases, these answered wrongly", key(route), cases.size()).isEmpty();
        assertThat(health).as("health on a fresh connection after %s", key(route))
                .startsWith("HTTP/1.1 200 ").contains("\"status\":\"UP\"");
    }

    /** A real id of each other kind the seed made (another prefix), in each id of the path: not found. */
    private static List<BadInputCases.Case> otherKinds(BadInputCall valid, BadInputRoutes table) {
        List<BadInputCases.Case> cases = new ArrayList<>();
        valid.ids().forEach((name, own) -> table.ids().forEach((kind, other) -> {
            if (!other.startsWith(own.replaceAll("_.*", "_"))) {
                cases.add(new BadInputCases.Case("{" + name + "} = the id of a " + kind, BadInputCases.Expect.REFUSED,
                        call -> call.withId(name, other)));
            }
        }));
        return cases;
    }

    /**
     * A real {@code nextCursor} of every list that has a second page when the seed is done, taken before any case
     * runs: replayed once the cases have changed the data, cut short, or handed to another list.
     */
    private static Map<String, String> cursors(TestServer server, BadInputRoutes table, JsonNode doc) {
        Map<String, String> cursors = new TreeMap<>();
        for (Router.Route route : server.routes()) {
            JsonNode operation = doc.get("paths").get(route.path()).get(route.method());
            boolean paged = false;
            for (JsonNode parameter : operation.path("parameters")) {
                paged |= parameter.path("$ref").asText().endsWith("/cursor");
            }
            Supplier<BadInputCall> valid = table.entries().get(key(route));
            if (!paged || valid == null || !route.method().equals("get")) {
                continue;
            }
            BadInputCall call = valid.get().withQuery("limit", "1");
            ApiClient.Response page = server.api().send("GET", call.target(), call.token(), null, call.headers());
            String next = page.status() == 200 ? page.json().path("nextCursor").asText(null) : null;
            if (next != null) {
                cursors.put(key(route), next);
            }
        }
        return cursors;
    }

    /** A list's own cursor replayed after the data changed, truncated, and another list's cursor: valid or a 4xx. */
    private static List<BadInputCases.Case> realCursors(String route, Map<String, String> cursors) {
        List<BadInputCases.Case> cases = new ArrayList<>();
        String own = cursors.get(route);
        if (own != null) {
            String encoded = BadInputCases.encode(own);
            cases.add(new BadInputCases.Case("its own cursor replayed after the data changed",
                    BadInputCases.Expect.EITHER, call -> call.withQuery("cursor", encoded)));
            String cut = BadInputCases.encode(own.substring(0, Math.max(1, own.length() - 3)));
            cases.add(new BadInputCases.Case("its own cursor truncated", BadInputCases.Expect.EITHER,
                    call -> call.withQuery("cursor", cut)));
        }
        cursors.forEach((other, cursor) -> {
            if (!other.equals(route)) {
                String encoded = BadInputCases.encode(cursor);
                cases.add(new BadInputCases.Case("the cursor of " + other, BadInputCases.Expect.EITHER,
                        call -> call.withQuery("cursor", encoded)));
            }
        });
        return cases;
    }

    /** Null when the answer is right for the case; else what is wrong with it. */
    static String verdict(BadInputCases.Expect expect, ApiClient.Response answer) {
        int status = answer.status();
        boolean ok = switch (expect) {
            case REFUSED -> status >= 400 && status <= 499;
            case TOO_LARGE -> status == 413;
            case EITHER -> status >= 200 && status <= 299 || status >= 400 && status <= 499;
        };
        if (!ok) {
            return "answered " + status + " (" + expect + " was due): " + snippet(answer.text());
        }
        if (status < 400) {
            return null;
        }
        if (!"application/problem+json".equals(answer.contentType())) {
            return status + " as " + answer.contentType() + ", not a problem: " + snippet(answer.text());
        }
        if (LEAK.matcher(answer.text()).find()) {
            return status + " leaks the server's insides: " + snippet(answer.text());
        }
        try {
            JsonNode body = Json.mapper().readTree(answer.text());
            if (!body.path("type").isTextual() || !body.path("title").isTextual() || body.path("status").asInt() != status
                    || body.path("detail").asText().isBlank()) {
                return status + " with a problem missing type, title, status or detail: " + snippet(answer.text());
            }
            if (body.path("title").asText().equals("Error")) {
                return status + " with no title of its own: " + snippet(answer.text());
            }
        } catch (IOException e) {
            return status + " problem is not JSON: " + snippet(answer.text());
        }
        return null;
    }

    /** {@code GET /health} on a connection of its own, as the raw HTTP answer. */
    private static String health(TestServer server) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "no answer: " + e;
        }
    }

    private static JsonNode openApi() {
        try (InputStream in = EveryRouteBadInputTest.class.getResourceAsStream(SystemRoutes.OPENAPI_RESOURCE)) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(Router.Route route) {
        return route.method() + " " + route.path();
    }

    private static String snippet(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }

    /** What one database's run counted. */
    private static final class Tally {
        final AtomicInteger routes = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger serverErrors = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger accepted = new AtomicInteger();
        /** Every request and its answer, one line each, written to {@code target/bad-input-<database>.tsv}. */
        final List<String> answers = Collections.synchronizedList(new ArrayList<>());

        void count(int status) {
            requests.incrementAndGet();
            if (status >= 500) {
                serverErrors.incrementAndGet();
            } else if (status >= 400) {
                refused.incrementAndGet();
            } else {
                accepted.incrementAndGet();
            }
        }
    }
}
