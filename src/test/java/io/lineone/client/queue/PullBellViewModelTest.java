package io.lineone.client.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Bell;
import io.lineone.api.BellSeverity;
import io.lineone.api.BellStatus;
import io.lineone.api.Gate;
import io.lineone.api.Issue;
import io.lineone.api.Release;
import io.lineone.api.ReleaseStage;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.Messages;
import io.lineone.client.net.Bells;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Issues;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PullBellViewModelTest {

    private static final String REASON = "Coupons stack below cost for KA shops since 14:00";

    private final FakeBackend backend = new FakeBackend();
    private final ConnectionStatus connection = new ConnectionStatus();
    private final List<String> notices = new ArrayList<>();
    private final List<Bell> pulled = new ArrayList<>();
    private final Release coupons = Bells.release("rel-1", "满减券叠加规则改版", "u-po", Gate.OPEN);
    private final Release search = Bells.release("rel-2", "搜索排序", "u-po", Gate.OPEN);
    private final Release gone = Bells.withStage(Bells.release("rel-3", "旧版详情页", "u-po", Gate.OPEN),
            ReleaseStage.ROLLED_BACK);
    private PullBellViewModel dialog;

    private final Issue tea = Issues.issue("iss-1").merchant("m-1", "西湖茶叶").money(12_000_00).build();
    private final Issue silk = Issues.issue("iss-2").merchant("m-2", "丝路").money(3_000_00).release("rel-2").build();
    private final Issue teaAgain = Issues.issue("iss-3").merchant("m-1", "西湖茶叶").money(50).build();

    @BeforeEach
    void setUp() {
        List.of(coupons, search, gone).forEach(r -> backend.releases.put(r.id(), r));
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        dialog = new PullBellViewModel(backend, new CurrentThreadTaskExecutor(), messages, connection,
                new IssueText(messages, ZoneOffset.UTC, FakeBackend.USER.id()),
                () -> List.copyOf(backend.releases.values()), pulled::add, notices::add);
        connection.reportLive();
    }

    @Test
    void theEvidenceAndItsImpactArePrefilledAndTheReleaseTheIssuesNameIsChosen() {
        dialog.begin(List.of(tea, silk, teaAgain));

        assertThat(dialog.openProperty().get()).isTrue();
        assertThat(dialog.evidence()).containsExactly(tea, silk, teaAgain);
        assertThat(dialog.impactProperty().get()).isEqualTo("3 issues · 2 merchants · ¥15,000.50 at risk");
        assertThat(dialog.releaseChoices()).as("a rolled back release cannot be stopped").containsExactly(coupons, search);
        assertThat(dialog.releaseProperty().get()).isEqualTo(search);
        assertThat(dialog.severityProperty().get()).isEqualTo(BellSeverity.BLOCKER);
    }

    @Test
    void aShortReasonSaysWhatIsMissingAsItIsTypedAndCannotBeSent() {
        dialog.begin(List.of(tea));
        dialog.releaseProperty().set(coupons);

        dialog.reasonProperty().set("too short");
        assertThat(dialog.reasonHintProperty().get()).isEqualTo("Say what is wrong in at least 20 characters (11 more).");
        assertThat(dialog.canSendProperty().get()).isFalse();
        dialog.send();
        assertThat(backend.pullKeys).isEmpty();
        assertThat(dialog.errorProperty().get()).contains("11 more");

        dialog.reasonProperty().set(REASON);
        assertThat(dialog.reasonHintProperty().get()).isEmpty();
        assertThat(dialog.canSendProperty().get()).isTrue();
    }

    @Test
    void theDraftSurvivesClosingAndAFailedSendIsRetriedWithTheSameKey() {
        dialog.begin(List.of(tea, silk));
        dialog.releaseProperty().set(coupons);
        dialog.reasonProperty().set(REASON);
        dialog.cancel();
        dialog.begin(List.of(tea, silk));
        assertThat(dialog.reasonProperty().get()).as("kept after closing").isEqualTo(REASON);
        assertThat(dialog.releaseProperty().get()).isEqualTo(search);
        dialog.releaseProperty().set(coupons);

        backend.failNext(FakeBackend.unreachable());
        dialog.send();
        assertThat(dialog.errorProperty().get()).startsWith("Cannot reach the server");
        assertThat(dialog.openProperty().get()).isTrue();
        assertThat(dialog.reasonProperty().get()).isEqualTo(REASON);

        dialog.send();
        assertThat(backend.pullKeys).hasSize(2);
        assertThat(backend.pullKeys.get(1)).as("a retry of the same draft").isEqualTo(backend.pullKeys.get(0));
        assertThat(pulled).extracting(Bell::releaseId).containsExactly("rel-1");
        assertThat(notices).containsExactly("Bell pulled on 满减券叠加规则改版: ¥0.00 at risk. The owner has been told.");
        assertThat(dialog.openProperty().get()).isFalse();
        assertThat(dialog.reasonProperty().get()).as("a sent draft is done").isEmpty();
    }

    @Test
    void aChangedDraftIsANewPullWithANewKey() {
        dialog.begin(List.of(tea));
        dialog.releaseProperty().set(coupons);
        dialog.reasonProperty().set(REASON);
        backend.failNext(FakeBackend.status(503));
        dialog.send();
        dialog.severityProperty().set(BellSeverity.MAJOR);
        dialog.send();

        assertThat(backend.pullKeys).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void offlineNothingIsSentAndWithoutASelectionTheQueueSaysWhy() {
        dialog.begin(List.of());
        assertThat(dialog.openProperty().get()).isFalse();
        assertThat(notices).containsExactly("Select the issues that show the problem first, then pull the bell.");

        dialog.begin(List.of(tea));
        dialog.releaseProperty().set(coupons);
        dialog.reasonProperty().set(REASON);
        connection.reportStreamDown(true);
        assertThat(dialog.canSendProperty().get()).isFalse();
        dialog.send();
        assertThat(backend.pullKeys).as("never queued silently").isEmpty();
    }

    @Test
    void evidenceForAReleaseAlreadyStoppedJoinsItsOpenBellInsteadOfPullingASecond() {
        backend.bells.put("b-old", Bells.step(Bells.bell("b-old", "rel-1", "u-x", BellStatus.OPEN),
                BellStatus.RESOLVED, null, false));
        backend.bells.put("b-open", Bells.bell("b-open", "rel-1", "u-x", BellStatus.ACKNOWLEDGED));
        backend.bells.put("b-elsewhere", Bells.bell("b-elsewhere", "rel-2", "u-x", BellStatus.OPEN));
        dialog.begin(List.of(tea));
        assertThat(dialog.openBellProperty().get()).as("rel-2 is named by no selected issue").isNull();

        dialog.releaseProperty().set(search);
        assertThat(dialog.openBellProperty().get().id()).isEqualTo("b-elsewhere");
        dialog.releaseProperty().set(coupons);
        assertThat(dialog.openBellProperty().get().id()).as("the one still blocking").isEqualTo("b-open");
        assertThat(dialog.canJoinProperty().get()).as("no reason needed to add evidence").isTrue();

        backend.failNext(FakeBackend.unreachable());
        dialog.join();
        assertThat(dialog.errorProperty().get()).startsWith("Cannot reach the server");
        assertThat(dialog.openProperty().get()).isTrue();

        dialog.join();
        assertThat(backend.calls).contains("evidence b-open [iss-1]");
        assertThat(backend.pullKeys).as("no second bell").isEmpty();
        assertThat(pulled).extracting(Bell::id).containsExactly("b-open");
        assertThat(notices).containsExactly("1 issue added to the bell on 满减券叠加规则改版: ¥12,000.00 at risk now.");
        assertThat(dialog.openProperty().get()).isFalse();
    }

    @Test
    void aReleaseWithNoBellOffersNothingToJoinEvenWhenReadFails() {
        backend.failNext(FakeBackend.unreachable());
        dialog.begin(List.of(tea));
        dialog.releaseProperty().set(coupons);
        assertThat(dialog.openBellProperty().get()).isNull();
        assertThat(dialog.canJoinProperty().get()).isFalse();
        dialog.join();
        assertThat(backend.calls).noneMatch(c -> c.startsWith("evidence"));
    }
}
