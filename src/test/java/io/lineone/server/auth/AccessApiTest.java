package io.lineone.server.auth;

import static io.lineone.testing.ProblemAssert.invalid;
import static io.lineone.testing.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineone.api.AssigneeChange;
import io.lineone.api.NewUser;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.testing.ApiClient;
import io.lineone.testing.Metrics;
import io.lineone.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who may see and do what: 403 for a role that may not, 404 for a merchant the caller may not see. */
class AccessApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.onH2().build();

    private static final ApiClient api = server.api();
    private static TestServer.Account managerA;
    private static TestServer.Account managerB;
    private static TestServer.Account supervisor;
    private static TestServer.Account productOwner;
    private static TestServer.Account service;
    private static String merchantOfA;
    private static String merchantOfB;

    @BeforeAll
    static void start() {
        managerA = server.account(Role.MANAGER, "manager.a");
        managerB = server.account(Role.MANAGER, "manager.b");
        supervisor = server.account(Role.SUPERVISOR, "supervisor");
        productOwner = server.account(Role.PRODUCT_OWNER, "owner");
        service = server.account(Role.SERVICE, "feed");
        merchantOfA = server.merchant("杭州悦享食品有限公司", "悦享旗舰店", Tier.KA, managerA.id()).id();
        merchantOfB = server.merchant("深圳云朵电子有限公司", "云朵数码专营店", Tier.SME, managerB.id()).id();
        server.merchant("无人认领有限公司", "无人店", Tier.SME, null);
    }

    private static List<String> ids(ApiClient.Response page) {
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    @Test
    void aManagerMayNotAdministerUsersMerchantsOrAssignments() {
        String token = managerA.token();
        problem(api.post("/users", token, new NewUser("sneaky", "Sneaky", Role.ADMIN, TestServer.PASSWORD)), 403);
        problem(api.get("/users", token), 403);
        problem(api.post("/merchants", token, Map.of("name", "n", "shopName", "s", "tier", "KA", "category", "c",
                "region", "r", "metrics", Metrics.at(0.5))), 403);
        problem(api.put("/merchants/" + merchantOfA + "/assignee", token, new AssigneeChange(managerB.id())), 403);
        problem(api.get("/merchants?assigned=all", token), 403);
        problem(api.get("/merchants?assigned=ALL&limit=5", token), 403);
        problem(api.get("/users?role=ADMIN", supervisor.token()), 403);
        problem(api.post("/users", supervisor.token(), new NewUser("sneaky", "Sneaky", Role.ADMIN, TestServer.PASSWORD)), 403);
        problem(api.post("/users", service.token(), new NewUser("sneaky", "Sneaky", Role.ADMIN, TestServer.PASSWORD)), 403);
        assertThat(api.get("/users?role=ADMIN", server.adminToken()).json().get("items")).hasSize(1);
    }

    @Test
    void aProductOwnerHasNoBookOfMerchants() {
        problem(api.get("/merchants", productOwner.token()), 403);
        problem(api.get("/merchants?assigned=all", productOwner.token()), 403);
        problem(api.get("/merchants/" + merchantOfA, productOwner.token()), 404);
        problem(api.get("/users", productOwner.token()), 403);
    }

    @Test
    void aManagerSeesOnlyTheirOwnMerchants() {
        assertThat(ids(api.get("/merchants", managerA.token()))).containsExactly(merchantOfA);
        assertThat(ids(api.get("/merchants?assigned=me", managerA.token()))).containsExactly(merchantOfA);
        assertThat(ids(api.get("/merchants?q=有限公司", managerA.token()))).containsExactly(merchantOfA);
        assertThat(api.get("/merchants/" + merchantOfA, managerA.token()).status()).isEqualTo(200);
    }

    @Test
    void anotherManagersMerchantIsIndistinguishableFromAnUnknownId() {
        String unknown = "mer_000000000zzzzzzzz";
        ApiClient.Response hidden = api.get("/merchants/" + merchantOfB, managerA.token());
        ApiClient.Response missing = api.get("/merchants/" + unknown, managerA.token());

        JsonNode hiddenBody = problem(hidden, 404);
        JsonNode missingBody = problem(missing, 404);
        assertThat(hiddenBody.toString().replace(merchantOfB, "ID"))
                .isEqualTo(missingBody.toString().replace(unknown, "ID"));
        assertThat(hidden.headers().map().keySet()).isEqualTo(missing.headers().map().keySet());
    }

    @Test
    void aSupervisorAnAdminAndTheFeedSeeEveryMerchant() {
        for (String token : List.of(supervisor.token(), server.adminToken(), service.token())) {
            assertThat(ids(api.get("/merchants?assigned=all", token))).contains(merchantOfA, merchantOfB).hasSize(3);
            assertThat(ids(api.get("/merchants", token))).hasSize(3);
            assertThat(api.get("/merchants/" + merchantOfA, token).status()).isEqualTo(200);
            assertThat(api.get("/merchants/" + merchantOfB, token).status()).isEqualTo(200);
        }
        assertThat(ids(api.get("/merchants?assigned=me", supervisor.token())))
                .as("a supervisor has no book of their own").isEmpty();
    }

    @Test
    void reassigningMovesVisibilityAndBumpsTheVersion() {
        String id = server.merchant("宁波青禾家居有限公司", "青禾旗舰店", Tier.SME, managerA.id()).id();
        JsonNode before = api.get("/merchants/" + id, supervisor.token()).json();
        assertThat(before.get("version").asLong()).isEqualTo(1);

        ApiClient.Response moved = api.put("/merchants/" + id + "/assignee", supervisor.token(), new AssigneeChange(managerB.id()));

        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(moved.json().get("assignedManagerId").asText()).isEqualTo(managerB.id());
        assertThat(moved.json().get("version").asLong()).isEqualTo(2);
        problem(api.get("/merchants/" + id, managerA.token()), 404);
        assertThat(ids(api.get("/merchants", managerA.token()))).doesNotContain(id);
        assertThat(api.get("/merchants/" + id, managerB.token()).json()).isEqualTo(moved.json());
        assertThat(ids(api.get("/merchants", managerB.token()))).contains(id);

        ApiClient.Response again = api.put("/merchants/" + id + "/assignee", server.adminToken(), new AssigneeChange(managerB.id()));
        assertThat(again.json().get("version").asLong()).as("no change, no new version").isEqualTo(2);
        ApiClient.Response back = api.put("/merchants/" + id + "/assignee", server.adminToken(), new AssigneeChange(managerA.id()));
        assertThat(back.json().get("version").asLong()).isEqualTo(3);
        assertThat(api.get("/merchants/" + id, managerA.token()).status()).isEqualTo(200);
    }

    @Test
    void aMerchantCanOnlyBeAssignedToAnExistingManager() {
        String path = "/merchants/" + merchantOfA + "/assignee";
        invalid(api.put(path, supervisor.token(), new AssigneeChange(supervisor.id())), "managerId");
        invalid(api.put(path, supervisor.token(), new AssigneeChange("usr_000000000nobody00")), "managerId");
        invalid(api.put(path, supervisor.token(), Map.of()), "managerId");
        invalid(api.put(path, supervisor.token(), "{\"managerId\":\"\"}"), "managerId");
        problem(api.put("/merchants/mer_000000000zzzzzzzz/assignee", supervisor.token(), new AssigneeChange(managerB.id())), 404);
        assertThat(api.get("/merchants/" + merchantOfA, supervisor.token()).json().get("assignedManagerId").asText())
                .isEqualTo(managerA.id());
    }
}
