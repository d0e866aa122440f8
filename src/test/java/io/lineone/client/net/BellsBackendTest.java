package io.lineone.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lineone.api.Bell;
import io.lineone.api.BellSeverity;
import io.lineone.api.BellStatus;
import io.lineone.api.EventTypes;
import io.lineone.api.Gate;
import io.lineone.api.Issue;
import io.lineone.api.NewBell;
import io.lineone.api.Release;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.Messages;
import io.lineone.testing.BellsSeed;
import io.lineone.testing.ManagerBooks;
import io.lineone.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's release and bell calls and events against the real backend. */
class BellsBackendTest {

    private static TestServer server;
    private static ManagerBooks books;
    private static BellsSeed seed;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.onH2().systemClock().start();
        books = ManagerBooks.seed(server);
        seed = new BellsSeed(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static BackendClient as(String login) throws BackendException {
        return as(login, Locale.ENGLISH);
    }

    private static BackendClient as(String login, Locale language) throws BackendException {
        BackendClient client = BackendClient.withDefaults(language);
        client.signIn(server.url(), login, TestServer.PASSWORD);
        return client;
    }

    @Test
    void aRetriedPullWithTheSameKeyIsOneBellAndAStrangerStepSaysWhoMayTakeIt() throws Exception {
        Release release = seed.release("搜索排序改版");
        Issue issue = seed.issue(books.liNasMerchants().get(0), release, "搜索结果出现已下架商品", 5_000_00);
        BellsApi liNa = as(ManagerBooks.LI_NA).bells();
        NewBell body = new NewBell("Delisted listings show in search for KA shops", BellSeverity.MAJOR,
                List.of(issue.id()));

        Bell first = liNa.pullBell(release.id(), body, "draft-1");
        Bell again = liNa.pullBell(release.id(), body, "draft-1");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(liNa.bells(null, release.id(), false, null, null).items()).hasSize(1);
        assertThat(liNa.release(release.id()).gate()).isEqualTo(Gate.BLOCKED);
        assertThat(liNa.allReleases()).extracting(Release::id).contains(release.id());

        ErrorMessages errors = new ErrorMessages(Messages.forLocale(Locale.ENGLISH));
        assertThatThrownBy(() -> liNa.stepBell(first.id(), BellAction.ACKNOWLEDGE, null))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(errors.describe(e)).isEqualTo(
                        "Your role may not do this. Only the release's owner, 赵磊, may acknowledge this bell."));
        ErrorMessages chinese = new ErrorMessages(Messages.forLocale(Locale.SIMPLIFIED_CHINESE));
        assertThatThrownBy(() -> as(ManagerBooks.LI_NA, Locale.SIMPLIFIED_CHINESE)
                .bells().stepBell(first.id(), BellAction.ACKNOWLEDGE, null))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(chinese.describe(e)).as("in one language")
                        .isEqualTo("你的角色无权执行此操作。（只有版本负责人赵磊可以确认这个铃。）"));
        assertThatThrownBy(() -> liNa.pullBell(release.id(), new NewBell(body.reason() + "!", BellSeverity.MAJOR,
                body.evidenceIssueIds()), "draft-1"))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.status()).isEqualTo(422));

        BellsApi owner = as(BellsSeed.OWNER).bells();
        assertThat(owner.stepBell(first.id(), BellAction.ACKNOWLEDGE, "looking").status())
                .isEqualTo(BellStatus.ACKNOWLEDGED);
        assertThat(owner.commentOnBell(first.id(), "rolled back to 10 %").comments())
                .extracting(c -> c.text()).contains("looking", "rolled back to 10 %");
    }

    @Test
    void bellAndReleaseEventsArriveAsTheirRecords() throws Exception {
        Release release = seed.release("商品详情页改版");
        Issue issue = seed.issue(books.liNasMerchants().get(1), release, "详情页价格显示错误", 1_000_00);
        BackendClient liNa = as(ManagerBooks.LI_NA);
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        BlockingQueue<EventStream.Opened> opens = new LinkedBlockingQueue<>();
        try (EventStream stream = liNa.subscribe(null, new EventStream.Listener() {
            @Override
            public void onOpen(EventStream.Opened how) {
                opens.add(how);
            }

            @Override
            public void onIssue(long eventId, String type, Issue changed) {
                // Not what this test follows.
            }

            @Override
            public void onBell(long eventId, String type, Bell bell) {
                events.add(type + " " + bell.releaseId() + " " + bell.status());
            }

            @Override
            public void onRelease(long eventId, String type, Release changed) {
                events.add(type + " " + changed.id() + " " + changed.gate());
            }

            @Override
            public void onDown(boolean offline, Exception cause) {
            }

            @Override
            public void onStopped(BackendException reason) {
            }
        })) {
            assertThat(opens.poll(20, TimeUnit.SECONDS)).isEqualTo(EventStream.Opened.FIRST);
            seed.pull(ManagerBooks.LI_NA, release, List.of(issue.id()));

            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            List<Object> seen = new ArrayList<>();
            while (seen.size() < 2 && System.nanoTime() < until) {
                Object next = events.poll(1, TimeUnit.SECONDS);
                if (next != null) {
                    seen.add(next);
                }
            }
            assertThat(seen).contains(EventTypes.BELL_PULLED + " " + release.id() + " OPEN",
                    EventTypes.RELEASE_UPDATED + " " + release.id() + " BLOCKED");
        }
    }
}
