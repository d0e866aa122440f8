package io.lineone.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.EventTypes;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.Priority;
import io.lineone.client.net.EventStream.Opened;
import io.lineone.testing.Await;
import io.lineone.testing.ManagerBooks;
import io.lineone.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console's event stream against the real backend: live events, resume by id, and a server restart. */
class SseEventStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Records what the stream says, as the view model would receive it. */
    static class Recorder implements EventStream.Listener {
        final BlockingQueue<Opened> opens = new LinkedBlockingQueue<>();
        final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
        final List<Long> ids = new CopyOnWriteArrayList<>();
        final AtomicInteger downs = new AtomicInteger();
        final AtomicInteger offline = new AtomicInteger();
        final BlockingQueue<BackendException> stopped = new LinkedBlockingQueue<>();

        record Received(long id, String type, Issue issue) {
        }

        @Override
        public void onOpen(Opened how) {
            opens.add(how);
        }

        @Override
        public void onIssue(long eventId, String type, Issue issue) {
            ids.add(eventId);
            events.add(new Received(eventId, type, issue));
        }

        @Override
        public void onDown(boolean isOffline, Exception cause) {
            downs.incrementAndGet();
            if (isOffline) {
                offline.incrementAndGet();
            }
        }

        @Override
        public void onStopped(BackendException reason) {
            stopped.add(reason);
        }

        Received next() throws InterruptedException {
            Received received = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(received).as("an event within " + WAIT).isNotNull();
            return received;
        }

        Opened open() throws InterruptedException {
            Opened open = opens.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(open).as("the stream opened within " + WAIT).isNotNull();
            return open;
        }
    }

    private final List<AutoCloseable> closing = new ArrayList<>();
    private TestServer server;
    private ManagerBooks books;

    @AfterEach
    void close() throws Exception {
        // Last opened, first closed: streams before their server.
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private static Backoff quick() {
        return new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), () -> 0.5);
    }

    /** Starts the test's server (on the real clock) with li.na's and wang.wei's books; it is closed after the test. */
    private void startSeeded(TestServer.Builder how) {
        server = how.systemClock().start();
        closing.add(server);
        books = ManagerBooks.seed(server);
    }

    private BackendClient signedIn() throws BackendException {
        BackendClient client = BackendClient.withDefaults();
        client.signIn(server.url(), ManagerBooks.LI_NA, TestServer.PASSWORD);
        return client;
    }

    @Test
    void issueEventsArriveLiveAsTheIssueAfterTheChange() throws Exception {
        startSeeded(TestServer.onH2());
        BackendClient client = signedIn();
        Recorder recorder = new Recorder();
        closing.add(client.subscribe(null, quick(), recorder));
        assertThat(recorder.open()).as("first connection").isEqualTo(Opened.FIRST);
        // The server registers the subscriber before answering: whatever is committed after onOpen arrives.

        Issue posted = server.issue(books.liNasMerchants().get(0), Priority.P1, IssueCategory.PRICING_ERROR,
                "Price ¥9.9 for a ¥999 tea set", 120_000_00);
        Recorder.Received created = recorder.next();
        assertThat(created.type()).isEqualTo(EventTypes.ISSUE_CREATED);
        assertThat(created.issue().id()).isEqualTo(posted.id());
        assertThat(created.issue().moneyAtRiskCents()).isEqualTo(120_000_00);

        client.issues().claimIssue(posted.id(), posted.version());
        Recorder.Received claimed = recorder.next();
        assertThat(claimed.type()).isEqualTo(EventTypes.ISSUE_UPDATED);
        assertThat(claimed.issue().assigneeName()).isEqualTo("李娜");
        assertThat(claimed.id()).isGreaterThan(created.id());

        // Another manager's merchants stay out of li.na's stream.
        server.issue(books.wangWeisMerchants().get(0), Priority.P1, IssueCategory.OTHER, "not hers", 0);
        Issue mine = server.issue(books.liNasMerchants().get(1), Priority.P3, IssueCategory.OTHER, "hers", 0);
        assertThat(recorder.next().issue().id()).isEqualTo(mine.id());
    }

    @Test
    void messagesAndNotesArriveTypedAndTheClientTalksToTheMerchant() throws Exception {
        startSeeded(TestServer.onH2());
        BackendClient client = signedIn();
        BlockingQueue<Object> heard = new LinkedBlockingQueue<>();
        Recorder recorder = new Recorder() {
            @Override
            public void onMessage(long eventId, io.lineone.api.IssueMessage message) {
                heard.add(message);
            }

            @Override
            public void onNote(long eventId, io.lineone.api.IssueNote note) {
                heard.add(note);
            }
        };
        closing.add(client.subscribe(null, quick(), recorder));
        recorder.open();
        Issue issue = server.issue(books.liNasMerchants().get(0), Priority.P2, IssueCategory.PRICING_ERROR,
                "Price ¥9.9 for a ¥999 tea set", 0);
        assertThat(recorder.next().type()).isEqualTo(EventTypes.ISSUE_CREATED);

        io.lineone.api.IssueMessage sent = client.conversation().sendMessage(issue.id(), "您好，已下架，请核对价格。", "tpl_pricing_zh", "reply-1");
        assertThat(heard.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(sent);
        assertThat(recorder.next().issue().status()).as("the first reply acknowledged it")
                .isEqualTo(io.lineone.api.IssueStatus.ACKNOWLEDGED);
        io.lineone.api.IssueNote note = client.conversation().addNote(issue.id(), "内部：上周也错过一次", "note-1");
        assertThat(heard.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(note);
        assertThat(recorder.events).as("no message reached onIssue as an issue").isEmpty();

        assertThat(client.conversation().allMessages(issue.id())).containsExactly(sent);
        assertThat(client.conversation().allNotes(issue.id())).containsExactly(note);
        assertThat(client.conversation().replyTemplates(IssueCategory.PRICING_ERROR)).extracting(t -> t.id())
                .contains("tpl_pricing_zh", "tpl_pricing_en", "tpl_received_zh").doesNotContain("tpl_coupon_zh");
    }

    @Test
    void aStreamResumesAfterTheLastEventIdWithNothingTwice() throws Exception {
        startSeeded(TestServer.onH2());
        BackendClient client = signedIn();
        Recorder first = new Recorder();
        EventStream stream = client.subscribe(null, quick(), first);
        first.open();
        Issue a = server.issue(books.liNasMerchants().get(0), Priority.P2, IssueCategory.INVENTORY, "a", 0);
        assertThat(first.next().issue().id()).isEqualTo(a.id());
        long last = stream.lastEventId();
        stream.close();

        Issue b = server.issue(books.liNasMerchants().get(0), Priority.P2, IssueCategory.INVENTORY, "b", 0);
        Issue c = server.issue(books.liNasMerchants().get(1), Priority.P2, IssueCategory.INVENTORY, "c", 0);

        Recorder resumed = new Recorder();
        closing.add(client.subscribe(last, quick(), resumed));
        resumed.open();
        assertThat(resumed.next().issue().id()).as("missed while away, replayed first").isEqualTo(b.id());
        assertThat(resumed.next().issue().id()).isEqualTo(c.id());
        Issue d = server.issue(books.liNasMerchants().get(0), Priority.P2, IssueCategory.INVENTORY, "d", 0);
        assertThat(resumed.next().issue().id()).isEqualTo(d.id());
        assertThat(resumed.ids).doesNotHaveDuplicates().isSorted().allSatisfy(id -> assertThat(id).isGreaterThan(last));
    }

    @Test
    void afterTheServerRestartsTheStreamReconnectsAndResumesWithoutGapOrDuplicate() throws Exception {
        startSeeded(TestServer.onH2File());
        BackendClient client = signedIn();
        Recorder recorder = new Recorder();
        EventStream stream = client.subscribe(null, quick(), recorder);
        closing.add(stream);
        recorder.open();
        Issue before = server.issue(books.liNasMerchants().get(0), Priority.P1, IssueCategory.PRICING_ERROR, "before", 1);
        assertThat(recorder.next().issue().id()).isEqualTo(before.id());

        server.stop();
        Await.until(WAIT, () -> recorder.offline.get() > 0, "the stream to report the server offline");
        server.start();
        // Posted at once: the stream is still waiting out its backoff, or has just come back; either way
        // these arrive exactly once, by replay from the last id or live.
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posted.add(server.issue(books.liNasMerchants().get(i), Priority.P2, IssueCategory.LOGISTICS, "after " + i, 0)
                    .id());
        }

        assertThat(recorder.open()).as("a reconnection that resumes: nothing to read again").isEqualTo(Opened.RESUMED);
        List<String> received = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            received.add(recorder.next().issue().id());
        }
        assertThat(received).containsExactlyElementsOf(posted);
        assertThat(recorder.ids).doesNotHaveDuplicates().isSorted();
        assertThat(recorder.downs.get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void reconnectNowSkipsTheRestOfTheBackoff() throws Exception {
        startSeeded(TestServer.onH2File());
        BackendClient client = signedIn();
        Recorder recorder = new Recorder();
        // A wait far longer than the test waits: only "now" can bring the stream back in time.
        EventStream stream = client.subscribe(null,
                new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(2), () -> 0.5), recorder);
        closing.add(stream);
        recorder.open();
        Issue before = server.issue(books.liNasMerchants().get(0), Priority.P2, IssueCategory.LOGISTICS, "before", 0);
        assertThat(recorder.next().issue().id()).isEqualTo(before.id());

        server.stop();
        Await.until(WAIT, () -> recorder.downs.get() > 0, "the stream to notice the server is gone");
        server.start();
        stream.reconnectNow();

        assertThat(recorder.open()).isEqualTo(Opened.RESUMED);
        stream.reconnectNow();
        Issue after = server.issue(books.liNasMerchants().get(0), Priority.P2, IssueCategory.LOGISTICS, "after", 0);
        assertThat(recorder.next().issue().id()).as("a live stream is left alone").isEqualTo(after.id());
        assertThat(recorder.opens).as("no second connection").isEmpty();
    }

    @Test
    void aSessionTheServerRefusesStopsTheStreamForGood() throws Exception {
        startSeeded(TestServer.onH2());
        BackendClient client = signedIn();
        client.signOut();
        Recorder recorder = new Recorder();
        closing.add(client.subscribe(null, quick(), recorder));
        BackendException reason = recorder.stopped.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(reason).isNotNull();
        assertThat(reason.status()).isEqualTo(401);
        assertThat(recorder.opens).isEmpty();
    }
}
