package io.lineone.client.merchants;

import io.lineone.api.User;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.Messages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A supervisor's side of the book: every manager (for the filter, the side panel's counts and the move menu) and
 * moving a merchant into another manager's book. The moved merchant is applied from the answer at once; the
 * session's events then carry the same change to every other console.
 */
public final class BookMoves {

    /** One manager in the side panel, with how many merchants of the book are theirs. */
    public record ManagerLine(User manager, int merchants) {
    }

    private final Backend backend;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final MerchantBook book;
    private final LiveBook live;
    private final boolean wholeTeam;
    private final ObservableList<User> managers = FXCollections.observableArrayList();
    private final ObservableList<ManagerLine> managerLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final BooleanBinding canMove;
    private final StringBinding blockedReason;

    /** @param provisional whether the rows are still the last session's (a move then waits for the server's) */
    BookMoves(Backend backend, TaskExecutor executor, Messages messages, ConnectionStatus connection, MerchantBook book,
              LiveBook live, boolean wholeTeam, ObservableBooleanValue provisional) {
        this.backend = backend;
        this.executor = executor;
        this.messages = messages;
        this.errors = new ErrorMessages(messages);
        this.connection = connection;
        this.book = book;
        this.live = live;
        this.wholeTeam = wholeTeam;
        canMove = Bindings.createBooleanBinding(() -> wholeTeam && !connection.streamProperty().get().behind()
                && !provisional.get(), connection.streamProperty(), provisional);
        blockedReason = Bindings.createStringBinding(() -> provisional.get() ? messages.get("startup.snapshot.waiting")
                : connection.streamProperty().get().behind() ? messages.get("merchants.move.offline") : "",
                connection.streamProperty(), provisional);
    }

    /** Reads the managers (a supervisor's book only); {@code current} says whether the answer is still wanted. */
    void loadManagers(BooleanSupplier current) {
        notice.set("");
        if (!wholeTeam) {
            return;
        }
        executor.execute(() -> backend.issues().managers(), list -> {
            if (current.getAsBoolean()) {
                managers.setAll(list);
                refreshCounts();
            }
        }, connection::reportFailure);
    }

    /** Counts each manager's merchants again (after the book is all in, or changed). */
    void refreshCounts() {
        if (!wholeTeam) {
            return;
        }
        Map<String, Integer> counts = book.countByManager();
        List<ManagerLine> lines = new ArrayList<>();
        for (User one : managers) {
            lines.add(new ManagerLine(one, counts.getOrDefault(one.id(), 0)));
        }
        if (!lines.equals(managerLines)) {
            managerLines.setAll(lines);
        }
    }

    /** Moves a merchant to another manager's book (a supervisor's menu or drag); the rows follow live. */
    public void move(MerchantRow row, User to) {
        if (row == null || to == null || !canMove.get() || to.id().equals(row.merchant().assignedManagerId())) {
            return;
        }
        String name = row.merchant().name();
        notice.set(messages.format("merchants.move.moving", name, to.displayName()));
        executor.execute(() -> backend.merchants().reassign(row.id(), to.id()), moved -> {
            connection.reportSuccess();
            live.merchants(List.of(moved));
            notice.set(messages.format("merchants.move.done", name, to.displayName()));
        }, failure -> {
            connection.reportFailure(failure);
            notice.set(messages.format("merchants.move.failed", name, errors.describe(failure)));
        });
    }

    /** Moves the merchant with this id (a dropped row) to {@code to}. */
    public void move(String merchantId, User to) {
        move(book.find(merchantId), to);
    }

    /** The managers a merchant may be moved to: every manager but its own. */
    public List<User> targets(MerchantRow row) {
        String current = row == null ? null : row.merchant().assignedManagerId();
        return managers.stream().filter(u -> !u.id().equals(current))
                .sorted(Comparator.comparing(User::displayName, MerchantRow.collator())).toList();
    }

    /** Every manager, for the filter and the moves. */
    public ObservableList<User> managers() {
        return managers;
    }

    public ObservableList<ManagerLine> managerLines() {
        return managerLines;
    }

    /** What the last move did; empty before any. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public BooleanBinding canMoveProperty() {
        return canMove;
    }

    /** Why moves are off (offline); empty while they are possible. */
    public StringBinding blockedReasonProperty() {
        return blockedReason;
    }
}
