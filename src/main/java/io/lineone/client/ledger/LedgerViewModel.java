package io.lineone.client.ledger;

import io.lineone.api.Fix;
import io.lineone.api.Ledger;
import io.lineone.api.LedgerRow;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.fixes.FixActions;
import io.lineone.client.fixes.FixText;
import io.lineone.client.net.Backend;
import io.lineone.client.net.FixesApi.LedgerGroup;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The ledger: loss averted this week and this month, by merchant, by manager (for those who see the whole team),
 * a bar per week, and the fixes themselves with their undo state. It follows fix events: a fix applied or undone
 * anywhere moves its row at once and the totals are read again (one read at a time; events during a read ask for
 * one more). Weeks and months start where the user lives; the chart's weeks are the server's (Mondays, UTC).
 */
public final class LedgerViewModel implements AutoCloseable {

    /** Weeks on the chart, this one included. */
    static final int WEEKS = 8;
    /** Fixes in the list. */
    static final int FIXES = 200;

    private final Backend backend;
    private final TaskExecutor executor;
    private final FixActions fixes;
    private final FixText text;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final boolean wholeTeam;
    private final ZoneId zone;
    private final ObservableObjectValue<Instant> now;
    private final List<Runnable> unsubscribe = new ArrayList<>();

    private final ReadOnlyObjectWrapper<ScreenState> state = new ReadOnlyObjectWrapper<>(ScreenState.LOADING);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper weekTotal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper weekCount = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper monthTotal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper monthCount = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Long> weekCents = new ReadOnlyObjectWrapper<>(0L);
    private final ReadOnlyObjectWrapper<Long> monthCents = new ReadOnlyObjectWrapper<>(0L);
    private final ObservableList<LedgerRow> byMerchant = FXCollections.observableArrayList();
    private final ObservableList<LedgerRow> byManager = FXCollections.observableArrayList();
    private final ObservableList<WeekBar> weeks = FXCollections.observableArrayList();
    private final ObservableList<FixRow> rows = FXCollections.observableArrayList(
            row -> new Observable[] {row.fixProperty()});
    private final Map<String, FixRow> rowsById = new HashMap<>();

    private boolean reading;
    private boolean readAgain;
    private boolean closed;

    /**
     * @param wholeTeam also group by manager (supervisors and admins see every manager's fixes)
     * @param now       the session's ticking clock: undo buttons go grey when a fix's window closes
     */
    public LedgerViewModel(Backend backend, TaskExecutor executor, FixActions fixes, ConnectionStatus connection,
                           boolean wholeTeam, ZoneId zone, ObservableObjectValue<Instant> now) {
        this.backend = backend;
        this.executor = executor;
        this.fixes = fixes;
        this.text = fixes.text();
        this.errors = new ErrorMessages(text.messages());
        this.connection = connection;
        this.wholeTeam = wholeTeam;
        this.zone = zone;
        this.now = now;
        unsubscribe.add(fixes.feed().onFixes(this::fixesChanged));
        unsubscribe.add(fixes.feed().onReopen(this::load));
    }

    /** Reads everything; while a read is under way, another is asked for once it ends. */
    public void load() {
        if (closed) {
            return;
        }
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        if (state.get() != ScreenState.READY && state.get() != ScreenState.EMPTY) {
            state.set(ScreenState.LOADING);
        }
        Instant at = now.get() == null ? Instant.now() : now.get();
        executor.execute(() -> read(at), snapshot -> {
            reading = false;
            if (closed) {
                return;
            }
            connection.reportSuccess();
            error.set("");
            show(snapshot);
            againIfAsked();
        }, failure -> {
            reading = false;
            if (closed) {
                return;
            }
            connection.reportFailure(failure);
            error.set(errors.describe(failure));
            if (state.get() == ScreenState.LOADING) {
                state.set(ScreenState.ERROR);
            }
            againIfAsked();
        });
    }

    private void againIfAsked() {
        if (readAgain) {
            readAgain = false;
            load();
        }
    }

