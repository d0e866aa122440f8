package io.lineone.client.queue;

import static io.lineone.client.queue.QueueFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.EventTypes;
import io.lineone.api.Issue;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.client.common.ScreenState;
import io.lineone.client.net.EventStream.Opened;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Issues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The queue screen as a whole: the live rows through filters and order, the selection, the banner. */
class IssueQueueViewModelTest {

    private final QueueFixture session = new QueueFixture();

    @Test
    void aThousandEventsInOneFrameAreOneListChangeAndTheNewestVersionWins() throws InterruptedException {
        session.serverHas(Issues.issue("kept").priority(Priority.P2).build()).signIn();
        IssueQueueViewModel queue = session.queue();
        session.select("kept");
        IssueRow selected = queue.selectedProperty().get();
        List<Integer> changes = new ArrayList<>();
        session.issues.rows().addListener((ListChangeListener<IssueRow>) change -> changes.add(1));
        List<Integer> visibleChanges = new ArrayList<>();
        queue.visibleRows().addListener((ListChangeListener<IssueRow>) change -> visibleChanges.add(1));

        // 499 new issues in two versions each plus two versions of the selected one: 1,000 events, shuffled,
        // from another thread as the stream delivers them.
        List<Issue> events = new ArrayList<>();
        for (int i = 0; i < 499; i++) {
            Issue v1 = Issues.issue("burst-" + i).priority(Priority.values()[i % 4]).build();
            events.add(v1);
            events.add(Issues.with(v1).status(IssueStatus.ACKNOWLEDGED).version(2).build());
        }
        Issue kept = session.backend.issues.get("kept");
        events.add(Issues.with(kept).version(3).title("newest").build());
        events.add(Issues.with(kept).version(2).title("older").build());
        Collections.shuffle(events, new Random(7));
        CountDownLatch sent = new CountDownLatch(1);
        Thread stream = new Thread(() -> {
            for (Issue issue : events) {
                session.event(issue.version() == 1 ? EventTypes.ISSUE_CREATED : EventTypes.ISSUE_UPDATED, issue);
            }
            sent.countDown();
        });
        stream.start();
        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(changes).as("nothing reaches the list between frames").isEmpty();

        session.ui.frame();

        assertThat(changes).as("one change for the whole burst").hasSize(1);
        assertThat(visibleChanges).hasSize(1);
        assertThat(session.issues.rows()).hasSize(500);
        assertThat(session.issues.rows()).allSatisfy(row -> assertThat(row.version()).isGreaterThanOrEqualTo(2));
        assertThat(session.row("burst-3").issue().status()).isEqualTo(IssueStatus.ACKNOWLEDGED);
        assertThat(session.row("kept").issue().title()).isEqualTo("newest");
        assertThat(queue.selectedProperty().get()).as("the selected row is the same object").isSameAs(selected);
        assertThat(queue.selectedIssueProperty().get().title()).isEqualTo("newest");

        session.ui.frame();
        assertThat(changes).as("an empty frame changes nothing").hasSize(1);
    }

    @Test
    void removalsUpdatesAndAdditionsInOneFrameKeepTheViewsConsistent() {
        session.serverHas(Issues.issue("a").priority(Priority.P1).build(), Issues.issue("b").priority(Priority.P2).build(),
                Issues.issue("c").priority(Priority.P3).build()).signIn();
        Issue b = session.backend.issues.get("b");
        Issue a = session.backend.issues.get("a");

        session.event(EventTypes.ISSUE_UPDATED,
                Issues.with(b).status(IssueStatus.RESOLVED).rootCause("x").version(2).build());
        session.event(EventTypes.ISSUE_UPDATED, Issues.with(a).priority(Priority.P4).version(2).build());
        session.event(EventTypes.ISSUE_CREATED, Issues.issue("d").priority(Priority.P1).build());
        session.ui.frame();

        assertThat(session.shownIds()).containsExactly("d", "c", "a");
        // A late, older version of the resolved issue does not bring it back.
        session.event(EventTypes.ISSUE_UPDATED, Issues.with(b).status(IssueStatus.ACKNOWLEDGED).version(1).build());
        session.ui.frame();
        assertThat(session.shownIds()).containsExactly("d", "c", "a");
    }

    @Test
    void whileTheFeedIsDownTheBannerSaysSinceWhenAndTheLastQueueStaysVisible() {
        session.serverHas(Issues.issue("i-1").build(), Issues.issue("i-2").build()).signIn();
        IssueQueueViewModel queue = session.queue();
        assertThat(queue.linkTextProperty().get()).isEmpty();

        session.clock.set(T0.plusSeconds(3723));
        session.backend.streamListener.onDown(false, new IOException("closed"));
        assertThat(queue.linkTextProperty().get()).startsWith("Reconnecting…");
        session.backend.streamListener.onDown(true, new IOException("refused"));
        assertThat(queue.linkTextProperty().get()).isEqualTo("Offline. The queue shows what was known as of 07:02:03;"
                + " actions are disabled until the connection is back.");
        assertThat(queue.visibleRows()).as("the last queue stays visible").hasSize(2);

        session.opened(Opened.RESUMED);
        assertThat(queue.linkTextProperty().get()).isEmpty();
    }

    @Test
    void aFailedFirstReadSaysWhyAndRetryReadsAgain() {
        session.issues.start();
        session.backend.failNext(FakeBackend.unreachable());
        session.opened(Opened.FIRST);
        IssueQueueViewModel queue = session.queue();
        assertThat(queue.stateProperty().get()).isEqualTo(ScreenState.ERROR);
        assertThat(queue.errorProperty().get()).startsWith("Cannot reach the server");

        session.serverHas(Issues.issue("i-1").build());
        queue.retry();
        assertThat(queue.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(queue.errorProperty().get()).isEmpty();
    }
}
