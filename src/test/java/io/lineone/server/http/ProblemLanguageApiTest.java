package io.lineone.server.http;

import static io.lineone.testing.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Bell;
import io.lineone.api.BellSeverity;
import io.lineone.api.BellStep;
import io.lineone.api.IssueCategory;
import io.lineone.api.NewBell;
import io.lineone.api.NewIssue;
import io.lineone.api.NewRelease;
import io.lineone.api.Priority;
import io.lineone.api.Release;
import io.lineone.api.ReleaseAdvance;
import io.lineone.api.ReleaseStage;
import io.lineone.api.Role;
import io.lineone.testing.ApiClient;
import io.lineone.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A refusal is told in the caller's language, as its Accept-Language asks; English for everyone else. */
class ProblemLanguageApiTest {

    @RegisterExtension
    final TestServer server = TestServer.onH2().build();

    private final ApiClient api = server.api();

    private String detail(String method, String path, String token, Object body, String acceptLanguage, int status) {
        ApiClient.Response answer = api.send(method, path, token, body,
                acceptLanguage == null ? Map.of() : Map.of("Accept-Language", acceptLanguage));
        return problem(answer, status).get("detail").asText();
    }

    @Test
    void aBlockedReleaseAndABellInTheWrongStateAreRefusedInChineseForAChineseConsole() {
        TestServer.Account owner = server.account(Role.PRODUCT_OWNER, "zhao.lei", "赵磊");
        TestServer.Account manager = server.account(Role.MANAGER, "li.na", "李娜");
        Release release = api.post("/releases", server.adminToken(), new NewRelease("优惠券", "满减券叠加规则改版", "3.2.0",
                owner.id())).as(Release.class);
        api.post("/releases/" + release.id() + "/advance", owner.token(), new ReleaseAdvance(ReleaseStage.ROLLING_OUT, 30));
        String issueId = server.issue(server.adminToken(), new NewIssue(server.merchantOf(manager).id(),
                IssueCategory.COUPON_OVERSPEND, null, Priority.P1, "满减券叠加后低于成本价", "叠加规则上线后", null, null,
                100_000L)).id();
        Bell bell = api.post("/releases/" + release.id() + "/bells", manager.token(), new NewBell(
                "新版满减券与店铺券叠加后，多家商家的商品低于成本价成交。", BellSeverity.BLOCKER, List.of(issueId))).as(Bell.class);
        String advance = "/releases/" + release.id() + "/advance";
        ReleaseAdvance forward = new ReleaseAdvance(ReleaseStage.LIVE, 100);

        assertThat(detail("POST", advance, owner.token(), forward, "zh-CN,zh;q=0.9,en;q=0.8", 409))
                .isEqualTo("闸门已被 1 个铃拦截：在每个铃都被解决或驳回之前，此版本不能推进。");
        assertThat(detail("POST", advance, owner.token(), forward, null, 409))
                .isEqualTo("The gate is BLOCKED by 1 bell: the release cannot move forward until every bell is"
                        + " resolved or overruled.");
        assertThat(detail("POST", advance, owner.token(), forward, "fr-FR, de;q=0.5", 409)).startsWith("The gate");
        assertThat(detail("POST", advance, owner.token(), forward, ";;;q=x", 409)).as("an unreadable header")
                .startsWith("The gate");

        api.post("/bells/" + bell.id() + "/acknowledge", owner.token(), new BellStep("在查", null));
        assertThat(detail("POST", "/bells/" + bell.id() + "/acknowledge", owner.token(), new BellStep(null, null),
                "zh", 409)).isEqualTo("状态为“已确认”的铃不能确认。");
        assertThat(detail("POST", "/bells/" + bell.id() + "/resolve", owner.token(), new BellStep(null, null),
                "zh-CN", 403)).isEqualTo("只有拉铃人李娜或主管可以解决这个铃。");
        assertThat(detail("GET", "/issues/iss_nowhere", manager.token(), null, "zh-CN", 404))
                .isEqualTo("没有编号为“iss_nowhere”的问题。");
        assertThat(detail("GET", "/issues/iss_nowhere", manager.token(), null, "en-GB", 404))
                .isEqualTo("No issue with id 'iss_nowhere'.");
    }
}