    private LedgerSnapshot read(Instant at) throws Exception {
        LocalDate today = at.atZone(zone).toLocalDate();
        Instant weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone)
                .toInstant();
        Instant monthStart = today.withDayOfMonth(1).atStartOfDay(zone).toInstant();
        // An end a little ahead of now: a fix applied this very second is in.
        Instant end = at.plusSeconds(3600);
        Ledger week = backend.fixes().ledger(weekStart, end, LedgerGroup.MERCHANT);
        Ledger month = backend.fixes().ledger(monthStart, end, LedgerGroup.MERCHANT);
        Ledger managers = wholeTeam ? backend.fixes().ledger(monthStart, end, LedgerGroup.MANAGER) : null;
        LocalDate firstMonday = at.atZone(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1L);
        Ledger byWeek = backend.fixes().ledger(firstMonday.atStartOfDay(ZoneOffset.UTC).toInstant(), end, LedgerGroup.WEEK);
        List<Fix> recent = backend.fixes().fixes(null, null, null, FIXES).items();
        return new LedgerSnapshot(week, month, managers, byWeek, recent);
    }

    private void show(LedgerSnapshot snapshot) {
        weekCents.set(snapshot.week().totalCents());
        monthCents.set(snapshot.month().totalCents());
        weekTotal.set(text.money(snapshot.week().totalCents()));
        weekCount.set(text.messages().format("ledger.fixCount", snapshot.week().fixCount()));
        monthTotal.set(text.money(snapshot.month().totalCents()));
        monthCount.set(text.messages().format("ledger.fixCount", snapshot.month().fixCount()));
        byMerchant.setAll(snapshot.month().rows());
        byManager.setAll(snapshot.byManager() == null ? List.of() : snapshot.byManager().rows());
        weeks.setAll(bars(snapshot.weeks()));
        List<FixRow> listed = new ArrayList<>();
        for (Fix fix : snapshot.fixes()) {
            FixRow row = rowsById.get(fix.id());
            if (row == null) {
                row = new FixRow(fix);
                rowsById.put(fix.id(), row);
            } else {
                row.update(fix);
            }
            listed.add(row);
        }
        rowsById.keySet().retainAll(listed.stream().map(FixRow::id).toList());
        rows.setAll(listed);
        boolean nothing = listed.isEmpty() && snapshot.month().totalCents() == 0
                && snapshot.weeks().totalCents() == 0;
        state.set(nothing ? ScreenState.EMPTY : ScreenState.READY);
    }

    /** Every week of the chart, those without fixes at zero. */
    private List<WeekBar> bars(Ledger byWeek) {
        Map<String, Long> cents = new HashMap<>();
        for (LedgerRow row : byWeek.rows()) {
            cents.put(row.key(), row.lossAvertedCents());
        }
        LocalDate first = byWeek.from().atZone(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<WeekBar> bars = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            LocalDate monday = first.plusWeeks(i);
            bars.add(new WeekBar(monday, text.messages().format("ledger.chart.week", monday.getMonthValue(),
                    monday.getDayOfMonth()), cents.getOrDefault(monday.toString(), 0L)));
        }
        return bars;
    }

    /** Fix events (and this console's own answers): rows move at once, the totals are read again. */
    private void fixesChanged(Collection<Fix> changed) {
        for (Fix fix : changed) {
            FixRow row = rowsById.get(fix.id());
            if (row == null) {
                row = new FixRow(fix);
                rowsById.put(fix.id(), row);
                rows.add(0, row);
            } else {
                row.update(fix);
            }
        }
        if (state.get() == ScreenState.EMPTY && !rows.isEmpty()) {
            state.set(ScreenState.READY);
        }
        load();
    }

    /** The row's Undo. */
    public void undo(FixRow row) {
        if (row != null && canUndo(row.fix())) {
            fixes.undo(row.fix());
        }
    }

    /** Whether a fix's Undo button is enabled now. */
    public boolean canUndo(Fix fix) {
        return fixes.canUndo(fix);
    }

    /** "Applied · undo until 12-07 06:10", "Undone 12-06 08:00" or "Final". */
    public String undoState(Fix fix) {
        return text.undoState(fix, now.get() == null ? Instant.now() : now.get());
    }

    public FixText text() {
        return text;
    }

    /** Whether the by-manager table is shown. */
    public boolean showsManagers() {
        return wholeTeam;
    }

    public ReadOnlyObjectProperty<ScreenState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why the last read failed; empty otherwise (shown as a line while older numbers stay). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty weekTotalProperty() {
        return weekTotal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty weekCountProperty() {
        return weekCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty monthTotalProperty() {
        return monthTotal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty monthCountProperty() {
        return monthCount.getReadOnlyProperty();
    }

    /** This week's loss averted in fen, for tests and the chart's scale. */
    public ReadOnlyObjectProperty<Long> weekCentsProperty() {
        return weekCents.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Long> monthCentsProperty() {
        return monthCents.getReadOnlyProperty();
    }

    /** This month by merchant, largest first as the server orders them. */
    public ObservableList<LedgerRow> byMerchant() {
        return byMerchant;
    }

    /** This month by manager; empty unless {@link #showsManagers()}. */
    public ObservableList<LedgerRow> byManager() {
        return byManager;
    }

    public ObservableList<WeekBar> weeks() {
        return weeks;
    }

    /** The fixes, newest first. */
    public ObservableList<FixRow> fixes() {
        return rows;
    }

    /** Fixes can be undone now (the live feed is up). */
    public BooleanBinding availableProperty() {
        return fixes.availableProperty();
    }

    /** Why Undo is disabled; empty while it is not. */
    public StringBinding unavailableReasonProperty() {
        return fixes.unavailableReasonProperty();
    }

    public ObservableObjectValue<Instant> nowProperty() {
        return now;
    }

    @Override
    public void close() {
        closed = true;
        unsubscribe.forEach(Runnable::run);
    }
}
