package io.lineone.server.releases;

import static io.lineone.testing.ProblemAssert.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.BellSeverity;
import io.lineone.api.IssueCategory;
import io.lineone.api.NewBell;
import io.lineone.api.NewIssue;
import io.lineone.api.NewRelease;
import io.lineone.api.Priority;
import io.lineone.api.Release;
import io.lineone.api.Role;
import io.lineone.testing.ApiClient;
import io.lineone.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad bodies for releases and bells answer a 400 naming the field, never a 500, and the server keeps serving. */
class ReleaseBadInputApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.onH2().build();

    private static final ApiClient api = server.api();
    private static Map<String, String> tokens;
    private static String releaseId;
    private static String bellId;

    @BeforeAll
    static void aBelledRelease() {
        TestServer.Account owner = server.account(Role.PRODUCT_OWNER);
        TestServer.Account manager = server.account(Role.MANAGER);
        releaseId = api.post("/releases", server.adminToken(), new NewRelease("优惠券", "叠加规则", "1.0", owner.id()))
                .as(Release.class).id();
        String issue = server.issue(server.adminToken(), new NewIssue(server.merchantOf(manager).id(),
                IssueCategory.COUPON_OVERSPEND, null, Priority.P1, "低于成本价", null, null, releaseId, null)).id();
        bellId = api.post("/releases/" + releaseId + "/bells", manager.token(), new NewBell(BellApiTest.REASON,
                BellSeverity.MAJOR, List.of(issue))).json().get("id").asText();
        tokens = Map.of("admin", server.adminToken(), "owner", owner.token(), "manager", manager.token(),
                "supervisor", server.account(Role.SUPERVISOR).token());
    }

    @AfterEach
    void stillServing() {
        assertThat(api.get("/health", null).json().get("status").asText()).isEqualTo("UP");
    }

    static Stream<Arguments> badBodies() {
        String reason = "\"" + BellApiTest.REASON + "\"";
        return Stream.of(
                Arguments.of("admin", "/releases", "{\"productArea\":", "body"),
                Arguments.of("admin", "/releases", "[]", "body"),
                Arguments.of("admin", "/releases", "{\"productArea\":1,\"name\":\"n\",\"version\":\"1\",\"ownerId\":\"u\"}",
                        "productArea"),
                Arguments.of("admin", "/releases", "{\"productArea\":\"a\\u0000b\",\"name\":\"n\",\"version\":\"1\","
                        + "\"ownerId\":\"u\"}", "productArea"),
                Arguments.of("admin", "/releases", "{\"productArea\":\"" + "区".repeat(101) + "\",\"name\":\"n\","
                        + "\"version\":\"1\",\"ownerId\":\"u\"}", "productArea"),
                Arguments.of("admin", "/releases", "{}", "productArea,name,version,ownerId"),
                Arguments.of("owner", "/releases/{release}/advance", "{\"stage\":\"SOON\"}", "stage"),
                Arguments.of("owner", "/releases/{release}/advance", "{\"stage\":2}", "stage"),
                Arguments.of("owner", "/releases/{release}/advance", "{\"exposurePercent\":\"50\"}", "exposurePercent"),
                Arguments.of("owner", "/releases/{release}/advance", "{\"exposurePercent\":50.5}", "exposurePercent"),
                Arguments.of("owner", "/releases/{release}/advance", "{\"exposurePercent\":-1}", "exposurePercent"),
                Arguments.of("owner", "/releases/{release}/advance", "{\"exposurePercent\":99999999999}",
                        "exposurePercent"),
                Arguments.of("owner", "/releases/{release}/advance", "{}", "body"),
                Arguments.of("manager", "/releases/{release}/bells", "{\"reason\":" + reason
                        + ",\"severity\":\"HUGE\",\"evidenceIssueIds\":[\"x\"]}", "severity"),
                Arguments.of("manager", "/releases/{release}/bells", "{\"reason\":" + reason
                        + ",\"severity\":\"MAJOR\",\"evidenceIssueIds\":\"iss_1\"}", "evidenceIssueIds"),
                Arguments.of("manager", "/releases/{release}/bells", "{\"reason\":" + reason
                        + ",\"severity\":\"MAJOR\",\"evidenceIssueIds\":[1]}", "evidenceIssueIds[0]"),
                Arguments.of("manager", "/releases/{release}/bells", "{\"reason\":" + reason
                        + ",\"severity\":\"MAJOR\",\"evidenceIssueIds\":[\"a\\u0000\"]}", "evidenceIssueIds"),
                Arguments.of("manager", "/releases/{release}/bells", "{\"reason\":\"" + "理".repeat(2001)
                        + "\",\"severity\":\"MAJOR\",\"evidenceIssueIds\":[\"x\"]}", "reason"),
                Arguments.of("manager", "/releases/{release}/bells", "{\"reason\":\"\\ud800 lone surrogate, long enough"
                        + " to count\",\"severity\":\"MAJOR\",\"evidenceIssueIds\":[\"x\"]}", "reason"),
                Arguments.of("manager", "/releases/{release}/bells", "{}", "reason,severity,evidenceIssueIds"),
                Arguments.of("manager", "/bells/{bell}/comments", "{\"text\":42}", "text"),
                Arguments.of("manager", "/bells/{bell}/comments", "{}", "text"),
                Arguments.of("manager", "/bells/{bell}/evidence", "{\"issueIds\":[]}", "issueIds"),
                Arguments.of("manager", "/bells/{bell}/evidence", "{\"issueIds\":null}", "issueIds"),
                Arguments.of("supervisor", "/bells/{bell}/overrule", "{\"justification\":[\"no\"]}", "justification"),
                Arguments.of("supervisor", "/bells/{bell}/overrule", "{\"justification\":\"  \"}", "justification"),
                Arguments.of("supervisor", "/bells/{bell}/resolve", "{\"note\":\"bad\\u0007\"}", "note"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("badBodies")
    void aBadBodyIsA400NamingTheField(String who, String path, String body, String fields) {
        ApiClient.Response response = api.send("POST", path.replace("{release}", releaseId).replace("{bell}", bellId),
                tokens.get(who), body, Map.of());
        invalid(response, fields.split(","));
    }
}
