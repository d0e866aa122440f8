package io.lineone.client.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.EventTypes;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.DeferredTaskExecutor;
import io.lineone.client.common.ManualUiScheduler;
import io.lineone.client.common.Messages;
import io.lineone.client.net.EventStream;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Issues;
import io.lineone.client.queue.IssueQueueViewModel.Link;
import io.lineone.client.queue.IssueQueueViewModel.NoticeKind;
import io.lineone.client.queue.IssueQueueViewModel.State;
import io.lineone.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class IssueQueueViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    private final FakeBackend backend = new FakeBackend();
    private final ManualUiScheduler ui = new ManualUiScheduler();
    private final MutableClock clock = new MutableClock(T0);
    private final ConnectionStatus connection = new ConnectionStatus();
    private final List<Issue> alerts = new ArrayList<>();
    private IssueQueueViewModel model;

    private IssueQueueViewModel model() {
        return model(Locale.ENGLISH);
    }

    private IssueQueueViewModel model(Locale locale) {
        model = new IssueQueueViewModel(backend, new CurrentThreadTaskExecutor(), ui, Messages.forLocale(locale),
                connection, clock, ZoneOffset.UTC, FakeBackend.USER, alerts::add);
        return model;
    }

    private void serverHas(Issue... issues) {
        for (Issue issue : issues) {
            backend.issues.put(issue.id(), issue);
        }
    }

    private List<String> shownIds() {
        return model.visibleRows().stream().map(IssueRow::id).toList();
    }

    private IssueRow row(String id) {
        return model.allRows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private void select(String id) {
        model.selectedProperty().set(row(id));
    }

    private void event(String type, Issue issue) {
        backend.streamListener.onIssue(1, type, issue);
    }

    @Test
    void theQueueIsOrderedByPriorityThenSlaDueAndTheToggleOrdersByMoney() {
        serverHas(
                Issues.issue("p3-late").priority(Priority.P3).money(500_00)
                        .due(T0.plus(Duration.ofMinutes(50)), T0.plusSeconds(99_999)).build(),
                Issues.issue("p1").priority(Priority.P1).money(100).due(T0.plusSeconds(60), T0.plusSeconds(14_400)).build(),
                Issues.issue("p3-soon").priority(Priority.P3).money(9_000_00)
                        .due(T0.plus(Duration.ofMinutes(10)), T0.plusSeconds(99_999)).build(),
                // Acknowledged: its clock is now the resolution target, later than the others' first response.
                Issues.issue("p2-ack").priority(Priority.P2).status(IssueStatus.ACKNOWLEDGED).money(20_00)
                        .due(T0.plusSeconds(1), T0.plus(Duration.ofHours(24))).build(),
                Issues.issue("p2-new").priority(Priority.P2).due(T0.plus(Duration.ofMinutes(5)), T0.plusSeconds(99_999))
                        .build());
        model().start();

        assertThat(model.stateProperty().get()).isEqualTo(State.READY);
        assertThat(shownIds()).containsExactly("p1", "p2-new", "p2-ack", "p3-soon", "p3-late");

        model.orderByMoneyProperty().set(true);
        assertThat(shownIds()).containsExactly("p3-soon", "p3-late", "p2-ack", "p1", "p2-new");
        assertThat(model.money(9_000_00)).isEqualTo("¥9,000.00");
        assertThat(model.money(5)).isEqualTo("¥0.05");

        model.orderByMoneyProperty().set(false);
        assertThat(shownIds()).startsWith("p1");
        assertThat(model.countTextProperty().get()).isEqualTo("5 issues");
    }

    @Test
    void filtersAndSearchNarrowTheQueueWithoutAskingTheServer() {
        serverHas(
                Issues.issue("mine").assignee(FakeBackend.USER.id(), "李娜").status(IssueStatus.IN_PROGRESS)
                        .category(IssueCategory.COUPON_OVERSPEND).title("Coupons stack to ¥-3").build(),
                Issues.issue("theirs").assignee("u-2", "王伟").priority(Priority.P1).build(),
                Issues.issue("free").merchant("m-2", "Chengdu Hotpot Foods").listing("lst-77").build(),
                Issues.issue("done").status(IssueStatus.RESOLVED).rootCause("duplicate").build());
        model().start();
        int loads = backend.loads;
        assertThat(shownIds()).containsExactlyInAnyOrder("mine", "theirs", "free");

        model.assigneeProperty().set(AssigneeChoice.MINE);
        assertThat(shownIds()).containsExactly("mine");
        assertThat(model.assigneeLabel(row("mine").issue())).isEqualTo("李娜 (me)");
        model.assigneeProperty().set(AssigneeChoice.UNASSIGNED);
        assertThat(shownIds()).containsExactly("free");
        model.assigneeProperty().set(AssigneeChoice.ALL);

        model.categoryProperty().set(new FilterChoice<>(IssueCategory.COUPON_OVERSPEND));
        assertThat(shownIds()).containsExactly("mine");
        model.categoryProperty().set(FilterChoice.any());

        model.priorityProperty().set(new FilterChoice<>(Priority.P1));
        assertThat(shownIds()).containsExactly("theirs");
        assertThat(model.countTextProperty().get()).isEqualTo("1 of 3 issues");
        model.priorityProperty().set(FilterChoice.any());

        model.statusProperty().set(StatusChoice.IN_PROGRESS);
        assertThat(shownIds()).containsExactly("mine");
        model.statusProperty().set(StatusChoice.OPEN);

        model.queryProperty().set("ＣＨＥＮＧＤＵ");
        assertThat(shownIds()).as("full-width letters fold to ASCII").containsExactly("free");
        model.queryProperty().set("lst-77");
        assertThat(shownIds()).containsExactly("free");
        model.queryProperty().set("coupons ¥-3");
        assertThat(shownIds()).containsExactly("mine");
        model.queryProperty().set("");
        assertThat(backend.loads).as("filters are applied in memory").isEqualTo(loads);

        model.statusProperty().set(StatusChoice.RESOLVED);
        assertThat(backend.calls).as("resolved issues are loaded when asked for").contains("issues null");
        assertThat(shownIds()).containsExactly("done");
        model.statusProperty().set(StatusChoice.OPEN);
        assertThat(model.allRows()).extracting(IssueRow::id).doesNotContain("done");
    }

    @Test
    void slaCountdownsTurnAmberThenRedAndPausedOnesStandStill() {
        // P1: first response due 60 s after creation.
        serverHas(Issues.issue("p1").priority(Priority.P1).due(T0.plusSeconds(60), T0.plus(Duration.ofHours(4))).build(),
                Issues.issue("waiting").status(IssueStatus.WAITING_MERCHANT)
                        .due(T0.plusSeconds(60), T0.plus(Duration.ofHours(3))).build());
        model().start();
        assertThat(ui.repeatingCount()).as("one shared clock for every countdown").isEqualTo(1);

        Sla fresh = row("p1").sla(model.nowProperty().get());
        assertThat(fresh.kind()).isEqualTo(Sla.Kind.OK);
        assertThat(model.slaText(fresh)).isEqualTo("01:00");
        assertThat(model.slaTooltip(fresh)).isEqualTo("Time left for the first response");

        clock.advance(Duration.ofSeconds(46));
        ui.tick();
        Sla amber = row("p1").sla(model.nowProperty().get());
        assertThat(amber.kind()).as("14 s of 60 left is under a quarter").isEqualTo(Sla.Kind.WARNING);
        assertThat(model.slaText(amber)).isEqualTo("00:14");
        assertThat(model.openBreachesProperty().get()).isZero();

        clock.set(T0.plusSeconds(60 + 133));
        ui.tick();
        Sla red = row("p1").sla(model.nowProperty().get());
        assertThat(red.kind()).isEqualTo(Sla.Kind.BREACHED);
        assertThat(model.slaText(red)).isEqualTo("\u221202:13");
        assertThat(model.openBreachesProperty().get()).isEqualTo(1);

        // Between ticks the count follows the events alone: a breached arrival counts, a resolution uncounts.
        event(EventTypes.ISSUE_CREATED, Issues.issue("late").priority(Priority.P1)
                .due(T0.plusSeconds(30), T0.plus(Duration.ofHours(4))).build());
        ui.frame();
        assertThat(model.openBreachesProperty().get()).isEqualTo(2);
        event(EventTypes.ISSUE_UPDATED, Issues.with(backend.issues.get("p1")).status(IssueStatus.RESOLVED)
                .rootCause("价格录入错误").version(2).build());
        ui.frame();
        assertThat(model.openBreachesProperty().get()).isEqualTo(1);
        ui.tick();
        assertThat(model.openBreachesProperty().get()).as("the tick's full count agrees").isEqualTo(1);

        // Waiting on the merchant: the resolution clock stands still at what the server last said.
        Sla paused = row("waiting").sla(model.nowProperty().get());
        clock.advance(Duration.ofHours(1));
        ui.tick();
        assertThat(paused.kind()).isEqualTo(Sla.Kind.PAUSED);
        assertThat(row("waiting").sla(model.nowProperty().get()).remaining()).isEqualTo(paused.remaining());
        assertThat(model.slaText(paused)).isEqualTo(Sla.clock(paused.remaining()));
        assertThat(model.slaTooltip(paused)).startsWith("Waiting on the merchant: the resolution clock is paused with");

        assertThat(model.pausesText(Issues.issue("calm").build())).isEqualTo("Never");
        assertThat(model.pausesText(Issues.with(row("waiting").issue()).pauses(2, 754, T0.plusSeconds(3600)).build()))
                .isEqualTo("2 × waiting on the merchant, 12:34 in all; paused since 07:00:00");
        assertThat(model.pausesText(Issues.with(row("waiting").issue()).pauses(3, 3 * 3600, null).build()))
                .isEqualTo("3 × waiting on the merchant, 3:00:00 in all");

        assertThat(Sla.clock(Duration.ofSeconds(3 * 3600 + 59 * 60 + 12))).isEqualTo("3:59:12");
        assertThat(Sla.clock(Duration.ofMillis(-1500))).isEqualTo("\u221200:01");
    }

    @Test
    void aThousandEventsInOneFrameAreOneListChangeAndTheNewestVersionWins() throws InterruptedException {
        serverHas(Issues.issue("kept").priority(Priority.P2).build());
        model().start();
        select("kept");
        IssueRow selected = model.selectedProperty().get();
        List<Integer> changes = new ArrayList<>();
        model.allRows().addListener((ListChangeListener<IssueRow>) change -> changes.add(1));
        List<Integer> visibleChanges = new ArrayList<>();
        model.visibleRows().addListener((ListChangeListener<IssueRow>) change -> visibleChanges.add(1));

        // 499 new issues in two versions each plus two versions of the selected one: 1,000 events, shuffled,
        // from another thread as the stream delivers them.
        List<Issue> events = new ArrayList<>();
        for (int i = 0; i < 499; i++) {
            Issue v1 = Issues.issue("burst-" + i).priority(Priority.values()[i % 4]).build();
            events.add(v1);
            events.add(Issues.with(v1).status(IssueStatus.ACKNOWLEDGED).version(2).build());
        }
        Issue kept = backend.issues.get("kept");
        events.add(Issues.with(kept).version(3).title("newest").build());
        events.add(Issues.with(kept).version(2).title("older").build());
        Collections.shuffle(events, new Random(7));
        CountDownLatch sent = new CountDownLatch(1);
        Thread stream = new Thread(() -> {
            for (Issue issue : events) {
                model.accept(issue.version() == 1 ? EventTypes.ISSUE_CREATED : EventTypes.ISSUE_UPDATED, issue);
            }
            sent.countDown();
        });
        stream.start();
        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(changes).as("nothing reaches the list between frames").isEmpty();

        ui.frame();

        assertThat(changes).as("one change for the whole burst").hasSize(1);
        assertThat(visibleChanges).hasSize(1);
        assertThat(model.allRows()).hasSize(500);
        assertThat(model.allRows()).allSatisfy(row -> assertThat(row.version()).isGreaterThanOrEqualTo(2));
        assertThat(row("burst-3").issue().status()).isEqualTo(IssueStatus.ACKNOWLEDGED);
        assertThat(row("kept").issue().title()).isEqualTo("newest");
        assertThat(model.selectedProperty().get()).as("the selected row is the same object").isSameAs(selected);
        assertThat(model.selectedIssueProperty().get().title()).isEqualTo("newest");

        ui.frame();
        assertThat(changes).as("an empty frame changes nothing").hasSize(1);
    }

    @Test
    void removalsUpdatesAndAdditionsInOneFrameKeepTheViewsConsistent() {
        serverHas(Issues.issue("a").priority(Priority.P1).build(), Issues.issue("b").priority(Priority.P2).build(),
                Issues.issue("c").priority(Priority.P3).build());
        model().start();
        Issue b = backend.issues.get("b");
        Issue a = backend.issues.get("a");

        event(EventTypes.ISSUE_UPDATED, Issues.with(b).status(IssueStatus.RESOLVED).rootCause("x").version(2).build());
        event(EventTypes.ISSUE_UPDATED, Issues.with(a).priority(Priority.P4).version(2).build());
        event(EventTypes.ISSUE_CREATED, Issues.issue("d").priority(Priority.P1).build());
        ui.frame();

        assertThat(shownIds()).containsExactly("d", "c", "a");
        // A late, older version of the resolved issue does not bring it back.
        event(EventTypes.ISSUE_UPDATED, Issues.with(b).status(IssueStatus.ACKNOWLEDGED).version(1).build());
        ui.frame();
        assertThat(shownIds()).containsExactly("d", "c", "a");
    }

    @Test
    void aNewP1RaisesTheAlarmAndIsHighlightedForAFewSeconds() {
        model().start();
        event(EventTypes.ISSUE_CREATED, Issues.issue("fire").priority(Priority.P1).money(200_000_00).build());
        event(EventTypes.ISSUE_CREATED, Issues.issue("calm").priority(Priority.P3).build());
        ui.frame();

        assertThat(alerts).extracting(Issue::id).containsExactly("fire");
        assertThat(row("fire").isFresh()).isTrue();
        assertThat(row("calm").isFresh()).isFalse();

        clock.advance(IssueQueueViewModel.HIGHLIGHT);
        ui.tick();
        assertThat(row("fire").isFresh()).isFalse();

        // A P1 merely updated, or loaded with the list, is not news.
        event(EventTypes.ISSUE_UPDATED, Issues.with(row("fire").issue()).version(2).build());
        ui.frame();
        assertThat(alerts).hasSize(1);
    }

    @Test
    void keyboardActionsChangeTheServerAndTheRowFollows() {
        serverHas(Issues.issue("i-1").build());
        model().start();
        select("i-1");
        assertThat(model.canClaimProperty().get()).isTrue();
        assertThat(model.canWaitProperty().get()).isFalse();

        model.claim();
        assertThat(backend.calls).contains("claim i-1 v1");
        assertThat(row("i-1").issue().assigneeId()).isEqualTo(FakeBackend.USER.id());
        assertThat(model.canClaimProperty().get()).isFalse();
        assertThat(model.noticeProperty().get()).startsWith("You claimed");

        model.acknowledge();
        assertThat(backend.calls).contains("patch i-1 v2 ACKNOWLEDGED null null");
        assertThat(row("i-1").issue().status()).isEqualTo(IssueStatus.ACKNOWLEDGED);

        model.acknowledge();
        assertThat(model.noticeProperty().get()).isEqualTo("Cannot Acknowledge an issue that is Acknowledged.");

        model.waitOnMerchant();
        assertThat(row("i-1").issue().status()).isEqualTo(IssueStatus.WAITING_MERCHANT);

        model.beginResolve();
        assertThat(model.resolvingProperty().get()).isTrue();
        model.confirmResolve();
        assertThat(model.resolveErrorProperty().get()).startsWith("Give a root cause");
        model.rootCauseProperty().set("decimal-point-price");
        model.noteProperty().set("Restored ¥99 with the merchant");
        model.confirmResolve();
        assertThat(backend.calls).contains("patch i-1 v4 RESOLVED decimal-point-price Restored ¥99 with the merchant");
        assertThat(model.resolvingProperty().get()).isFalse();
        assertThat(model.allRows()).as("resolved issues leave the open queue").isEmpty();
        assertThat(model.stateProperty().get()).isEqualTo(State.EMPTY);
    }

    @Test
    void aStaleEditSaysSomeoneElseChangedItAndReloadsIt() {
        serverHas(Issues.issue("i-1").build());
        model().start();
        select("i-1");
        // Someone else acknowledges it; the console has not heard yet.
        backend.issues.put("i-1", Issues.with(backend.issues.get("i-1")).status(IssueStatus.ACKNOWLEDGED)
                .assignee("u-2", "王伟").version(2).build());

        model.acknowledge();

        assertThat(model.noticeKindProperty().get()).isEqualTo(NoticeKind.STALE);
        assertThat(model.noticeProperty().get())
                .isEqualTo("“Price shown as ¥0.99 instead of ¥99” was changed by someone else — reloaded. "
                        + "Check it and try again.");
        assertThat(backend.calls).contains("issue i-1");
        assertThat(row("i-1").version()).isEqualTo(2);
        assertThat(row("i-1").issue().assigneeName()).isEqualTo("王伟");
        assertThat(model.canAcknowledgeProperty().get()).isFalse();

        model(Locale.SIMPLIFIED_CHINESE).start();
        select("i-1");
        backend.issues.put("i-1", Issues.with(backend.issues.get("i-1")).version(3).build());
        model.waitOnMerchant();
        assertThat(model.noticeProperty().get()).isEqualTo("“Price shown as ¥0.99 instead of ¥99”已被他人修改，已重新加载。请核对后重试。");
    }

    @Test
    void offlineTheQueueStaysAsOfThenActionsAreDisabledAndTheDraftIsKept() {
        serverHas(Issues.issue("i-1").build(), Issues.issue("i-2").priority(Priority.P1).build());
        model().start();
        backend.streamListener.onOpen(EventStream.Opened.FIRST);
        assertThat(model.linkProperty().get()).isEqualTo(Link.LIVE);
        assertThat(connection.state()).isEqualTo(ConnectionStatus.State.LIVE);
        select("i-1");
        model.beginResolve();
        model.rootCauseProperty().set("merchant-error");
        model.noteProperty().set("Half-written note");

        // The call fails because the server just went away: the dialog stays, with the draft.
        backend.failNext(FakeBackend.unreachable());
        model.confirmResolve();
        assertThat(model.resolvingProperty().get()).isTrue();
        assertThat(model.resolveErrorProperty().get()).startsWith("Cannot reach the server");
        assertThat(model.rootCauseProperty().get()).isEqualTo("merchant-error");
        assertThat(model.noteProperty().get()).isEqualTo("Half-written note");
        model.cancelResolve();

        clock.set(T0.plusSeconds(3723));
        backend.streamListener.onDown(false, new IOException("closed"));
        assertThat(model.linkProperty().get()).isEqualTo(Link.RECONNECTING);
        assertThat(connection.state()).isEqualTo(ConnectionStatus.State.RECONNECTING);
        clock.advance(Duration.ofSeconds(5));
        backend.streamListener.onDown(true, new IOException("refused"));
        assertThat(model.linkProperty().get()).isEqualTo(Link.OFFLINE);
        assertThat(model.linkTextProperty().get()).isEqualTo("Offline. The queue shows what was known as of 07:02:03;"
                + " actions are disabled until the connection is back.");
        assertThat(model.allRows()).as("the last queue stays visible").hasSize(2);
        assertThat(model.canResolveProperty().get()).isFalse();
        assertThat(model.unavailableReasonProperty().get())
                .isEqualTo("Offline: actions are disabled until the connection is back.");

        int calls = backend.calls.size();
        model.claim();
        assertThat(backend.calls).as("nothing is queued silently").hasSize(calls);
        assertThat(model.noticeProperty().get()).isEqualTo("Offline: actions are disabled until the connection is back.");

        // The draft is still there when the same issue is resolved again.
        backend.streamListener.onOpen(EventStream.Opened.RESTARTED);
        model.beginResolve();
        assertThat(model.noteProperty().get()).isEqualTo("Half-written note");
        model.cancelResolve();

        // Meanwhile on the server: one resolved, one new. The reconnection reloads, and the queue equals it.
        backend.issues.put("i-2", Issues.with(backend.issues.get("i-2")).status(IssueStatus.RESOLVED).version(2).build());
        backend.issues.put("i-3", Issues.issue("i-3").build());
        int loads = backend.loads;
        backend.streamListener.onDown(false, new IOException("again"));
        backend.streamListener.onOpen(EventStream.Opened.RESTARTED);
        assertThat(backend.loads).isEqualTo(loads + 1);
        assertThat(model.linkProperty().get()).isEqualTo(Link.LIVE);
        assertThat(model.linkTextProperty().get()).isEmpty();
        assertThat(model.allRows()).extracting(IssueRow::id).containsExactlyInAnyOrder("i-1", "i-3");
    }

    @Test
    void aReloadDoesNotUndoAnEventThatArrivedWhileItWasUnderway() {
        serverHas(Issues.issue("i-1").build());
        DeferredTaskExecutor deferred = new DeferredTaskExecutor();
        model = new IssueQueueViewModel(backend, deferred, ui, Messages.forLocale(Locale.ENGLISH),
                connection, clock, ZoneOffset.UTC, FakeBackend.USER, alerts::add);
        model.start();
        deferred.runAll();
        Issue v1 = backend.issues.get("i-1");

        model.load();
        event(EventTypes.ISSUE_UPDATED, Issues.with(v1).status(IssueStatus.ACKNOWLEDGED).version(2).build());
        ui.frame();
        deferred.runAll();

        assertThat(row("i-1").version()).isEqualTo(2);
        assertThat(row("i-1").issue().status()).isEqualTo(IssueStatus.ACKNOWLEDGED);
    }

    @Test
    void theDetailDrawerLoadsMerchantAndHistoryInTheBackground() {
        serverHas(Issues.issue("i-1").merchant("m-x", "Nowhere Ltd").build());
        DeferredTaskExecutor deferred = new DeferredTaskExecutor();
        model = new IssueQueueViewModel(backend, deferred, ui, Messages.forLocale(Locale.ENGLISH),
                connection, clock, ZoneOffset.UTC, FakeBackend.USER, alerts::add);
        model.start();
        deferred.runAll();
        select("i-1");

        model.openDetail();
        assertThat(model.detailOpenProperty().get()).isTrue();
        assertThat(model.detailProperty().get().loading()).as("shown at once, filled in later").isTrue();
        assertThat(deferred.pending()).isEqualTo(1);
        deferred.runAll();

        // The fake has no merchant m-x: the drawer says so and still shows the issue.
        assertThat(model.detailProperty().get().loading()).isFalse();
        assertThat(model.detailErrorProperty().get()).startsWith("Not found");
        model.closeDetail();
        assertThat(model.detailOpenProperty().get()).isFalse();
        assertThat(model.historyLine(new io.lineone.api.IssueHistoryEntry(T0, "u-1", "李娜", "status",
                IssueStatus.NEW, IssueStatus.ACKNOWLEDGED, null, null)))
                .isEqualTo("06:00:00  李娜 · moved it from New to Acknowledged");
    }

    @Test
    void closingStopsTheStreamAndTheClock() {
        model().start();
        model.close();
        assertThat(backend.streamClosed).isTrue();
        assertThat(ui.repeatingCount()).isZero();
    }
}
