package io.lineone.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.CategoryInsights;
import io.lineone.api.ClusterKind;
import io.lineone.api.FirstResponseInsights;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueCluster;
import io.lineone.api.Page;
import io.lineone.api.SuggestedBell;
import io.lineone.client.net.InsightsApi.Bucket;
import io.lineone.testing.StubServer;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The insights' calls: their paths and query parameters, and the answers read into the wire records. */
class InsightsClientTest {

    private static final String JSON = "application/json";
    private static final String SESSION = "{\"token\":\"tok-1\",\"expiresAt\":\"2030-01-01T00:00:00Z\","
            + "\"user\":{\"id\":\"u1\",\"login\":\"li.na\",\"displayName\":\"李娜\",\"role\":\"MANAGER\"}}";
    private static final Instant FROM = Instant.parse("2026-11-30T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-06T09:00:00Z");
    private static final String WINDOW = "from=2026-11-30T00%3A00%3A00Z&to=2026-12-06T09%3A00%3A00Z";

    private final StubServer stub;
    private final BackendClient client = BackendClient.withDefaults();

    InsightsClientTest() throws IOException {
        stub = new StubServer();
    }

    @BeforeEach
    void signIn() throws BackendException {
        stub.on("POST", "/api/v1/session", 201, JSON, SESSION);
        client.signIn(stub.url() + "/", "li.na", "pw");
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void categoriesAskForTheWindowAndTheBucket() throws Exception {
        stub.on("GET", "/api/v1/insights/categories?" + WINDOW + "&bucket=hour", 200, JSON,
                "{\"from\":\"2026-11-30T00:00:00Z\",\"to\":\"2026-12-06T09:00:00Z\",\"bucket\":\"hour\","
                        + "\"buckets\":[{\"start\":\"2026-11-30T00:00:00Z\",\"counts\":{\"PRICING_ERROR\":2,"
                        + "\"LOGISTICS\":0}}],\"rootCauses\":[{\"rootCause\":\"小数点错位\","
                        + "\"category\":\"PRICING_ERROR\",\"count\":2}]}");

        CategoryInsights answer = client.insights().categories(FROM, TO, Bucket.HOUR);

        assertThat(answer.buckets()).singleElement()
                .satisfies(b -> assertThat(b.counts()).containsEntry(IssueCategory.PRICING_ERROR, 2));
        assertThat(answer.rootCauses().get(0).rootCause()).isEqualTo("小数点错位");
        assertThat(stub.received.get(1).authorization()).isEqualTo("Bearer tok-1");
    }

    @Test
    void firstResponsesClustersAndSuggestedBells() throws Exception {
        stub.on("GET", "/api/v1/insights/first-response?" + WINDOW, 200, JSON,
                "{\"count\":3,\"medianMillis\":12000,\"p90Millis\":40000,\"shareUnder19s\":0.66,"
                        + "\"histogram\":[{\"fromSeconds\":600,\"toSeconds\":null,\"count\":1}]}");
        stub.on("GET", "/api/v1/insights/clusters?" + WINDOW + "&limit=100", 200, JSON,
                "{\"items\":[{\"key\":\"release:r1\",\"kind\":\"RELEASE\",\"releaseId\":\"r1\",\"releaseName\":\"搜索\","
                        + "\"category\":\"PRICING_ERROR\",\"merchants\":3,\"issues\":4,\"moneyAtRiskCents\":100,"
                        + "\"firstAt\":\"2026-12-01T00:00:00Z\",\"lastAt\":\"2026-12-02T00:00:00Z\","
                        + "\"issueIds\":[\"i-1\"]}],\"nextCursor\":null}");
        stub.on("GET", "/api/v1/insights/suggested-bells", 200, JSON,
                "{\"items\":[{\"releaseId\":\"r1\",\"releaseName\":\"搜索\",\"productArea\":\"物流\","
                        + "\"rolloutStartedAt\":\"2026-12-06T00:00:00Z\",\"issuesAfter\":5,\"baselinePerHour\":0.1,"
                        + "\"afterPerHour\":2.5,\"ratio\":25.0,\"merchants\":5,\"moneyAtRiskCents\":1500000,"
                        + "\"evidenceIssueIds\":[\"i-1\",\"i-2\"]}],\"nextCursor\":null}");

        FirstResponseInsights response = client.insights().firstResponse(FROM, TO);
        Page<IssueCluster> clusters = client.insights().clusters(FROM, TO, 100);
        Page<SuggestedBell> bells = client.insights().suggestedBells();

        assertThat(response.histogram().get(0).toSeconds()).as("open-ended").isNull();
        assertThat(clusters.items()).singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(ClusterKind.RELEASE));
        assertThat(bells.items()).singleElement().satisfies(b -> assertThat(b.evidenceIssueIds()).hasSize(2));
    }
}
