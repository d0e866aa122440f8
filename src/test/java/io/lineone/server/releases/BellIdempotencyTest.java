package io.lineone.server.releases;

import static io.lineone.testing.ProblemAssert.invalid;
import static io.lineone.testing.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Bell;
import io.lineone.api.BellSeverity;
import io.lineone.api.IssueCategory;
import io.lineone.api.NewBell;
import io.lineone.api.NewComment;
import io.lineone.api.NewIssue;
import io.lineone.api.NewRelease;
import io.lineone.api.Priority;
import io.lineone.api.Release;
import io.lineone.api.Role;
import io.lineone.testing.ApiClient;
import io.lineone.testing.PostgresExtension;
import io.lineone.testing.SharedPostgres;
import io.lineone.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bell pulled with an {@code Idempotency-Key} is pulled once: a retry answers the first bell, concurrent
 * duplicates make one, and the key with another body is refused — on H2 and on PostgreSQL, whose locks differ.
 */
@ExtendWith(PostgresExtension.class)
class BellIdempotencyTest {

    private static final int CONCURRENT = 8;

    @Test
    void onH2() throws Exception {
        try (TestServer server = TestServer.onH2().start()) {
            retriesAndDuplicatesMakeOneBell(server);
        }
    }

    @Test
    void onPostgres(SharedPostgres postgres) throws Exception {
        try (TestServer server = TestServer.onPostgres(postgres).start()) {
            retriesAndDuplicatesMakeOneBell(server);
        }
    }

    private static void retriesAndDuplicatesMakeOneBell(TestServer server) throws Exception {
        ApiClient api = server.api();
        TestServer.Account owner = server.account(Role.PRODUCT_OWNER);
        TestServer.Account manager = server.account(Role.MANAGER);
        Release release = api.post("/releases", server.adminToken(), new NewRelease("物流", "发货时效预估", "2.4.1",
                owner.id())).as(Release.class);
        String issue = server.issue(server.adminToken(), new NewIssue(server.merchantOf(manager).id(),
                IssueCategory.LOGISTICS, null, Priority.P2, "时效预估错误", null, null, release.id(), null)).id();
        NewBell bell = new NewBell(BellApiTest.REASON, BellSeverity.MAJOR, List.of(issue));

        ApiClient.Response first = BellApiTest.pull(api, manager.token(), release.id(), "retry-1", bell);
        ApiClient.Response retry = BellApiTest.pull(api, manager.token(), release.id(), "retry-1", bell);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.as(Bell.class).id()).isEqualTo(first.as(Bell.class).id());
        problem(BellApiTest.pull(api, manager.token(), release.id(), "retry-1",
                new NewBell(BellApiTest.REASON + "（补充）", BellSeverity.MAJOR, List.of(issue))), 422);
        invalid(BellApiTest.pull(api, manager.token(), release.id(), "a key with spaces", bell), "Idempotency-Key");

        String bellId = first.as(Bell.class).id();
        NewComment comment = new NewComment("已联系商家确认，影响仍在扩大");
        for (int attempt = 0; attempt < 2; attempt++) {
            ApiClient.Response commented = api.send("POST", "/bells/" + bellId + "/comments", manager.token(), comment,
                    Map.of("Idempotency-Key", "comment-1"));
            assertThat(commented.status()).as("%s", commented).isEqualTo(201);
        }
        assertThat(api.get("/bells/" + bellId, manager.token()).as(Bell.class).comments())
                .as("a retried comment is written once").filteredOn(c -> comment.text().equals(c.text())).hasSize(1);
        problem(api.send("POST", "/bells/" + bellId + "/comments", manager.token(), new NewComment("另一条评论的文字"),
                Map.of("Idempotency-Key", "comment-1")), 422);

        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> answers = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return BellApiTest.pull(api, manager.token(), release.id(), "burst-1", bell);
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<ApiClient.Response> answer : answers) {
                ApiClient.Response response = answer.get();
                assertThat(response.status()).as("%s", response).isEqualTo(201);
                ids.add(response.as(Bell.class).id());
            }
            assertThat(ids).as("every duplicate answers the one bell").containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.get("/bells?releaseId=" + release.id(), manager.token()).json().get("items"))
                .as("one bell per key").hasSize(2);
    }
}
