package io.lineone.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.testing.ApiClient;
import io.lineone.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A demo workspace of a chosen size has merchants with score histories, some not scored yet, weeks of worked issues
 * whose first responses sit around 19 s, one root cause many merchants share and one release whose rollout spiked
 * its area's issues — and the insights find both.
 */
class DemoHistoryTest {

    @RegisterExtension
    static final TestServer server = TestServer.onH2()
            .configure(config -> config.demo(true, false).demoMerchants(1_000)).build();

    private static final ApiClient api = server.api();

    private static JsonNode get(String path, String token) {
        ApiClient.Response response = api.get(path, token);
        assertThat(response.status()).as("%s → %s", path, response).isEqualTo(200);
        return response.json();
    }

    @Test
    void theInsightsFindTheSharedRootCauseAndTheReleasesSpike() {
        String supervisor = server.signIn(DemoWorkspace.SUPERVISOR_LOGIN, DemoWorkspace.PASSWORD);
        String manager = server.signIn(DemoWorkspace.MANAGER_LOGIN, DemoWorkspace.PASSWORD);

        assertThat(get("/merchants/facets", supervisor).get("total").asInt()).isEqualTo(1_000);
        assertThat(get("/merchants/facets?assigned=me", manager).get("total").asInt()).isEqualTo(236);
        JsonNode unscored = get("/merchants?assigned=all&scored=false&limit=500", supervisor).get("items");
        assertThat(unscored.size()).isEqualTo(20);
        JsonNode best = get("/merchants?assigned=all&sort=SCORE&order=desc&limit=1", supervisor).at("/items/0");
        JsonNode card = get("/merchants/" + best.get("id").asText() + "/scorecard", supervisor);
        assertThat(card.get("history")).hasSize(DemoWorkspace.HISTORY_POINTS);
        assertThat(card.get("metrics")).hasSize(5);
        JsonNode busiest = get("/merchants?assigned=all&sort=OPEN_ISSUES&order=desc&limit=1", supervisor).at("/items/0");
        assertThat(busiest.get("openIssues").asInt()).isPositive();

        JsonNode clusters = get("/insights/clusters", supervisor).get("items");
        assertThat(clusters.get(0).get("rootCause").asText()).isEqualTo(DemoHistory.SHARED_CAUSE);
        assertThat(clusters.get(0).get("merchants").asInt()).isGreaterThanOrEqualTo(30);

        JsonNode bells = get("/insights/suggested-bells", supervisor).get("items");
        List<String> releases = new ArrayList<>();
        bells.forEach(b -> releases.add(b.get("releaseName").asText()));
        assertThat(releases).containsExactly(DemoHistory.SPIKE_RELEASE);
        assertThat(bells.get(0).get("ratio").asDouble()).isGreaterThanOrEqualTo(3);
        assertThat(get("/insights/suggested-bells", manager).get("items")).extracting(b -> b.get("releaseName").asText())
                .containsExactly(DemoHistory.SPIKE_RELEASE);

        JsonNode responses = get("/insights/first-response", supervisor);
        assertThat(responses.get("count").asInt()).isGreaterThan(200);
        assertThat(responses.get("shareUnder19s").asDouble()).isBetween(0.5, 0.8);
        assertThat(responses.get("medianMillis").asLong()).isBetween(10_000L, 19_000L);
        JsonNode categories = get("/insights/categories", supervisor);
        assertThat(categories.get("buckets").size()).isBetween(7, 8);
        assertThat(categories.at("/rootCauses/0/rootCause").asText()).isEqualTo(DemoHistory.SHARED_CAUSE);
    }
}
