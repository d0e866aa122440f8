package io.lineone.server.users;

import static io.lineone.testing.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.NewUser;
import io.lineone.api.Role;
import io.lineone.api.SessionRequest;
import io.lineone.server.ServerConfig;
import io.lineone.testing.ApiClient;
import io.lineone.testing.MutableClock;
import io.lineone.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sign-in, throttling, token expiry and revocation, over real HTTP with a hand-moved clock. */
class AuthApiTest {

    @RegisterExtension
    final TestServer server = TestServer.onH2().build();

    private final ApiClient api = server.api();

    private ApiClient.Response signIn(String login, String password) {
        return api.post("/session", null, new SessionRequest(login, password));
    }

    @Test
    void signInAnswers201WithATokenItsExpiryAndTheUser() {
        ApiClient.Response response = signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.contentType()).isEqualTo("application/json");
        JsonNode body = response.json();
        assertThat(body.get("token").asText()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(Instant.parse(body.get("expiresAt").asText())).isEqualTo(MutableClock.START.plus(Duration.ofHours(12)));
        assertThat(body.get("user").get("login").asText()).isEqualTo("admin");
        assertThat(body.get("user").get("role").asText()).isEqualTo("ADMIN");
        assertThat(body.get("user").get("id").asText()).isNotBlank();
        assertNoPassword(response, ServerConfig.TEST_ADMIN_PASSWORD);
        assertThat(signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD).json().get("token").asText())
                .as("every sign-in gets a token of its own").isNotEqualTo(body.get("token").asText());
    }

    @Test
    void noAnswerCarriesAPasswordOrItsHash() {
        String admin = server.adminToken();
        ApiClient.Response created = api.post("/users", admin, new NewUser("li.na", "李娜", Role.MANAGER, TestServer.PASSWORD));
        assertThat(created.status()).isEqualTo(201);
        assertNoPassword(created, TestServer.PASSWORD);
        assertNoPassword(api.get("/users", admin), TestServer.PASSWORD);
        assertNoPassword(api.get("/users?role=MANAGER", admin), TestServer.PASSWORD);
        assertNoPassword(api.get("/me", admin), TestServer.PASSWORD);
        assertNoPassword(signIn("li.na", TestServer.PASSWORD), TestServer.PASSWORD);
        assertNoPassword(signIn("li.na", "wrong password"), "wrong password");
    }

    /** No field named like a password or hash anywhere in the answer, and neither the password nor a hash of it. */
    private static void assertNoPassword(ApiClient.Response response, String password) {
        assertThat(response.text()).as("%s", response).doesNotContain(password, "pbkdf2");
        assertThat(fieldNames(response.json())).as("%s", response)
                .noneMatch(name -> name.toLowerCase(Locale.ROOT).contains("password")
                        || name.toLowerCase(Locale.ROOT).contains("hash"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(field -> {
            names.add(field.getKey());
            names.addAll(fieldNames(field.getValue()));
        });
        node.elements().forEachRemaining(element -> {
            if (!node.isObject()) {
                names.addAll(fieldNames(element));
            }
        });
        return names;
    }

    @Test
    void aWrongPasswordAndAnUnknownLoginGetTheSame401() {
        JsonNode wrongPassword = problem(signIn("admin", "not the password"), 401);
        JsonNode unknownLogin = problem(signIn("nobody", "not the password"), 401);

        assertThat(unknownLogin).isEqualTo(wrongPassword);
        assertThat(signIn("nobody", "x").header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void theSixthSignInWithinFifteenMinutesIsRefusedEvenWithTheRightPassword() {
        server.account(Role.MANAGER, "wang.wei");
        for (int i = 0; i < 5; i++) {
            problem(signIn("admin", "wrong " + i), 401);
            server.clock().advance(Duration.ofMinutes(1));
        }

        ApiClient.Response refused = signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD);
        JsonNode body = problem(refused, 429);
        assertThat(body.get("detail").asText()).doesNotContain(ServerConfig.TEST_ADMIN_PASSWORD);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        problem(signIn("admin", "wrong again"), 429);

        assertThat(signIn("wang.wei", TestServer.PASSWORD).status()).as("other logins are unaffected").isEqualTo(201);

        // The first failure was at minute 0; at minute 15 and a bit it has left the window.
        server.clock().set(MutableClock.START.plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertThat(signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void failuresOfAnUnknownLoginAreThrottledToo() {
        for (int i = 0; i < 5; i++) {
            problem(signIn("ghost", "guess " + i), 401);
        }
        problem(signIn("ghost", "guess 6"), 429);
        assertThat(signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotThrottle() {
        for (int i = 0; i < 10; i++) {
            problem(signIn("admin", "wrong " + i), 401);
            server.clock().advance(Duration.ofMinutes(4));
        }
        assertThat(signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void aTokenExpiresAfterTwelveHours() {
        String token = server.adminToken();
        server.clock().advance(Duration.ofHours(12).minusSeconds(1));
        assertThat(api.get("/me", token).status()).isEqualTo(200);

        server.clock().advance(Duration.ofSeconds(1));
        problem(api.get("/me", token), 401);
        problem(api.get("/merchants", token), 401);
    }

    @Test
    void signingOutRevokesThatTokenOnly() {
        String first = server.adminToken();
        String second = server.signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD);

        ApiClient.Response signOut = api.delete("/session", first);
        assertThat(signOut.status()).isEqualTo(204);

        problem(api.get("/me", first), 401);
        problem(api.delete("/session", first), 401);
        assertThat(api.get("/me", second).status()).isEqualTo(200);
    }

    @Test
    void signingOutEverywhereRevokesEveryTokenOfThatUserAndNoOneElses() {
        TestServer.Account manager = server.account(Role.MANAGER, "li.na");
        String laptop = server.signIn("li.na", TestServer.PASSWORD);
        String desktop = server.signIn("li.na", TestServer.PASSWORD);
        TestServer.Account colleague = server.account(Role.MANAGER, "wang.wei");

        assertThat(api.delete("/sessions", laptop).status()).isEqualTo(204);

        for (String token : List.of(manager.token(), laptop, desktop)) {
            problem(api.get("/me", token), 401);
        }
        problem(api.delete("/sessions", laptop), 401);
        assertThat(api.get("/me", colleague.token()).status()).isEqualTo(200);
        assertThat(api.get("/me", server.adminToken()).status()).isEqualTo(200);
        String again = server.signIn("li.na", TestServer.PASSWORD);
        assertThat(api.get("/me", again).status()).as("signing in again works").isEqualTo(200);
        assertThat(server.audit("user", manager.id())).extracting(e -> e.action()).contains("session.revokeAll");
    }

    @Test
    void anAdminEndsEverySessionOfAUser() {
        TestServer.Account manager = server.account(Role.MANAGER, "li.na");
        String second = server.signIn("li.na", TestServer.PASSWORD);
        TestServer.Account supervisor = server.account(Role.SUPERVISOR, "chen.jing");

        problem(api.delete("/users/" + manager.id() + "/sessions", supervisor.token()), 403);
        problem(api.delete("/users/" + manager.id() + "/sessions", manager.token()), 403);
        assertThat(api.get("/me", manager.token()).status()).isEqualTo(200);
        problem(api.delete("/users/usr_000000000nobody00/sessions", server.adminToken()), 404);

        assertThat(api.delete("/users/" + manager.id() + "/sessions", server.adminToken()).status()).isEqualTo(204);

        problem(api.get("/me", manager.token()), 401);
        problem(api.get("/me", second), 401);
        assertThat(api.get("/me", supervisor.token()).status()).isEqualTo(200);
        assertThat(api.get("/me", server.adminToken()).status()).isEqualTo(200);
    }

    @Test
    void anExpiredOrRevokedTokenStaysDeadWhateverItIsUsedFor() {
        String expired = server.adminToken();
        server.clock().advance(Duration.ofHours(12));
        String revoked = server.signIn("admin", ServerConfig.TEST_ADMIN_PASSWORD);
        assertThat(api.delete("/session", revoked).status()).isEqualTo(204);
        for (String token : List.of(expired, revoked)) {
            problem(api.get("/me", token), 401);
            problem(api.delete("/session", token), 401);
            problem(api.delete("/sessions", token), 401);
            problem(api.post("/users", token, new NewUser("sneaky", "Sneaky", Role.ADMIN, TestServer.PASSWORD)), 401);
            problem(api.send("GET", "/events", token, null, Map.of("Accept", "text/event-stream")), 401);
        }
        server.clock().advance(Duration.ofDays(365));
        problem(api.get("/me", revoked), 401);
    }

    @Test
    void aMissingOrBadAuthorizationHeaderIs401() {
        String token = server.adminToken();
        problem(api.get("/me", null), 401);
        problem(api.get("/merchants", null), 401);
        problem(api.delete("/session", null), 401);
        problem(api.get("/me", "garbage"), 401);
        problem(api.get("/me", token + "x"), 401);
        problem(api.get("/me", "x".repeat(300)), 401);
        for (String header : new String[] {"Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", token, "Token " + token,
                "Bearer  " + "ünïcødé"}) {
            problem(api.send("GET", "/me", null, null, Map.of("Authorization", header)), 401);
        }
        assertThat(api.send("GET", "/me", null, null, Map.of("Authorization", "bearer " + token)).status())
                .as("the scheme is case-insensitive").isEqualTo(200);
    }

    @Test
    void meIsTheSignedInUser() {
        TestServer.Account manager = server.account(Role.MANAGER, "li.na");
        JsonNode me = api.get("/me", manager.token()).json();
        assertThat(me.get("id").asText()).isEqualTo(manager.id());
        assertThat(me.get("login").asText()).isEqualTo("li.na");
        assertThat(me.get("role").asText()).isEqualTo("MANAGER");
    }
}
