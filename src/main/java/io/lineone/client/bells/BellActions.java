package io.lineone.client.bells;

import io.lineone.api.Bell;
import io.lineone.api.BellStatus;
import io.lineone.api.Release;
import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.Messages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import io.lineone.client.net.BellAction;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableObjectValue;

/**
 * What the signed-in user may do to the selected bell. Each step is shown only to its party — acknowledge and mark
 * fixed to the release's owner, resolve and reopen to the puller or a supervisor, overrule to a supervisor — and
 * enabled only in the states it starts from, while the link is up and nothing else is being sent. The note field
 * goes with whichever step is taken (an overrule's justification is required) or as a plain comment.
 */
public final class BellActions {

    private final Backend backend;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final LiveBells live;
    private final User me;
    private final ObservableObjectValue<Bell> bell;

    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper done = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding available;

    BellActions(Backend backend, TaskExecutor executor, Messages messages, ConnectionStatus connection,
                LiveBells live, User me, ObservableObjectValue<Bell> bell) {
        this.backend = backend;
        this.executor = executor;
        this.messages = messages;
        this.errors = new ErrorMessages(messages);
        this.connection = connection;
        this.live = live;
        this.me = me;
        this.bell = bell;
        available = Bindings.createBooleanBinding(() -> !connection.streamProperty().get().behind() && !busy.get(),
                connection.streamProperty(), busy);
        bell.addListener((obs, old, now) -> {
            if (old == null || now == null || !old.id().equals(now.id())) {
                error.set("");
                done.set("");
            }
        });
    }

    // ------------------------------------------------------------------------------------------- who and when

    /** Whether {@code action} belongs to the user for this bell at all (the button shows). */
    public boolean isParty(BellAction action, Bell of) {
        if (of == null) {
            return false;
        }
        Release release = live.release(of.releaseId());
        return switch (action) {
            case ACKNOWLEDGE, FIXED -> release != null && me.id().equals(release.ownerId());
            case RESOLVE, REOPEN -> me.id().equals(of.pulledBy()) || me.role() == Role.SUPERVISOR;
            case OVERRULE -> me.role() == Role.SUPERVISOR;
        };
    }

    /** Whether the bell's state lets {@code action} start. */
    public static boolean startsFrom(BellAction action, BellStatus status) {
        return switch (action) {
            case ACKNOWLEDGE -> status == BellStatus.OPEN;
            case FIXED -> status == BellStatus.ACKNOWLEDGED;
            case RESOLVE, REOPEN -> status == BellStatus.FIXED;
            case OVERRULE -> status.blocks();
        };
    }

    /** The button of {@code action} shows. */
    public BooleanBinding shown(BellAction action) {
        return when(b -> isParty(action, b));
    }

    /** The button of {@code action} can be pressed. */
    public BooleanBinding enabled(BellAction action) {
        return Bindings.createBooleanBinding(() -> available.get() && bell.get() != null
                && isParty(action, bell.get()) && startsFrom(action, bell.get().status()), available, bell);
    }

    /** Everyone but the marketplace feed may comment. */
    public boolean mayComment() {
        return me.role() != Role.SERVICE;
    }

    public BooleanBinding canComment() {
        return Bindings.createBooleanBinding(() -> mayComment() && available.get() && bell.get() != null
                && !note.get().isBlank(), available, bell, note);
    }

    private BooleanBinding when(Predicate<Bell> test) {
        return Bindings.createBooleanBinding(() -> test.test(bell.get()), bell);
    }

    // ---------------------------------------------------------------------------------------------- commands

    public void take(BellAction action) {
        Bell target = bell.get();
        if (target == null || !available.get() || !isParty(action, target) || !startsFrom(action, target.status())) {
            return;
        }
        String text = note.get().strip();
        if (action == BellAction.OVERRULE && text.isEmpty()) {
            error.set(messages.get("bells.error.justification"));
            return;
        }
        send(() -> backend.bells().stepBell(target.id(), action, text.isEmpty() ? null : text),
                after -> messages.format("bells.done." + action.path(), after.releaseName()));
    }

    public void comment() {
        Bell target = bell.get();
        if (target == null || !mayComment() || !available.get() || note.get().isBlank()) {
            return;
        }
        String text = note.get().strip();
        send(() -> backend.bells().commentOnBell(target.id(), text), after -> messages.get("bells.done.comment"));
    }

    private void send(Callable<Bell> call, Function<Bell, String> doneText) {
        busy.set(true);
        error.set("");
        done.set("");
        executor.execute(call, after -> {
            busy.set(false);
            connection.reportSuccess();
            note.set("");
            live.put(after);
            done.set(doneText.apply(after));
        }, failure -> {
            busy.set(false);
            connection.reportFailure(failure);
            // The note stays where it was typed, to send again.
            error.set(errors.describe(failure));
        });
    }

    // -------------------------------------------------------------------------------------------- properties

    /** A step's note, an overrule's justification, or a comment; kept until sent. */
    public StringProperty noteProperty() {
        return note;
    }

    /** Why the last command failed, in full; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last command did; empty otherwise. */
    public ReadOnlyStringProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
