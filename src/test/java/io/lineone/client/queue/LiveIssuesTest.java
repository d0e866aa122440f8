package io.lineone.client.queue;

import static io.lineone.client.queue.QueueFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.EventTypes;
import io.lineone.api.Issue;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.DeferredTaskExecutor;
import io.lineone.client.common.ScreenState;
import io.lineone.client.net.EventStream.Opened;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Issues;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LiveIssuesTest {

    private final QueueFixture session = new QueueFixture();

    @Test
    void signingInReadsTheQueueOnceAndOnlyAfterTheStreamIsOpen() {
        session.serverHas(Issues.issue("i-1").build());

        session.issues.start();
        assertThat(session.backend.subscribedFrom).as("the stream starts from now on").isNull();
        assertThat(session.backend.loads).as("nothing read before the stream is open").isZero();
        assertThat(session.issues.stateProperty().get()).isEqualTo(ScreenState.LOADING);

        session.opened(Opened.FIRST);
        assertThat(session.backend.loads).as("one read at sign-in").isEqualTo(1);
        assertThat(session.issues.rows()).extracting(IssueRow::id).containsExactly("i-1");
        assertThat(session.issues.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(session.connection.streamProperty().get()).isEqualTo(ConnectionStatus.State.LIVE);

        session.queue();
        assertThat(session.backend.loads).as("opening the queue screen reads nothing more").isEqualTo(1);
    }

    @Test
    void aReconnectionThatResumesReadsNothingOneThatCannotReadsAgain() {
        session.serverHas(Issues.issue("i-1").build(), Issues.issue("i-2").priority(Priority.P1).build()).signIn();
        Issue i2 = session.backend.issues.get("i-2");

        session.backend.streamListener.onDown(false, new IOException("closed"));
        assertThat(session.connection.streamProperty().get()).isEqualTo(ConnectionStatus.State.RECONNECTING);
        session.opened(Opened.RESUMED);
        // Resolved meanwhile; the server replays what was missed, and the replay alone brings the queue up to date.
        Issue resolved = Issues.with(i2).status(IssueStatus.RESOLVED).version(2).build();
        session.serverHas(resolved);
        session.event(EventTypes.ISSUE_UPDATED, resolved);
        session.ui.frame();
        assertThat(session.backend.loads).as("a resumed stream is not followed by a read").isEqualTo(1);
        assertThat(session.issues.rows()).extracting(IssueRow::id).containsExactly("i-1");
        assertThat(session.connection.streamProperty().get()).isEqualTo(ConnectionStatus.State.LIVE);

        // Meanwhile on the server, unseen: a new issue. A stream that cannot resume may have missed it.
        session.serverHas(Issues.issue("i-3").build());
        session.backend.streamListener.onDown(true, new IOException("refused"));
        session.opened(Opened.RESTARTED);
        assertThat(session.backend.loads).as("a stream that started afresh is followed by a read").isEqualTo(2);
        assertThat(session.issues.rows()).extracting(IssueRow::id).containsExactlyInAnyOrder("i-1", "i-3");
    }

    @Test
    void aStreamThatCannotConnectStillLetsTheQueueBeReadAndItsFirstOpenReadsAgain() {
        session.serverHas(Issues.issue("i-1").build());
        session.issues.start();

        session.backend.streamListener.onDown(false, new IOException("refused"));
        assertThat(session.backend.loads).as("the list is shown without waiting for the stream").isEqualTo(1);
        session.backend.streamListener.onDown(true, new IOException("refused"));
        assertThat(session.backend.loads).isEqualTo(1);

        session.opened(Opened.FIRST);
        assertThat(session.backend.loads).as("events before the first open are not replayed").isEqualTo(2);
    }

    @Test
    void offlineTheIssuesStayAsOfTheMomentTheyWereLastCurrent() {
        session.serverHas(Issues.issue("i-1").build()).signIn();
        assertThat(session.issues.asOfProperty().get()).isNull();

        session.clock.set(T0.plusSeconds(3723));
        session.backend.streamListener.onDown(false, new IOException("closed"));
        session.clock.advance(Duration.ofSeconds(5));
        session.backend.streamListener.onDown(true, new IOException("refused"));

        assertThat(session.issues.asOfProperty().get()).as("since the first drop").isEqualTo(T0.plusSeconds(3723));
        assertThat(session.connection.state()).isEqualTo(ConnectionStatus.State.OFFLINE);
        assertThat(session.issues.rows()).as("the last rows stay").hasSize(1);

        session.backend.streamListener.onStopped(null);
        assertThat(session.connection.streamProperty().get()).isEqualTo(ConnectionStatus.State.STOPPED);
        assertThat(session.issues.asOfProperty().get()).isEqualTo(T0.plusSeconds(3723));
        session.opened(Opened.RESUMED);
        assertThat(session.issues.asOfProperty().get()).isNull();
    }

    @Test
    void theBreachCountFollowsTheClockAndTheEvents() {
        // P1: first response due 60 s after creation.
        session.serverHas(Issues.issue("p1").priority(Priority.P1).due(T0.plusSeconds(60), T0.plus(Duration.ofHours(4)))
                        .build(),
                Issues.issue("waiting").status(IssueStatus.WAITING_MERCHANT)
                        .due(T0.plusSeconds(60), T0.plus(Duration.ofHours(3))).build()).signIn();
        assertThat(session.ui.repeatingCount()).as("one shared clock for every countdown").isEqualTo(1);

        Sla fresh = session.row("p1").sla(session.issues.nowProperty().get());
        assertThat(fresh.kind()).isEqualTo(Sla.Kind.OK);

        session.clock.advance(Duration.ofSeconds(46));
        session.ui.tick();
        Sla amber = session.row("p1").sla(session.issues.nowProperty().get());
        assertThat(amber.kind()).as("14 s of 60 left is under a quarter").isEqualTo(Sla.Kind.WARNING);
        assertThat(amber.remaining()).isEqualTo(Duration.ofSeconds(14));
        assertThat(session.issues.openBreachesProperty().get()).isZero();

        session.clock.set(T0.plusSeconds(60 + 133));
        session.ui.tick();
        Sla red = session.row("p1").sla(session.issues.nowProperty().get());
        assertThat(red.kind()).isEqualTo(Sla.Kind.BREACHED);
        assertThat(red.remaining()).isEqualTo(Duration.ofSeconds(-133));
        assertThat(session.issues.openBreachesProperty().get()).isEqualTo(1);

        // Between ticks the count follows the events alone: a breached arrival counts, a resolution uncounts.
        session.event(EventTypes.ISSUE_CREATED, Issues.issue("late").priority(Priority.P1)
                .due(T0.plusSeconds(30), T0.plus(Duration.ofHours(4))).build());
        session.ui.frame();
        assertThat(session.issues.openBreachesProperty().get()).isEqualTo(2);
        session.event(EventTypes.ISSUE_UPDATED, Issues.with(session.backend.issues.get("p1")).status(IssueStatus.RESOLVED)
                .rootCause("价格录入错误").version(2).build());
        session.ui.frame();
        assertThat(session.issues.openBreachesProperty().get()).isEqualTo(1);
        session.ui.tick();
        assertThat(session.issues.openBreachesProperty().get()).as("the tick's full count agrees").isEqualTo(1);

        // A reading of the list counts too: the server resolved p1, and never had the late one.
        session.serverHas(Issues.with(session.backend.issues.get("p1")).status(IssueStatus.RESOLVED).version(2).build());
        session.issues.load();
        assertThat(session.issues.openBreachesProperty().get()).isZero();

        // Waiting on the merchant: the resolution clock stands still at what the server last said.
        Sla paused = session.row("waiting").sla(session.issues.nowProperty().get());
        session.clock.advance(Duration.ofHours(1));
        session.ui.tick();
        assertThat(paused.kind()).isEqualTo(Sla.Kind.PAUSED);
        assertThat(session.row("waiting").sla(session.issues.nowProperty().get()).remaining())
                .isEqualTo(paused.remaining());
    }

    @Test
    void aNewP1RaisesTheAlarmAndIsHighlightedForAFewSeconds() {
        session.signIn();
        session.event(EventTypes.ISSUE_CREATED, Issues.issue("fire").priority(Priority.P1).money(200_000_00).build());
        session.event(EventTypes.ISSUE_CREATED, Issues.issue("calm").priority(Priority.P3).build());
        session.ui.frame();

        assertThat(session.alerts).extracting(Issue::id).containsExactly("fire");
        assertThat(session.row("fire").isFresh()).isTrue();
        assertThat(session.row("calm").isFresh()).isFalse();

        session.clock.advance(LiveIssues.HIGHLIGHT);
        session.ui.tick();
        assertThat(session.row("fire").isFresh()).isFalse();

        // A P1 merely updated, or loaded with the list, is not news.
        session.event(EventTypes.ISSUE_UPDATED, Issues.with(session.row("fire").issue()).version(2).build());
        session.ui.frame();
        session.serverHas(Issues.issue("listed").priority(Priority.P1).build());
        session.issues.load();
        assertThat(session.alerts).hasSize(1);
    }

    @Test
    void aReadDoesNotUndoAnEventThatArrivedWhileItWasUnderway() {
        DeferredTaskExecutor deferred = new DeferredTaskExecutor();
        QueueFixture slow = new QueueFixture(Locale.ENGLISH, deferred).serverHas(Issues.issue("i-1").build()).signIn();
        deferred.runAll();
        Issue v1 = slow.backend.issues.get("i-1");

        slow.issues.load();
        slow.event(EventTypes.ISSUE_UPDATED, Issues.with(v1).status(IssueStatus.ACKNOWLEDGED).version(2).build());
        slow.ui.frame();
        deferred.runAll();

        assertThat(slow.row("i-1").version()).isEqualTo(2);
        assertThat(slow.row("i-1").issue().status()).isEqualTo(IssueStatus.ACKNOWLEDGED);
    }

    @Test
    void aLateOlderVersionDoesNotBringBackAnIssueThatLeftTheQueue() {
        session.serverHas(Issues.issue("b").build()).signIn();
        Issue b = session.backend.issues.get("b");

        session.event(EventTypes.ISSUE_UPDATED,
                Issues.with(b).status(IssueStatus.RESOLVED).rootCause("x").version(2).build());
        session.ui.frame();
        assertThat(session.issues.rows()).isEmpty();
        assertThat(session.issues.stateProperty().get()).isEqualTo(ScreenState.EMPTY);

        session.event(EventTypes.ISSUE_UPDATED, Issues.with(b).status(IssueStatus.ACKNOWLEDGED).version(1).build());
        session.ui.frame();
        session.issues.put(Issues.with(b).status(IssueStatus.ACKNOWLEDGED).version(2).build());
        assertThat(session.issues.rows()).as("neither an event nor an answer older than the resolution").isEmpty();
    }

    @Test
    void closingStopsTheStreamAndTheClock() {
        session.signIn();
        session.issues.close();
        assertThat(session.backend.streamClosed).isTrue();
        assertThat(session.ui.repeatingCount()).isZero();

        session.event(EventTypes.ISSUE_CREATED, Issues.issue("after").build());
        session.ui.frame();
        assertThat(session.issues.rows()).isEmpty();
    }

    @Test
    void anIssueHandedOverIntoMyQueueIsToldOnceAndAnIssueCreatedForMeIsNot() {
        String me = FakeBackend.USER.id();
        session.issues.keepQueueOf(me);
        session.serverHas(Issues.issue("mine").manager(me).build()).signIn();

        session.event(EventTypes.ISSUE_UPDATED, Issues.issue("from-wang").manager(me).assignee(me, "李娜")
                .status(IssueStatus.ACKNOWLEDGED).version(3).build());
        session.event(EventTypes.ISSUE_CREATED, Issues.issue("new-p3").manager(me).assignee(me, "李娜").build());
        session.ui.frame();
        session.event(EventTypes.ISSUE_UPDATED, Issues.issue("from-wang").manager(me).assignee(me, "李娜")
                .status(IssueStatus.IN_PROGRESS).version(4).build());
        session.ui.frame();

        assertThat(session.handedOver).extracting(Issue::id).containsExactly("from-wang");
    }
}
