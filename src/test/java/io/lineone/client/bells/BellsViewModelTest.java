package io.lineone.client.bells;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Bell;
import io.lineone.api.BellMonth;
import io.lineone.api.BellStatus;
import io.lineone.api.EventTypes;
import io.lineone.api.Gate;
import io.lineone.api.Problem;
import io.lineone.api.Release;
import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.ManualUiScheduler;
import io.lineone.client.common.Messages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.net.BackendException;
import io.lineone.client.net.BellAction;
import io.lineone.client.net.Bells;
import io.lineone.client.net.EventStream;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Issues;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class BellsViewModelTest {

    private static final User OWNER = new User("u-po", "zhao.lei", "赵磊", Role.PRODUCT_OWNER);
    private static final User SUPERVISOR = new User("u-sup", "chen.jing", "陈静", Role.SUPERVISOR);
    private static final User FEED = new User("u-feed", "feed", "Marketplace feed", Role.SERVICE);

    private final FakeBackend backend = new FakeBackend();
    private final ManualUiScheduler ui = new ManualUiScheduler();
    private final ConnectionStatus connection = new ConnectionStatus();
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final BellText text = new BellText(messages, ZoneOffset.UTC);
    private final List<String> alerts = new ArrayList<>();
    private final Release coupons = Bells.release("rel-1", "满减券叠加规则改版", OWNER.id(), Gate.BLOCKED);
    private final Release search = Bells.release("rel-2", "搜索排序", OWNER.id(), Gate.OPEN);
    private LiveBells live;

    private BellsViewModel open(User me) {
        backend.releases.put(search.id(), search);
        backend.releases.put(coupons.id(), coupons);
        live = new LiveBells(backend, new CurrentThreadTaskExecutor(), ui, new ErrorMessages(messages), connection,
                new BellAlerts(me, text, (title, body) -> alerts.add(title)));
        BellsViewModel model = new BellsViewModel(live, backend, new CurrentThreadTaskExecutor(), messages, connection,
                text, me, new SimpleObjectProperty<>(Bells.T0.plusSeconds(300)));
        connection.reportLive();
        live.listener().onOpen(EventStream.Opened.FIRST);
        return model;
    }

    private Bell bell(String id, BellStatus status) {
        Bell bell = Bells.bell(id, coupons.id(), FakeBackend.USER.id(), status);
        backend.bells.put(id, bell);
        return bell;
    }

    private static List<String> ids(List<LiveRow<Bell>> rows) {
        return rows.stream().map(LiveRow::id).toList();
    }

    @Test
    void releasesShowBlockedFirstAndTheBoardOverdueFirstThenByStatus() {
        bell("b-fixed", BellStatus.FIXED);
        bell("b-open", BellStatus.OPEN);
        bell("b-done", BellStatus.RESOLVED);
        Bell late = Bells.step(bell("b-late", BellStatus.OPEN), BellStatus.OPEN, null, true);
        backend.bells.put(late.id(), late);

        BellsViewModel model = open(FakeBackend.USER);

        assertThat(model.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(model.releases()).extracting(LiveRow::id).containsExactly("rel-1", "rel-2");
        assertThat(ids(model.bells())).as("still blocking, overdue first").containsExactly("b-late", "b-open", "b-fixed");
        model.filterProperty().set(BellFilter.ALL);
        assertThat(ids(model.bells())).containsExactly("b-late", "b-open", "b-fixed", "b-done");
        assertThat(model.summaryProperty().get()).isEqualTo("1 release blocked · 3 bells open · 1 overdue");
        assertThat(text.acknowledgement(late, Bells.T0.plusSeconds(1000))).isEqualTo("overdue by 1 min");
        Bell acknowledged = Bells.step(backend.bells.get("b-open"), BellStatus.ACKNOWLEDGED, null, false);
        assertThat(text.acknowledgement(acknowledged, Bells.T0.plusSeconds(300))).isEqualTo("acknowledged after 2 min");
        assertThat(text.acknowledgement(backend.bells.get("b-open"), Bells.T0.plusSeconds(300)))
                .isEqualTo("10 min left to acknowledge");
    }

    @Test
    void aFramesEventsArriveAsOneChangeNewestVersionWinningAndTheGateMovesLive() {
        Bell open = bell("b-1", BellStatus.OPEN);
        BellsViewModel model = open(FakeBackend.USER);
        List<ListChangeListener.Change<?>> changes = new ArrayList<>();
        live.bells().addListener((ListChangeListener<LiveRow<Bell>>) changes::add);

        Bell acknowledged = Bells.step(open, BellStatus.ACKNOWLEDGED, "looking", false);
        Bell fixed = Bells.step(acknowledged, BellStatus.FIXED, "rule rolled back", false);
        live.listener().onBell(10, EventTypes.BELL_UPDATED, fixed);
        live.listener().onBell(9, EventTypes.BELL_UPDATED, acknowledged);
        live.listener().onRelease(11, EventTypes.RELEASE_UPDATED, Bells.withGate(coupons, Gate.OPEN));
        assertThat(live.bells().get(0).get().status()).as("nothing before the frame").isEqualTo(BellStatus.OPEN);

        ui.frame();

        assertThat(changes).hasSize(1);
        assertThat(live.bells().get(0).get().status()).isEqualTo(BellStatus.FIXED);
        assertThat(model.releases().get(1).get().gate()).as("the open release sorts after the blocked one")
                .isEqualTo(Gate.OPEN);
        assertThat(alerts).as("the puller is told their bell is fixed").containsExactly(
                "Your bell on 满减券叠加规则改版 is marked fixed");
    }

    @Test
    void theOwnerAcknowledgesAndMarksFixedButNeitherResolvesNorOverrules() {
        bell("b-1", BellStatus.OPEN);
        BellsViewModel model = open(OWNER);
        model.selectedBellRowProperty().set(model.bells().get(0));
        BellActions actions = model.actions();

        assertThat(actions.shown(BellAction.ACKNOWLEDGE).get()).isTrue();
        assertThat(actions.shown(BellAction.FIXED).get()).isTrue();
        assertThat(actions.shown(BellAction.RESOLVE).get()).isFalse();
        assertThat(actions.shown(BellAction.OVERRULE).get()).isFalse();
        assertThat(actions.enabled(BellAction.FIXED).get()).as("not before acknowledging").isFalse();

        actions.noteProperty().set("On it: rolling the rule back");
        actions.take(BellAction.ACKNOWLEDGE);
        assertThat(backend.calls).contains("acknowledge b-1 On it: rolling the rule back");
        assertThat(model.selectedBellProperty().get().status()).isEqualTo(BellStatus.ACKNOWLEDGED);
        assertThat(actions.noteProperty().get()).isEmpty();
        assertThat(actions.enabled(BellAction.FIXED).get()).isTrue();

        actions.take(BellAction.FIXED);
        assertThat(model.selectedBellProperty().get().status()).isEqualTo(BellStatus.FIXED);
        assertThat(actions.doneProperty().get()).startsWith("Marked fixed.");
    }

    @Test
    void aSupervisorOverrulesOnlyWithAJustificationAndARefusalSaysWhy() {
        bell("b-1", BellStatus.ACKNOWLEDGED);
        BellsViewModel model = open(SUPERVISOR);
        model.selectedBellRowProperty().set(model.bells().get(0));
        BellActions actions = model.actions();
        assertThat(actions.shown(BellAction.OVERRULE).get()).isTrue();
        assertThat(actions.shown(BellAction.RESOLVE).get()).isTrue();
        assertThat(actions.shown(BellAction.ACKNOWLEDGE).get()).isFalse();

        actions.take(BellAction.OVERRULE);
        assertThat(actions.errorProperty().get()).isEqualTo(
                "Write the justification in the note first: an overrule needs one.");
        assertThat(backend.calls).noneMatch(call -> call.startsWith("overrule"));

        actions.noteProperty().set("Loss is covered by the coupon budget cap");
        backend.failNext(BackendException.problem("http://fake", new Problem(null, "Conflict", 409,
                "A bell that is RESOLVED cannot be overruled.", List.of())));
        actions.take(BellAction.OVERRULE);
        assertThat(actions.errorProperty().get()).isEqualTo(
                "The current state does not allow this. A bell that is RESOLVED cannot be overruled.");
        assertThat(actions.noteProperty().get()).as("the justification is kept").isNotEmpty();
    }

    @Test
    void theMarketplaceFeedMayNotCommentAndOfflineNoStepIsOffered() {
        bell("b-1", BellStatus.FIXED);
        BellsViewModel feed = open(FEED);
        feed.selectedBellRowProperty().set(feed.bells().get(0));
        feed.actions().noteProperty().set("a note");
        assertThat(feed.actions().mayComment()).isFalse();
        assertThat(feed.actions().canComment().get()).isFalse();

        BellsViewModel mine = open(FakeBackend.USER);
        mine.selectedBellRowProperty().set(mine.bells().get(0));
        assertThat(mine.actions().enabled(BellAction.RESOLVE).get()).isTrue();
        connection.reportStreamDown(true);
        assertThat(mine.actions().enabled(BellAction.RESOLVE).get()).isFalse();
        assertThat(mine.linkTextProperty().get()).startsWith("Not live");
    }

    @Test
    void selectingAReleaseNarrowsTheBoardAndReadsItsLinkedIssues() {
        bell("b-1", BellStatus.OPEN);
        backend.issues.put("iss-9", Issues.issue("iss-9").release("rel-2").title("Search shows delisted items")
                .build());
        BellsViewModel model = open(FakeBackend.USER);
        model.selectedReleaseProperty().set(model.releases().get(1));

        assertThat(model.bells()).isEmpty();
        assertThat(model.linkedIssues()).extracting(i -> i.title()).containsExactly("Search shows delisted items");

        model.selectedReleaseProperty().set(null);
        assertThat(ids(model.bells())).containsExactly("b-1");
    }

    @Test
    void theOwnerMovesAReleaseOnOnlyThroughAnOpenGateAndAlwaysBack() {
        BellsViewModel mine = open(OWNER);
        ReleaseActions owner = mine.releaseActions();
        mine.selectedReleaseProperty().set(row(mine, coupons.id()));
        assertThat(owner.shown().get()).isTrue();
        assertThat(owner.exposureProperty().get()).as("starts at the release's exposure").isEqualTo(20);
        assertThat(owner.canGoLive().get()).as("blocked: no going live").isFalse();
        owner.exposureProperty().set(50);
        assertThat(owner.canSetExposure().get()).as("blocked: no more exposure").isFalse();
        owner.exposureProperty().set(10);
        assertThat(owner.canSetExposure().get()).as("less exposure is a step back").isTrue();
        assertThat(owner.canRollBack().get()).isTrue();
        owner.setExposure();
        assertThat(backend.calls).contains("advance " + coupons.id());

        mine.selectedReleaseProperty().set(row(mine, search.id()));
        assertThat(owner.canGoLive().get()).isTrue();
        owner.exposureProperty().set(80);
        assertThat(owner.canSetExposure().get()).isTrue();
        backend.failNext(BackendException.problem("http://fake", new Problem(null, "Conflict", 409,
                "The gate is BLOCKED by 1 bell.", List.of())));
        owner.goLive();
        assertThat(owner.errorProperty().get()).endsWith("The gate is BLOCKED by 1 bell.");
        connection.reportStreamDown(true);
        assertThat(owner.canRollBack().get()).as("nothing is sent while not live").isFalse();

        BellsViewModel supervisor = open(SUPERVISOR);
        supervisor.selectedReleaseProperty().set(row(supervisor, search.id()));
        assertThat(supervisor.releaseActions().shown().get()).as("only the owner moves a release").isFalse();
    }

    private static LiveRow<Release> row(BellsViewModel model, String releaseId) {
        return model.releases().stream().filter(r -> r.id().equals(releaseId)).findFirst().orElseThrow();
    }

    @Test
    void theMetricsAreReadWhenAskedAndSayWhatEachMonthTook() {
        BellsViewModel model = open(OWNER);
        BellMetricsViewModel metrics = model.metrics();
        assertThat(backend.calls).doesNotContain("bell metrics");
        metrics.load();
        assertThat(metrics.stateProperty().get()).isEqualTo(ScreenState.EMPTY);

        backend.metrics.add(new BellMonth("物流", "2026-11", 1, 1, 300L, 0, null, 0, 0));
        backend.metrics.add(new BellMonth("优惠券", "2026-12", 3, 2, 90L, 2, 7_500L, 1, 1.0 / 3));
        metrics.load();
        assertThat(metrics.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(metrics.areas()).containsExactly("优惠券", "物流");
        assertThat(metrics.monthNames()).containsExactly("2026-11", "2026-12");
        assertThat(text.month(metrics.months().get(1))).isEqualTo(
                "2026-12 \u00b7 优惠券: 3 pulled \u00b7 acknowledged in 1 min \u00b7 resolved in 2 h 5 min (medians) \u00b7 33% overruled");
        assertThat(text.month(metrics.months().get(0))).contains("resolved in \u2014");

        backend.failNext(BackendException.unreachable("http://fake", new IOException("down")));
        metrics.load();
        assertThat(metrics.stateProperty().get()).isEqualTo(ScreenState.ERROR);
        assertThat(metrics.errorProperty().get()).isNotBlank();
    }

    @Test
    void alertsGoToWhomTheyConcernAndNeverForOnesOwnDoing() {
        Release mine = Bells.release("rel-1", "满减券叠加规则改版", OWNER.id(), Gate.OPEN);
        Bell pulled = Bells.bell("b-1", "rel-1", "u-1", BellStatus.OPEN);
        Bell fixed = Bells.step(Bells.step(pulled, BellStatus.ACKNOWLEDGED, null, false), BellStatus.FIXED, null,
                false);
        Bell reopened = Bells.step(fixed, BellStatus.OPEN, null, false);
        Bell overdue = Bells.step(pulled, BellStatus.OPEN, null, true);
        Bell overruled = Bells.step(pulled, BellStatus.OVERRULED, "budget cap holds", false);

        BellAlerts owner = new BellAlerts(OWNER, text, (t, b) -> { });
        assertThat(owner.concern(null, pulled, mine)).contains("pulled");
        assertThat(owner.concern(fixed, reopened, mine)).contains("reopened");
        assertThat(owner.concern(pulled, overdue, mine)).isEmpty();

        BellAlerts puller = new BellAlerts(FakeBackend.USER, text, (t, b) -> { });
        assertThat(puller.concern(null, pulled, mine)).as("their own pull").isEmpty();
        assertThat(puller.concern(pulled, overruled, mine)).contains("overruled");
        assertThat(puller.concern(pulled, fixed, mine)).contains("fixed");

        BellAlerts supervisor = new BellAlerts(SUPERVISOR, text, (t, b) -> { });
        assertThat(supervisor.concern(pulled, overdue, mine)).contains("overdue");
        assertThat(supervisor.concern(overdue, overdue, mine)).as("only when it becomes overdue").isEmpty();

        List<String> shown = new ArrayList<>();
        new BellAlerts(FakeBackend.USER, text, (t, b) -> shown.add(t + " / " + b)).changed(pulled, overruled, mine);
        assertThat(shown).containsExactly("Your bell on 满减券叠加规则改版 was overruled / Justification: budget cap holds");
    }

    @Test
    void withTheStreamDownTheReleasesAreReadAnywayAndAFailureShowsWhy() {
        backend.releases.put(coupons.id(), coupons);
        live = new LiveBells(backend, new CurrentThreadTaskExecutor(), ui, new ErrorMessages(messages), connection,
                (before, after, release) -> { });
        backend.failNext(FakeBackend.unreachable());
        live.listener().onDown(false, new IOException("refused"));
        assertThat(live.stateProperty().get()).isEqualTo(ScreenState.ERROR);
        assertThat(live.errorProperty().get()).startsWith("Cannot reach the server");

        live.load();
        assertThat(live.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(live.knownReleases()).containsExactly(coupons);
    }

    @Test
    void durationsReadCompactly() {
        assertThat(text.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(text.duration(Duration.ofMinutes(12))).isEqualTo("12 min");
        assertThat(text.duration(Duration.ofMinutes(185))).isEqualTo("3 h 5 min");
        assertThat(text.age(Bells.bell("b", "r", "u", BellStatus.OPEN), Instant.parse("2026-11-23T06:30:00Z")))
                .isEqualTo("30 min");
    }
}
