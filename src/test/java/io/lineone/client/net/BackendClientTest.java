package io.lineone.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lineone.api.Merchant;
import io.lineone.api.Session;
import io.lineone.api.Tier;
import io.lineone.testing.StubServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackendClientTest {

    private static final String JSON = "application/json";
    private static final String SESSION = "{\"token\":\"tok-1\",\"expiresAt\":\"2030-01-01T00:00:00Z\","
            + "\"user\":{\"id\":\"u1\",\"login\":\"li.na\",\"displayName\":\"李娜\",\"role\":\"MANAGER\"}}";
    private static final String MERCHANT = "{\"id\":\"%s\",\"name\":\"杭州茶\",\"shopName\":\"龙井\",\"tier\":\"KA\","
            + "\"category\":\"茶\",\"region\":\"浙江\",\"assignedManagerId\":\"u1\",\"metrics\":{\"shippingHours\":12.0,"
            + "\"preSaleResponseSeconds\":20.0,\"afterSaleResponseSeconds\":90.0,\"dsr\":4.8,\"disputeRate\":0.01},"
            + "\"lighthouseScore\":88,\"band\":\"GREEN\",\"openIssues\":2,\"moneyAtRiskCents\":125000,"
            + "\"lastContactAt\":null,\"autoDeductionPaused\":false,\"version\":1}";

    private final StubServer stub;
    private final BackendClient client = BackendClient.withDefaults();

    BackendClientTest() throws IOException {
        stub = new StubServer();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private void signIn() throws BackendException {
        stub.on("POST", "/api/v1/session", 201, JSON, SESSION);
        client.signIn(stub.url() + "/", "li.na", "pw");
    }

    @Test
    void signInPostsTheCredentialsAndLaterCallsCarryTheToken() throws Exception {
        stub.on("GET", "/api/v1/me", 200, JSON, "{\"id\":\"u1\",\"login\":\"li.na\",\"displayName\":\"李娜\",\"role\":\"MANAGER\"}");
        stub.on("POST", "/api/v1/session", 201, JSON, SESSION);

        Session session = client.signIn(stub.url() + "/api/v1", "li.na", "pw");

        assertThat(session.user().displayName()).isEqualTo("李娜");
        assertThat(client.serverUrl()).contains(stub.url());
        assertThat(stub.received.get(0).body()).contains("\"login\":\"li.na\"").contains("\"password\":\"pw\"");
        assertThat(stub.received.get(0).authorization()).isNull();
        assertThat(client.me().login()).isEqualTo("li.na");
        assertThat(stub.received.get(1).authorization()).isEqualTo("Bearer tok-1");
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        signIn();
        stub.on("GET", "/api/v1/health", 200, JSON, "{\"status\":\"UP\",\"version\":\"0.1.0\",\"database\":\"h2\"}");
        assertThat(client.health().version()).isEqualTo("0.1.0");
    }

    @Test
    void wrongPasswordIsAProblemWithItsStatusAndText() {
        stub.on("POST", "/api/v1/session", 401, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"wrong login or password\"}");

        assertThatThrownBy(() -> client.signIn(stub.url(), "li.na", "bad"))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BackendException.Kind.PROBLEM);
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.problem()).hasValueSatisfying(p -> assertThat(p.detail()).isEqualTo("wrong login or password"));
                });
        assertThat(client.serverUrl()).isEmpty();
    }

    @Test
    void anErrorPageThatIsNotAProblemStillCarriesItsStatus() throws Exception {
        signIn();
        stub.on("GET", "/api/v1/me", 502, "text/html", "<html>bad gateway</html>");
        assertThatThrownBy(client::me).isInstanceOfSatisfying(BackendException.class,
                e -> assertThat(e.status()).isEqualTo(502));
    }

    @Test
    void garbageInASuccessIsAnUnexpectedResponse() throws Exception {
        signIn();
        stub.on("GET", "/api/v1/me", 200, JSON, "<html>a captive portal</html>");
        assertThatThrownBy(client::me).isInstanceOfSatisfying(BackendException.class,
                e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.UNEXPECTED_RESPONSE));
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThatThrownBy(() -> client.signIn("127.0.0.1:" + port, "a", "b"))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BackendException.Kind.UNREACHABLE);
                    assertThat(e.serverUrl()).isEqualTo("http://127.0.0.1:" + port);
                });
    }

    @Test
    void allMyMerchantsFollowsTheCursorToTheLastPage() throws Exception {
        signIn();
        stub.on("GET", "/api/v1/merchants?assigned=me&limit=500", 200, JSON,
                "{\"items\":[" + MERCHANT.formatted("a") + "," + MERCHANT.formatted("b") + "],\"nextCursor\":\"c2\"}");
        stub.on("GET", "/api/v1/merchants?assigned=me&cursor=c2&limit=500", 200, JSON,
                "{\"items\":[" + MERCHANT.formatted("c") + "],\"nextCursor\":null}");

        List<Merchant> all = client.merchants().allMyMerchants();

        assertThat(all).extracting(Merchant::id).containsExactly("a", "b", "c");
        assertThat(all.get(0).metrics().dsr()).isEqualTo(4.8);
    }

    @Test
    void queryParametersAreEncodedIncludingChinese() throws Exception {
        signIn();
        stub.on("GET", "/api/v1/merchants?assigned=all&q=%E6%9D%AD%E5%B7%9E&tier=KA&limit=10", 200, JSON,
                "{\"items\":[],\"nextCursor\":null}");

        assertThat(client.merchants().merchants("all", "杭州", Tier.KA, null, 10).items()).isEmpty();
    }

    @Test
    void merchantByIdEscapesTheId() throws Exception {
        signIn();
        stub.on("GET", "/api/v1/merchants/m%201", 200, JSON, MERCHANT.formatted("m 1"));
        assertThat(client.merchants().merchant("m 1").id()).isEqualTo("m 1");
    }

    @Test
    void signOutRevokesAndStopsSendingTheToken() throws Exception {
        signIn();
        stub.on("DELETE", "/api/v1/session", 204, JSON, "");
        stub.on("GET", "/api/v1/health", 200, JSON, "{\"status\":\"UP\",\"version\":\"0.1.0\",\"database\":\"h2\"}");

        client.signOut();
        client.health();

        assertThat(stub.received).extracting(StubServer.Received::method).containsExactly("POST", "DELETE", "GET");
        assertThat(stub.received.get(1).authorization()).isEqualTo("Bearer tok-1");
        assertThat(stub.received.get(2).authorization()).isNull();
    }

    @Test
    void signingOutEverywhereKeepsTheTokenUntilTheServerHasRevokedThemAll() throws Exception {
        signIn();
        stub.on("DELETE", "/api/v1/sessions", 503, "application/problem+json",
                "{\"title\":\"Service Unavailable\",\"status\":503}");
        assertThatThrownBy(client::signOutEverywhere).isInstanceOf(BackendException.class);
        stub.on("DELETE", "/api/v1/sessions", 204, JSON, "");
        stub.on("GET", "/api/v1/health", 200, JSON, "{\"status\":\"UP\",\"version\":\"0.1.0\",\"database\":\"h2\"}");

        client.signOutEverywhere();
        client.health();

        assertThat(stub.received).extracting(StubServer.Received::method)
                .containsExactly("POST", "DELETE", "DELETE", "GET");
        assertThat(stub.received.get(1).authorization()).as("still signed in after a failure").isEqualTo("Bearer tok-1");
        assertThat(stub.received.get(2).authorization()).isEqualTo("Bearer tok-1");
        assertThat(stub.received.get(3).authorization()).isNull();
    }

    @Test
    void callsBeforeSignInSayThereIsNoServer() {
        assertThatThrownBy(client::me).isInstanceOfSatisfying(BackendException.class,
                e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.INVALID_URL));
    }
}
