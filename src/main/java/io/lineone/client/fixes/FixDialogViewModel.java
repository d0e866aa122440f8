package io.lineone.client.fixes;

import io.lineone.api.Fix;
import io.lineone.api.FixKind;
import io.lineone.api.FixPreview;
import io.lineone.api.FixRequest;
import io.lineone.api.NewFix;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import io.lineone.client.net.BackendException;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The one-click fix dialog: it reads the preview (what changes, before → after, and the money it saves), sends the
 * fix on confirm and closes with a toast that offers Undo. The {@code Idempotency-Key} is made once per confirmed
 * preview, so a send that failed on the way is retried with the same key and applies nothing twice. A target that
 * changed since the preview (412) is previewed afresh and shown with "changed since you looked"; a fix the user may
 * not make (404: another manager's merchant, or gone) says so. Offline, confirm is disabled with the reason.
 */
public final class FixDialogViewModel {

    /** Where the dialog is. */
    public enum Phase {
        /** Reading the preview. */
        LOADING,
        /** The preview is on show; Enter confirms. */
        READY,
        /** The fix is on its way. */
        SENDING,
        /** No preview to show: {@link #errorProperty()} says why. */
        FAILED
    }

    private final Backend backend;
    private final TaskExecutor executor;
    private final FixText text;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final FixActions actions;
    private final Supplier<String> keys;

    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.LOADING);
    private final ReadOnlyObjectWrapper<FixPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saves = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<FixText.Change> changes = FXCollections.observableArrayList();
    private final BooleanBinding canConfirm;

    private FixRequest request;
    /** The preview the key below was made for; a new preview needs a new key, a retry of the same one reuses it. */
    private FixPreview keyedPreview;
    private String key;
    private int generation;

    public FixDialogViewModel(Backend backend, TaskExecutor executor, ConnectionStatus connection, FixActions actions) {
        this(backend, executor, connection, actions, () -> UUID.randomUUID().toString());
    }

    /** @param keys makes a new {@code Idempotency-Key} */
    public FixDialogViewModel(Backend backend, TaskExecutor executor, ConnectionStatus connection, FixActions actions,
                              Supplier<String> keys) {
        this.backend = backend;
        this.executor = executor;
        this.text = actions.text();
        this.errors = new ErrorMessages(text.messages());
        this.connection = connection;
        this.actions = actions;
        this.keys = keys;
        canConfirm = Bindings.createBooleanBinding(() -> phase.get() == Phase.READY && preview.get() != null
                && actions.availableProperty().get(), phase, preview, actions.availableProperty());
    }

    /**
     * Opens the dialog on a fix and reads its preview.
     *
     * @param targetTitle what the fix is about (a listing's title), shown while the preview is read
     */
    public void open(FixKind kind, String targetId, String issueId, String targetTitle) {
        request = new FixRequest(kind, targetId, issueId);
        keyedPreview = null;
        key = null;
        open.set(true);
        title.set(text.kind(kind));
        subject.set(targetTitle == null ? "" : targetTitle);
        notice.set("");
        show(null);
        if (!actions.availableProperty().get()) {
            // Nothing is read or queued offline: the dialog says why and waits for Esc.
            error.set(actions.unavailableReasonProperty().get());
            phase.set(Phase.FAILED);
            return;
        }
        readPreview(false);
    }

    private void readPreview(boolean stale) {
        int mine = ++generation;
        error.set("");
        phase.set(Phase.LOADING);
        FixRequest asked = request;
        executor.execute(() -> backend.fixes().previewFix(asked), fresh -> {
            if (mine != generation) {
                return;
            }
            connection.reportSuccess();
            show(fresh);
            notice.set(stale ? text.messages().get("fixes.dialog.stale") : "");
            phase.set(Phase.READY);
        }, failure -> {
            if (mine != generation) {
                return;
            }
            connection.reportFailure(failure);
            show(null);
            error.set(describe(failure));
            phase.set(Phase.FAILED);
        });
    }

    private void show(FixPreview shown) {
        preview.set(shown);
        if (shown == null) {
            changes.clear();
            saves.set("");
            return;
        }
        changes.setAll(text.changes(shown.before(), shown.after()));
        saves.set(text.saves(shown.lossAvertedCents()));
    }

    /** Enter: sends the fix shown, with the key made for this preview (the same one again on a retry). */
    public void confirm() {
        if (!canConfirm.get()) {
            if (open.get() && !actions.availableProperty().get()) {
                error.set(actions.unavailableReasonProperty().get());
            }
            return;
        }
        FixPreview confirmed = preview.get();
        if (keyedPreview != confirmed) {
            keyedPreview = confirmed;
            key = keys.get();
        }
        String sentKey = key;
        int mine = ++generation;
        error.set("");
        phase.set(Phase.SENDING);
        NewFix body = new NewFix(confirmed.kind(), confirmed.targetId(), confirmed.issueId(), confirmed.targetVersion());
        executor.execute(() -> backend.fixes().applyFix(body, sentKey), applied -> {
            if (mine != generation) {
                // Closed while sending: the fix still happened, and the toast still offers its undo.
                actions.applied(applied);
                return;
            }
            close();
            actions.applied(applied);
        }, failure -> {
            if (mine != generation) {
                return;
            }
            connection.reportFailure(failure);
            if (failure instanceof BackendException e && e.kind() == BackendException.Kind.STALE) {
                // Someone changed the target since: show what it is now, to be confirmed anew (with a new key).
                readPreview(true);
            } else if (failure instanceof BackendException e && e.status() == 404) {
                show(null);
                error.set(describe(failure));
                phase.set(Phase.FAILED);
            } else {
                // Kept as it was: Enter sends again, with the same key.
                error.set(describe(failure));
                phase.set(Phase.READY);
            }
        });
    }

    private String describe(Exception failure) {
        if (failure instanceof BackendException e && e.status() == 404) {
            return text.messages().get("fixes.dialog.notFound");
        }
        return errors.describe(failure);
    }

    /** Esc: closes without sending. A fix already on its way still lands and is toasted. */
    public void cancel() {
        close();
    }

    private void close() {
        if (phase.get() != Phase.SENDING) {
            // A preview still being read is of no use any more; a fix being sent keeps its answer coming.
            generation++;
        }
        open.set(false);
        phase.set(Phase.LOADING);
        error.set("");
        notice.set("");
    }

    /** The key the next confirm of this preview sends; null before the first confirm. For tests and logs. */
    String idempotencyKey() {
        return key;
    }

    public FixText text() {
        return text;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FixPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The fix's name: "Delist the listing". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What it is about: the listing's title. */
    public ReadOnlyStringProperty subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    /** "Saves ¥1,234.56"; empty without a preview. */
    public ReadOnlyStringProperty savesProperty() {
        return saves.getReadOnlyProperty();
    }

    /** "Changed since you looked — this is how it is now"; empty otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The changed fields, before → after, in words. */
    public ObservableList<FixText.Change> changes() {
        return changes;
    }

    public BooleanBinding canConfirmProperty() {
        return canConfirm;
    }

    /** Why confirm is disabled while offline; empty otherwise. */
    public StringBinding unavailableReasonProperty() {
        return actions.unavailableReasonProperty();
    }
}
