package io.lineone.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lineone.api.NewListing;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.api.WeightUnit;
import io.lineone.testing.ApiClient;
import io.lineone.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    @Test
    void postsIssuesForTheManagersOwnBookAndReportsWhatItAchieved() throws Exception {
        try (TestServer server = TestServer.onH2().start()) {
            TestServer.Account manager = server.account(Role.MANAGER);
            server.merchant("杭州压测食品有限公司", "压测食品旗舰店", Tier.SME, manager.id());
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            LoadGenerator.Result result = LoadGenerator.run(Options.parse(new String[] {
                "issues", "--url", server.url(), "--login", manager.login(), "--password", TestServer.PASSWORD,
                "--rate", "40", "--duration", "1", "--connections", "4"}), new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(result.requests().sent()).isEqualTo(40);
            assertThat(result.requests().failures()).as(result.requests().describe()).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("sent 40, failed 0");
            ApiClient.Response issues = server.api().get("/issues?limit=500", manager.token());
            assertThat(issues.json().get("items")).hasSize(40);
        }
    }

    @Test
    void trafficMixesIssuesAndListingChangesAndEveryStreamGetsEachEventOnce() throws Exception {
        try (TestServer server = TestServer.onH2().start()) {
            TestServer.Account feed = server.account(Role.SERVICE);
            TestServer.Account manager = server.account(Role.MANAGER);
            String merchant = server.merchant("宁波压测家电有限公司", "压测家电旗舰店", Tier.KA, manager.id()).id();
            for (int i = 0; i < 3; i++) {
                ApiClient.Response listing = server.api().post("/merchants/" + merchant + "/listings", feed.token(),
                        new NewListing("压测电饭煲 " + i, "家电", 29_900, 29_900L, 15_000L, new BigDecimal("3"),
                                WeightUnit.KG, 5.0));
                assertThat(listing.status()).as("%s", listing).isEqualTo(201);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            LoadGenerator.Result result = LoadGenerator.run(Options.parse(new String[] {
                "--url", server.url(), "--token", feed.token(), "--rate", "40", "--duration", "1",
                "--connections", "4", "--subscribers", "3", "--listings", "25"}),
                    new PrintStream(out, true, StandardCharsets.UTF_8));

            String report = out.toString(StandardCharsets.UTF_8);
            assertThat(result.clean()).as(report).isTrue();
            assertThat(report).contains("3 event streams open", "sent 40, failed 0",
                    "events: 3 streams, 120 received", "over 120 deliveries", "missing 0 (in 0 requests), beyond once 0");
            ApiClient.Response issues = server.api().get("/issues?limit=500", feed.token());
            assertThat(issues.json().get("items").size()).isEqualTo(30);
        }
    }

    @Test
    void updatesPatchANoteOntoEachIssueInTurnWithTheLatestVersion() throws Exception {
        try (TestServer server = TestServer.onH2().start()) {
            TestServer.Account manager = server.account(Role.MANAGER);
            server.merchant("义乌压测日用品有限公司", "压测日用品专营店", Tier.SME, manager.id());

            LoadGenerator.Result result = LoadGenerator.run(Options.parse(new String[] {
                "updates", "--url", server.url(), "--login", manager.login(), "--password", TestServer.PASSWORD,
                // Ten issues at 30/s: a PATCH has a third of a second before the next one to its issue, so a busy
                // machine's slow answer does not make the next one stale.
                "--rate", "30", "--duration", "2", "--connections", "2", "--issues", "10"}),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

            assertThat(result.requests().sent()).isEqualTo(60);
            assertThat(result.requests().failures()).as("no PATCH was stale: %s", result.requests().describe()).isZero();
            ApiClient.Response issues = server.api().get("/issues?limit=500", manager.token());
            assertThat(issues.json().get("items")).hasSize(10)
                    .allSatisfy(issue -> assertThat(issue.get("version").asLong()).isEqualTo(7));
        }
    }

    @Test
    void optionsAreReadAndWrongOnesNamed() {
        assertThat(Options.parse(new String[] {"--help"})).isNull();
        Options traffic = Options.parse(new String[] {"--url", "http://lineone.internal:8080/", "--token", "t0k",
            "--rate", "500", "--duration", "600", "--subscribers", "500", "--listings", "20"});
        assertThat(traffic).isEqualTo(new Options("traffic", "http://lineone.internal:8080", "feed",
                Options.DEMO_PASSWORD, "t0k", 500, 600, 32, 500, 500, 20, 10));
        assertThat(Options.parse(new String[] {"issues", "--login", "li.na", "--password", "pw"}))
                .extracting(Options::mode, Options::login, Options::password, Options::listingShare)
                .containsExactly("issues", "li.na", "pw", 0);
        assertThatThrownBy(() -> Options.parse(new String[] {"bells"}))
                .hasMessageContaining("unknown mode 'bells'");
        assertThatThrownBy(() -> Options.parse(new String[] {"issues", "--rate", "fast"}))
                .hasMessageContaining("--rate takes a number");
        assertThatThrownBy(() -> Options.parse(new String[] {"issues", "--rate"}))
                .hasMessageContaining("--rate needs a value");
        assertThatThrownBy(() -> Options.parse(new String[] {"--url", "lineone.internal"}))
                .hasMessageContaining("--url must start with http://");
        assertThatThrownBy(() -> Options.parse(new String[] {"issues", "--listings", "10"}))
                .hasMessageContaining("--listings is a share of the traffic mode");
        assertThatThrownBy(() -> Options.parse(new String[] {"updates", "--issues", "10", "--connections", "10"}))
                .hasMessageContaining("--issues must be more than --connections");
    }
}
