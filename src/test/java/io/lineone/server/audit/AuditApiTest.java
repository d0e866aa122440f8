package io.lineone.server.audit;

import static io.lineone.testing.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.AssigneeChange;
import io.lineone.api.NewUser;
import io.lineone.api.Role;
import io.lineone.api.SessionRequest;
import io.lineone.api.Tier;
import io.lineone.testing.ApiClient;
import io.lineone.testing.MutableClock;
import io.lineone.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every state change leaves an audit event, read back from the server's own database. */
class AuditApiTest {

    @RegisterExtension
    final TestServer server = TestServer.onH2().build();

    private final ApiClient api = server.api();
    private String admin;
    private String adminId;

    @BeforeEach
    void start() {
        admin = server.adminToken();
        adminId = api.get("/me", admin).json().get("id").asText();
    }

    private static Map<String, String> requestId(String id) {
        return Map.of("X-Request-Id", id);
    }

    @Test
    void creatingAUserIsAudited() {
        ApiClient.Response created = api.send("POST", "/users", admin,
                new NewUser("li.na", "李娜", Role.MANAGER, TestServer.PASSWORD), requestId("req-user-1"));
        String id = created.json().get("id").asText();

        List<AuditLog.Entry> trail = server.audit("user", id);
        assertThat(trail).hasSize(1);
        AuditLog.Entry entry = trail.get(0);
        assertThat(entry.action()).isEqualTo("user.create");
        assertThat(entry.actorId()).isEqualTo(adminId);
        assertThat(entry.requestId()).isEqualTo("req-user-1");
        assertThat(entry.at()).isEqualTo(MutableClock.START);
        assertThat(entry.beforeJson()).isNull();
        assertThat(entry.afterJson()).contains("\"login\":\"li.na\"", "李娜").doesNotContain(TestServer.PASSWORD, "password");
    }

    @Test
    void signingInAndOutIsAuditedAndAFailedSignInIsNot() {
        TestServer.Account manager = server.account(Role.MANAGER, "li.na");
        server.clock().advance(Duration.ofMinutes(3));
        problem(api.post("/session", null, new SessionRequest("li.na", "wrong password")), 401);
        assertThat(api.send("DELETE", "/session", manager.token(), null, requestId("req-out")).status()).isEqualTo(204);

        List<AuditLog.Entry> trail = server.audit("user", manager.id());
        assertThat(trail).extracting(AuditLog.Entry::action).containsExactly("user.create", "session.create", "session.revoke");
        AuditLog.Entry revoke = trail.get(2);
        assertThat(revoke.actorId()).isEqualTo(manager.id());
        assertThat(revoke.requestId()).isEqualTo("req-out");
        assertThat(revoke.at()).isEqualTo(MutableClock.START.plus(Duration.ofMinutes(3)));
        assertThat(server.audit("user", adminId)).extracting(AuditLog.Entry::action)
                .as("the admin signed in once, in start()").containsExactly("user.create", "session.create");
    }

    @Test
    void creatingAndReassigningAMerchantIsAudited() {
        TestServer.Account a = server.account(Role.MANAGER, "manager.a");
        TestServer.Account b = server.account(Role.MANAGER, "manager.b");
        String id = server.merchant("杭州悦享食品有限公司", "悦享旗舰店", Tier.KA, a.id()).id();
        server.clock().advance(Duration.ofHours(1));
        assertThat(api.send("PUT", "/merchants/" + id + "/assignee", admin, new AssigneeChange(b.id()),
                requestId("req-move")).status()).isEqualTo(200);

        List<AuditLog.Entry> trail = server.audit("merchant", id);
        assertThat(trail).extracting(AuditLog.Entry::action).containsExactly("merchant.create", "merchant.reassign");
        assertThat(trail.get(0).afterJson()).contains("杭州悦享食品有限公司", a.id());
        AuditLog.Entry move = trail.get(1);
        assertThat(move.actorId()).isEqualTo(adminId);
        assertThat(move.requestId()).isEqualTo("req-move");
        assertThat(move.beforeJson()).contains("\"assignedManagerId\":\"" + a.id() + "\"", "\"version\":1");
        assertThat(move.afterJson()).contains("\"assignedManagerId\":\"" + b.id() + "\"", "\"version\":2");
        assertThat(move.at()).isEqualTo(MutableClock.START.plus(Duration.ofHours(1)));
    }

    @Test
    void refusedChangesLeaveNoTrace() {
        TestServer.Account manager = server.account(Role.MANAGER, "li.na");
        String id = server.merchant("杭州悦享食品有限公司", "悦享旗舰店", Tier.KA, manager.id()).id();

        problem(api.put("/merchants/" + id + "/assignee", manager.token(), new AssigneeChange(manager.id())), 403);
        problem(api.put("/merchants/" + id + "/assignee", admin, new AssigneeChange(adminId)), 400);
        assertThat(api.put("/merchants/" + id + "/assignee", admin, new AssigneeChange(manager.id())).status())
                .as("assigning to the same manager changes nothing").isEqualTo(200);
        ApiClient.Response taken = api.post("/users", admin, new NewUser("li.na", "again", Role.MANAGER, TestServer.PASSWORD));
        problem(taken, 409);

        assertThat(server.audit("merchant", id)).extracting(AuditLog.Entry::action).containsExactly("merchant.create");
        assertThat(server.audit("user", manager.id())).extracting(AuditLog.Entry::action)
                .containsExactly("user.create", "session.create");
    }
}
