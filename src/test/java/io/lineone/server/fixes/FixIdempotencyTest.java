package io.lineone.server.fixes;

import static io.lineone.testing.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Fix;
import io.lineone.api.FixKind;
import io.lineone.api.FixPreview;
import io.lineone.api.IssueSource;
import io.lineone.api.Listing;
import io.lineone.api.ListingPatch;
import io.lineone.api.Merchant;
import io.lineone.api.NewFix;
import io.lineone.api.Role;
import io.lineone.testing.ApiClient;
import io.lineone.testing.Feed;
import io.lineone.testing.PostgresExtension;
import io.lineone.testing.SharedPostgres;
import io.lineone.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fix is applied once however it is retried — a replay, concurrent duplicates of one key, or two keys racing for
 * one version — and concurrent feed changes open one detector issue; on H2 and on PostgreSQL, whose locks differ.
 */
@ExtendWith(PostgresExtension.class)
class FixIdempotencyTest {

    private static final int CONCURRENT = 8;

    @Test
    void onH2() throws Exception {
        try (TestServer server = TestServer.onH2().start()) {
            appliedOnceAndDetectedOnce(server);
        }
    }

    @Test
    void onPostgres(SharedPostgres postgres) throws Exception {
        try (TestServer server = TestServer.onPostgres(postgres).start()) {
            appliedOnceAndDetectedOnce(server);
        }
    }

    private static void appliedOnceAndDetectedOnce(TestServer server) throws Exception {
        ApiClient api = server.api();
        Feed feed = new Feed(server);
        TestServer.Account manager = server.account(Role.MANAGER);
        Merchant merchant = server.merchantOf(manager);
        Listing listing = feed.listing(merchant.id(), Feed.rice("东北大米"));

        List<ApiClient.Response> slips = concurrently(i -> () -> api.send("PATCH", "/listings/" + listing.id(),
                server.adminToken(), new ListingPatch(880L + i, null, null, null, null, null, null, null)));
        assertThat(slips).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(200));
        assertThat(server.openIssuesOf(manager.login())).as("one detector issue for one listing and reason")
                .filteredOn(i -> i.source() == IssueSource.DETECTOR).hasSize(1);

        Listing slipped = feed.get(listing.id());
        String issueId = slipped.openIssueIds().get(0);
        FixPreview preview = feed.previewOk(manager.token(), FixKind.DELIST_LISTING, listing.id(), issueId);
        NewFix delist = new NewFix(FixKind.DELIST_LISTING, listing.id(), issueId, preview.targetVersion());

        List<ApiClient.Response> duplicates = concurrently(i -> () -> feed.apply(manager.token(), "burst-1", delist));
        assertThat(duplicates).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(201));
        assertThat(duplicates.stream().map(r -> r.as(Fix.class).id()).distinct()).as("every duplicate answers one fix")
                .hasSize(1);
        assertThat(Feed.ids(api.get("/fixes?merchantId=" + merchant.id(), manager.token()))).hasSize(1);
        assertThat(server.audit("listing", listing.id())).filteredOn(e -> e.action().equals("listing.fix")).hasSize(1);
        problem(feed.apply(manager.token(), "burst-1", new NewFix(FixKind.DELIST_LISTING, listing.id(), null,
                preview.targetVersion())), 422);

        Listing second = feed.price(feed.listing(merchant.id(), Feed.rice("五常大米")).id(), 890);
        FixPreview racePreview = feed.previewOk(manager.token(), FixKind.DELIST_LISTING, second.id(), null);
        List<ApiClient.Response> race = concurrently(i -> () -> feed.apply(manager.token(), "race-" + i,
                new NewFix(FixKind.DELIST_LISTING, second.id(), null, racePreview.targetVersion())));
        assertThat(race).filteredOn(r -> r.status() == 201).as("one of the racing keys wins").hasSize(1);
        assertThat(race).filteredOn(r -> r.status() != 201).allSatisfy(r -> assertThat(r.status()).isIn(409, 412));
    }

    private interface Task {
        Callable<ApiClient.Response> make(int index);
    }

    private static List<ApiClient.Response> concurrently(Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> answers = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                Callable<ApiClient.Response> call = task.make(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
