package io.lineone.client.merchants;

import static io.lineone.client.merchants.BookMerchants.NOW;
import static io.lineone.client.merchants.BookMerchants.merchant;
import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.IssueStatus;
import io.lineone.api.Merchant;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.api.User;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.DeferredTaskExecutor;
import io.lineone.client.common.ManualUiScheduler;
import io.lineone.client.common.Messages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.EventStream;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Issues;
import io.lineone.client.queue.IssueRow;
import io.lineone.client.queue.IssuesListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class MerchantsViewModelTest {

    private static final List<Merchant> BOOK = List.of(
            merchant("m1", "杭州西湖茶叶有限公司", "西湖龙井旗舰店", Tier.KA, 91, 2, 1_500_00, NOW, "u-1", "李娜"),
            merchant("m2", "Hangzhou Silk Co.", "Silk Road Outlet", Tier.SME, 72, 0, 0, null, "u-1", "李娜"),
            merchant("m3", "成都火锅食品", "蜀香坊 杭州分店", Tier.SME, 58, 1, 20_00, NOW, "u-2", "王强"),
            merchant("m4", "新入驻小店", "新店", Tier.SME, null, 0, 0, null, "u-2", "王强"));

    private final FakeBackend backend = new FakeBackend().withMerchants(BOOK);
    private final ConnectionStatus connection = new ConnectionStatus();
    private final ManualUiScheduler ui = new ManualUiScheduler();
    private final ObservableList<IssueRow> issueRows = FXCollections.observableArrayList();
    private final List<String> opened = new ArrayList<>();
    private final SimpleObjectProperty<Instant> asOf = new SimpleObjectProperty<>();
    private IssuesListener issues;
    private Consumer<Collection<Merchant>> merchants;
    private EventStream.Listener stream;
    private Runnable restarted;

    private MerchantsViewModel model(TaskExecutor executor, boolean wholeTeam, String me) {
        LiveSources sources = new LiveSources(ui, me, issueRows, opened::add, l -> issues = l, l -> merchants = l,
                l -> stream = l, r -> restarted = r);
        BookText text = new BookText(Messages.forLocale(Locale.ENGLISH), ZoneOffset.UTC,
                Clock.fixed(NOW.plus(Duration.ofHours(3)), ZoneOffset.UTC));
        return new MerchantsViewModel(backend, executor, text, connection, wholeTeam, sources, asOf);
    }

    private MerchantsViewModel loaded(boolean wholeTeam) {
        MerchantsViewModel model = model(new CurrentThreadTaskExecutor(), wholeTeam, "u-1");
        model.load();
        return model;
    }

    /** {@code count} merchants "商家0", "商家1"… with scores 0–99. */
    private static List<Merchant> numbered(int count) {
        List<Merchant> merchants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            merchants.add(merchant("m" + i, "商家" + i, i % 100));
        }
        return merchants;
    }

    private static List<String> ids(MerchantsViewModel model) {
        return model.visibleRows().stream().map(MerchantRow::id).toList();
    }

    private static MerchantRow row(MerchantsViewModel model, String id) {
        return model.visibleRows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theFirstPageShowsAtOnceAndTheRestStreamsInBehindAProgressLine() {
        backend.withMerchants(numbered(1_234));
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        MerchantsViewModel model = model(executor, true, "u-9");

        model.load();
        assertThat(model.stateProperty().get()).isEqualTo(ScreenState.LOADING);
        assertThat(executor.pending()).as("the first page waits for nothing else").isEqualTo(1);
        executor.runNext(); // the first page: enough to fill the table
        assertThat(model.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(model.visibleRows()).hasSize(MerchantsViewModel.FIRST_PAGE);
        assertThat(model.progressProperty().get()).isEqualTo("Loaded 100 merchants…");
        executor.runNext(); // facets
        executor.runNext(); // managers
        assertThat(model.progressProperty().get()).isEqualTo("Loaded 100 of 1,234 merchants…");
        executor.runNext(); // the second page
        assertThat(model.visibleRows()).hasSize(600);

        executor.runAll();
        assertThat(model.visibleRows()).hasSize(1_234);
        assertThat(model.progressProperty().get()).isEmpty();
        assertThat(model.countTextProperty().get()).isEqualTo("1,234 merchants");
    }

    @Test
    void theRestOfTheBookWaitsUntilTheFirstRowsAreOnScreen() {
        backend.withMerchants(numbered(700));
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        MerchantsViewModel model = model(executor, true, "u-9");
        List<Runnable> waiting = new ArrayList<>();
        model.pacedBy(waiting::add);

        model.load();
        executor.runNext(); // the first page
        assertThat(model.visibleRows()).hasSize(MerchantsViewModel.FIRST_PAGE);
        assertThat(executor.pending()).as("nothing more asked while the first rows are laid out").isZero();
        assertThat(waiting).hasSize(1);

        waiting.get(0).run(); // on screen
        assertThat(executor.pending()).as("facets, managers and the next page").isEqualTo(3);
        executor.runAll();
        assertThat(model.visibleRows()).hasSize(700);
        assertThat(waiting).as("only the first page waits").hasSize(1);
    }

    @Test
    void aPageFailingMidwayKeepsWhatCameAndGoesOnFromThere() {
        backend.withMerchants(numbered(1_200));
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        MerchantsViewModel model = model(executor, false, "u-1");
        model.load();
        executor.runNext(); // the first page
        executor.runNext(); // facets
        executor.runNext(); // the second page
        backend.failNext(FakeBackend.unreachable());
        executor.runNext();

        assertThat(model.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(model.visibleRows()).hasSize(600);
        assertThat(model.progressProperty().get()).startsWith("Stopped after 600 merchants: Cannot reach");
        assertThat(model.resumable()).isTrue();

        model.resume();
        executor.runAll();
        assertThat(model.visibleRows()).hasSize(1_200);
        assertThat(model.progressProperty().get()).isEmpty();
    }

    @Test
    void anEmptyBookAndAFailedFirstPageAreStatesOfTheirOwn() {
        backend.withMerchants(List.of());
        assertThat(loaded(false).stateProperty().get()).isEqualTo(ScreenState.EMPTY);

        backend.withMerchants(BOOK);
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        MerchantsViewModel model = model(executor, false, "u-1");
        model.load();
        backend.failNext(FakeBackend.unreachable());
        executor.runNext(); // the first page
        assertThat(model.stateProperty().get()).isEqualTo(ScreenState.ERROR);
        assertThat(model.errorProperty().get()).startsWith("Cannot reach the server at http://fake");
        assertThat(connection.state()).isEqualTo(ConnectionStatus.State.OFFLINE);

        model.load();
        executor.runAll();
        assertThat(model.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(model.visibleRows()).hasSize(4);
    }

    @Test
    void searchFiltersAndTheNoMatchTextFollowWhatWasAsked() {
        MerchantsViewModel model = loaded(true);

        model.filters().queryProperty().set("hz");
        assertThat(ids(model)).containsExactlyInAnyOrder("m1", "m3");
        model.filters().queryProperty().set("hangzhou");
        assertThat(ids(model)).containsExactlyInAnyOrder("m1", "m2", "m3");
        model.filters().tierProperty().set(TierChoice.KA);
        assertThat(ids(model)).containsExactly("m1");
        assertThat(model.countTextProperty().get()).isEqualTo("1 of 4 merchants");

        model.filters().clear();
        model.filters().bandProperty().set(BandChoice.NOT_SCORED);
        assertThat(ids(model)).containsExactly("m4");
        model.filters().bandProperty().set(BandChoice.ALL);
        model.filters().managerProperty().set(new User("u-2", "wang", "王强", Role.MANAGER));
        assertThat(ids(model)).containsExactlyInAnyOrder("m3", "m4");

        model.filters().clear();
        model.filters().queryProperty().set("nothing like it");
        assertThat(model.visibleRows()).isEmpty();
        assertThat(model.filters().noMatchTextProperty().get()).isEqualTo("No merchant matches “nothing like it”.");
    }

    @Test
    void sortingByMoneyIsNumericAndTheUnscoredSortLast() {
        MerchantsViewModel model = loaded(true);

        model.sort(List.of(new BookSort.By(BookSort.Key.MONEY_AT_RISK, false)));
        assertThat(ids(model).subList(0, 2)).containsExactly("m1", "m3");
        model.sort(List.of(new BookSort.By(BookSort.Key.SCORE, true)));
        assertThat(ids(model)).containsExactly("m3", "m2", "m1", "m4");
        model.sort(List.of(new BookSort.By(BookSort.Key.SCORE, false)));
        assertThat(ids(model)).containsExactly("m1", "m2", "m3", "m4");
    }

    @Test
    void issueEventsMoveTheCountsOnceAFrameWithoutReadingAgain() {
        MerchantsViewModel model = loaded(false);
        int reads = backend.calls.size();
        var opened = Issues.issue("i-9").merchant("m2", "Hangzhou Silk Co.").money(300_00).build();

        issues.heard(List.of(opened), false);
        assertThat(row(model, "m2").merchant().openIssues()).isEqualTo(1);
        assertThat(row(model, "m2").merchant().moneyAtRiskCents()).isEqualTo(300_00);

        var resolved = Issues.issue("i-9").merchant("m2", "Hangzhou Silk Co.").money(300_00)
                .status(IssueStatus.RESOLVED).version(2).build();
        issues.heard(List.of(resolved, resolved), false);
        assertThat(row(model, "m2").merchant().openIssues()).isZero();
        assertThat(row(model, "m2").merchant().moneyAtRiskCents()).isZero();
        assertThat(backend.calls).hasSize(reads);
    }

    @Test
    void theListAsReadIsRememberedNotCountedTwice() {
        MerchantsViewModel model = loaded(false);
        var known = Issues.issue("i-1").merchant("m1", "杭州西湖茶叶有限公司").money(1_500_00).build();
        issues.heard(List.of(known), true);
        assertThat(row(model, "m1").merchant().openIssues()).isEqualTo(2);

        issues.heard(List.of(Issues.issue("i-1").merchant("m1", "杭州西湖茶叶有限公司").money(1_500_00)
                .status(IssueStatus.RESOLVED).version(2).build()), false);
        assertThat(row(model, "m1").merchant().openIssues()).isEqualTo(1);
        assertThat(row(model, "m1").merchant().moneyAtRiskCents()).isZero();
    }

    @Test
    void aMessageEitherWayIsTheLastContact() {
        MerchantsViewModel model = loaded(false);
        Instant at = NOW.plus(Duration.ofHours(2));
        stream.onMessage(7, new io.lineone.api.IssueMessage("msg-1", "i-1", "m2", io.lineone.api.MessageDirection.INBOUND,
                null, "Hangzhou Silk Co.", "在吗", null, at, null, null));
        assertThat(row(model, "m2").merchant().lastContactAt()).isNull();
        ui.frame();
        assertThat(row(model, "m2").merchant().lastContactAt()).isEqualTo(at);
        assertThat(model.text().ago(at)).isEqualTo("1 h ago");
    }

    @Test
    void aManagerLosesAMerchantMovedAwayAndGainsOneMovedIn() {
        MerchantsViewModel model = loaded(false);
        model.select(row(model, "m2"));

        merchants.accept(List.of(BookMerchants.version(BOOK.get(1), 2, "u-2", "王强"),
                BookMerchants.version(merchant("m9", "阿福小店", 80), 3, "u-1", "李娜")));

        assertThat(ids(model)).doesNotContain("m2").contains("m9");
        assertThat(model.detail().shown()).as("the moved merchant's detail closes").isNull();
    }

    @Test
    void aSupervisorMovesAMerchantAndTheRowSaysWhoseItIsNow() {
        User wang = new User("u-2", "wang.qiang", "王强", Role.MANAGER);
        backend.managers.add(wang);
        MerchantsViewModel model = loaded(true);
        connection.reportLive();
        assertThat(model.moves().canMoveProperty().get()).isTrue();
        assertThat(model.moves().targets(row(model, "m1"))).containsExactly(wang);

        model.moves().move(row(model, "m1"), wang);

        assertThat(backend.calls).contains("reassign m1 u-2");
        assertThat(row(model, "m1").merchant().assignedManagerName()).isEqualTo("王强");
        assertThat(model.moves().noticeProperty().get()).isEqualTo("杭州西湖茶叶有限公司 is now in 王强’s book.");
        assertThat(model.moves().managerLines()).contains(new BookMoves.ManagerLine(wang, 3));
    }

    @Test
    void movesWaitWhileOfflineAndTheScreenSaysAsOfWhen() {
        MerchantsViewModel model = loaded(true);
        connection.reportStreamDown(true);
        asOf.set(NOW);

        assertThat(model.moves().canMoveProperty().get()).isFalse();
        assertThat(model.moves().blockedReasonProperty().get()).isEqualTo("Moves wait until the console is back online.");
        assertThat(model.asOfTextProperty().get()).startsWith("Offline · as of ");
    }

    @Test
    void aStreamStartingAfreshReadsTheBookAgain() {
        MerchantsViewModel model = loaded(false);
        backend.withMerchants(List.of(BOOK.get(0)));
        restarted.run();
        assertThat(ids(model)).containsExactly("m1");
    }

    @Test
    void aMerchantAskedForBeforeItsPageArrivedIsShownOnceItHas() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        MerchantsViewModel model = model(executor, false, "u-1");
        model.load();
        model.show("m3");
        assertThat(model.revealProperty().get()).isNull();
        executor.runAll();
        assertThat(model.revealProperty().get().id()).isEqualTo("m3");
    }
}
