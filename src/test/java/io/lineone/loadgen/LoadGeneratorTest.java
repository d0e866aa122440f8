package io.lineone.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.testing.ApiClient;
import io.lineone.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    @Test
    void postsIssuesForTheManagersOwnBookAndReportsWhatItAchieved() throws Exception {
        try (TestServer server = TestServer.onH2().start()) {
            TestServer.Account manager = server.account(Role.MANAGER);
            server.merchant("杭州压测食品有限公司", "压测食品旗舰店", Tier.SME, manager.id());
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            LoadGenerator.Report report = LoadGenerator.run(LoadGenerator.Options.parse(new String[] {
                "issues", "--url", server.url(), "--login", manager.login(), "--password", TestServer.PASSWORD,
                "--rate", "40", "--duration", "1", "--connections", "4"}), new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(report.sent()).isEqualTo(40);
            assertThat(report.failures()).as(report.describe()).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("sent 40, failed 0");
            ApiClient.Response issues = server.api().get("/issues?limit=500", manager.token());
            assertThat(issues.json().get("items")).hasSize(40);
        }
    }

    @Test
    void updatesPatchANoteOntoEachIssueInTurnWithTheLatestVersion() throws Exception {
        try (TestServer server = TestServer.onH2().start()) {
            TestServer.Account manager = server.account(Role.MANAGER);
            server.merchant("义乌压测日用品有限公司", "压测日用品专营店", Tier.SME, manager.id());

            LoadGenerator.Report report = LoadGenerator.run(LoadGenerator.Options.parse(new String[] {
                "updates", "--url", server.url(), "--login", manager.login(), "--password", TestServer.PASSWORD,
                // Ten issues at 30/s: a PATCH has a third of a second before the next one to its issue, so a busy
                // machine's slow answer does not make the next one stale.
                "--rate", "30", "--duration", "2", "--connections", "2", "--issues", "10"}),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

            assertThat(report.sent()).isEqualTo(60);
            assertThat(report.failures()).as("no PATCH was stale: %s", report.describe()).isZero();
            ApiClient.Response issues = server.api().get("/issues?limit=500", manager.token());
            assertThat(issues.json().get("items")).hasSize(10)
                    .allSatisfy(issue -> assertThat(issue.get("version").asLong()).isEqualTo(7));
        }
    }

    @Test
    void wrongOptionsAreNamed() {
        assertThat(LoadGenerator.Options.parse(new String[] {"--help"})).isNull();
        assertThatThrownBy(() -> LoadGenerator.Options.parse(new String[] {"bells"}))
                .hasMessageContaining("unknown mode 'bells'");
        assertThatThrownBy(() -> LoadGenerator.Options.parse(new String[] {"issues", "--rate", "fast"}))
                .hasMessageContaining("--rate takes a number");
        assertThatThrownBy(() -> LoadGenerator.Options.parse(new String[] {"issues", "--rate"}))
                .hasMessageContaining("--rate needs a value");
    }
}
