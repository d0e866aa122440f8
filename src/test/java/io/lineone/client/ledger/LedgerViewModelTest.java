package io.lineone.client.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Fix;
import io.lineone.api.FixKind;
import io.lineone.api.FixStatus;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.ScreenState;
import io.lineone.client.fixes.FixSession;
import io.lineone.client.net.Bells;
import io.lineone.client.net.FakeBackend;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class LedgerViewModelTest {

    private final FixSession session = new FixSession();
    private final SimpleObjectProperty<Instant> now = new SimpleObjectProperty<>(Bells.T0.plusSeconds(120));

    private LedgerViewModel ledger(boolean wholeTeam, FixSession on) {
        return new LedgerViewModel(on.backend, new CurrentThreadTaskExecutor(), on.actions, on.connection, wholeTeam,
                ZoneOffset.UTC, now);
    }

    private Fix applyOne(FixSession on) {
        on.dialog.open(FixKind.DELIST_LISTING, "l-1", "i-1", "Tea set 茶具");
        on.dialog.confirm();
        return on.applied.get(on.applied.size() - 1);
    }

    @Test
    void withoutFixesTheLedgerIsEmpty() {
        LedgerViewModel ledger = ledger(false, session);
        ledger.load();

        assertThat(ledger.stateProperty().get()).isEqualTo(ScreenState.EMPTY);
        assertThat(ledger.weekTotalProperty().get()).isEqualTo("¥0.00");
        assertThat(ledger.weekCountProperty().get()).isEqualTo("no fixes");
        assertThat(ledger.weeks()).hasSize(LedgerViewModel.WEEKS);
    }

    @Test
    void totalsGroupingsAndTheFixesWithTheirUndoState() {
        applyOne(session);
        LedgerViewModel ledger = ledger(false, session);
        ledger.load();

        assertThat(ledger.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(ledger.weekTotalProperty().get()).isEqualTo("¥1,234.56");
        assertThat(ledger.weekCountProperty().get()).isEqualTo("1 fix");
        assertThat(ledger.monthTotalProperty().get()).isEqualTo("¥1,234.56");
        assertThat(ledger.byMerchant()).singleElement().satisfies(row -> {
            assertThat(row.label()).isEqualTo("张记茶庄");
            assertThat(row.lossAvertedCents()).isEqualTo(1_234_56);
        });
        assertThat(ledger.showsManagers()).isFalse();
        assertThat(ledger.byManager()).isEmpty();
        assertThat(session.backend.calls).doesNotContain("ledger manager");
        assertThat(ledger.fixes()).singleElement().satisfies(row -> {
            assertThat(ledger.undoState(row.fix())).isEqualTo("Undo until Nov 24 06:00");
            assertThat(ledger.canUndo(row.fix())).isTrue();
        });
    }

    @Test
    void aSupervisorAlsoSeesTheTotalsByManager() {
        applyOne(session);
        LedgerViewModel ledger = ledger(true, session);
        ledger.load();

        assertThat(ledger.byManager()).singleElement().satisfies(row -> assertThat(row.label()).isEqualTo("李娜"));
    }

    @Test
    void aFixEventAddsItsRowAndTheTotalsMoveBothWaysWithUndo() {
        LedgerViewModel ledger = ledger(false, session);
        ledger.load();

        Fix fix = applyOne(session);
        assertThat(ledger.fixes()).extracting(FixRow::id).containsExactly(fix.id());
        assertThat(ledger.weekTotalProperty().get()).isEqualTo("¥1,234.56");
        assertThat(ledger.stateProperty().get()).isEqualTo(ScreenState.READY);

        ledger.undo(ledger.fixes().get(0));

        assertThat(ledger.fixes().get(0).fix().status()).isEqualTo(FixStatus.UNDONE);
        assertThat(ledger.undoState(ledger.fixes().get(0).fix())).isEqualTo("Undone Nov 23 06:01");
        assertThat(ledger.canUndo(ledger.fixes().get(0).fix())).isFalse();
        assertThat(ledger.weekTotalProperty().get()).isEqualTo("¥0.00");
    }

    @Test
    void eventsFromTheStreamAreTakenOncePerFrame() {
        LedgerViewModel ledger = ledger(false, session);
        ledger.load();
        Fix fix = applyOne(session);
        int reads = (int) session.backend.calls.stream().filter(c -> c.equals("fixes")).count();
        var listener = session.feed.listener();
        for (int i = 0; i < 5; i++) {
            listener.onFix(i, "fix.applied", fix);
        }
        assertThat(session.backend.calls.stream().filter(c -> c.equals("fixes")).count()).isEqualTo(reads);

        session.ui.frame();

        assertThat(session.backend.calls.stream().filter(c -> c.equals("fixes")).count()).isEqualTo(reads + 1);
        assertThat(ledger.fixes()).hasSize(1);
    }

    @Test
    void aFirstReadThatFailsSaysWhyAndOfflineUndoIsDisabledWithAReason() {
        LedgerViewModel ledger = ledger(false, session);
        session.backend.failNext(FakeBackend.unreachable());
        ledger.load();
        assertThat(ledger.stateProperty().get()).isEqualTo(ScreenState.ERROR);
        assertThat(ledger.errorProperty().get()).contains("Cannot reach");

        applyOne(session);
        ledger.load();
        session.connection.reportStreamDown(true);
        assertThat(ledger.canUndo(ledger.fixes().get(0).fix())).isFalse();
        assertThat(ledger.unavailableReasonProperty().get()).startsWith("Offline");
    }

    @Test
    void chineseTotalsAndCounts() {
        FixSession chinese = new FixSession(Locale.SIMPLIFIED_CHINESE);
        applyOne(chinese);
        LedgerViewModel ledger = ledger(false, chinese);
        ledger.load();

        assertThat(ledger.weekTotalProperty().get()).isEqualTo("¥1,234.56");
        assertThat(ledger.weekCountProperty().get()).isEqualTo("1 次修复");
        assertThat(ledger.undoState(ledger.fixes().get(0).fix())).isEqualTo("11月24日 06:00 前可撤销");
    }
}
