package io.lineone.client.bells;

import io.lineone.api.Gate;
import io.lineone.api.Release;
import io.lineone.api.ReleaseAdvance;
import io.lineone.api.ReleaseStage;
import io.lineone.api.User;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.Messages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableObjectValue;

/**
 * What a release's owner may do to it from the bells screen: widen (or narrow) the rollout, go live, or roll back.
 * While a bell blocks the gate only the steps back are offered — the line is stopped — and the server has the last
 * word either way: its refusal is shown as it gives it.
 */
public final class ReleaseActions {

    private final Backend backend;
    private final TaskExecutor executor;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final LiveBells live;
    private final User me;
    private final ObservableObjectValue<Release> release;

    private final IntegerProperty exposure = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding shown;
    private final BooleanBinding canSetExposure;
    private final BooleanBinding canGoLive;
    private final BooleanBinding canRollBack;

    ReleaseActions(Backend backend, TaskExecutor executor, Messages messages, ConnectionStatus connection,
                   LiveBells live, User me, ObservableObjectValue<Release> release) {
        this.backend = backend;
        this.executor = executor;
        this.errors = new ErrorMessages(messages);
        this.connection = connection;
        this.live = live;
        this.me = me;
        this.release = release;
        shown = Bindings.createBooleanBinding(() -> owns(release.get()), release);
        canSetExposure = ready(r -> r.stage() != ReleaseStage.LIVE
                && (exposure.get() < r.exposurePercent()
                        || exposure.get() > r.exposurePercent() && r.gate() == Gate.OPEN));
        canGoLive = ready(r -> r.stage() == ReleaseStage.ROLLING_OUT && r.gate() == Gate.OPEN);
        canRollBack = ready(r -> true);
        release.addListener((obs, old, now) -> {
            if (now != null && (old == null || !old.id().equals(now.id()) || !busy.get())) {
                exposure.set(now.exposurePercent());
            }
            if (old == null || now == null || !old.id().equals(now.id())) {
                error.set("");
            }
        });
    }

    /** The controls show to the selected release's owner, while it is not rolled back. */
    public BooleanBinding shown() {
        return shown;
    }

    private boolean owns(Release r) {
        return r != null && me.id().equals(r.ownerId()) && r.stage() != ReleaseStage.ROLLED_BACK;
    }

    /** Setting the exposure: forward only through an open gate, back at any time. */
    public BooleanBinding canSetExposure() {
        return canSetExposure;
    }

    public BooleanBinding canGoLive() {
        return canGoLive;
    }

    public BooleanBinding canRollBack() {
        return canRollBack;
    }

    /** Rolls out to the chosen exposure (from PLANNED this starts the rollout). */
    public void setExposure() {
        if (canSetExposure().get()) {
            send(new ReleaseAdvance(ReleaseStage.ROLLING_OUT, exposure.get()));
        }
    }

    public void goLive() {
        if (canGoLive().get()) {
            send(new ReleaseAdvance(ReleaseStage.LIVE, null));
        }
    }

    public void rollBack() {
        if (canRollBack().get()) {
            send(new ReleaseAdvance(ReleaseStage.ROLLED_BACK, null));
        }
    }

    private void send(ReleaseAdvance step) {
        Release target = release.get();
        busy.set(true);
        error.set("");
        executor.execute(() -> backend.bells().advanceRelease(target.id(), step), after -> {
            busy.set(false);
            connection.reportSuccess();
            live.put(after);
        }, failure -> {
            busy.set(false);
            connection.reportFailure(failure);
            error.set(errors.describe(failure));
        });
    }

    private BooleanBinding ready(Predicate<Release> allowed) {
        return Bindings.createBooleanBinding(() -> {
            Release r = release.get();
            return owns(r) && !busy.get() && !connection.streamProperty().get().behind()
                    && allowed.test(r);
        }, release, busy, exposure, connection.streamProperty());
    }

    /** The exposure the owner is about to set, 0 to 100. */
    public IntegerProperty exposureProperty() {
        return exposure;
    }

    /** Why the last step was refused, in full; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
