package io.lineone.client.queue;

import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.BackendException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One of the drawer's text boxes (the reply, the note): its draft, kept per issue while the user moves between
 * issues, and sending it. A draft stays until the server took it; sent again after an answer that never came, it
 * goes with the same {@code Idempotency-Key}, so the server keeps it once.
 *
 * @param <T> what the server answers with
 */
final class DraftSender<T> {

    /** Where each issue's unsent text is kept. */
    interface Drafts {
        String get(String issueId);

        void keep(String issueId, String text);

        static Drafts of(Function<String, String> get, BiConsumer<String, String> keep) {
            return new Drafts() {
                @Override
                public String get(String issueId) {
                    return get.apply(issueId);
                }

                @Override
                public void keep(String issueId, String text) {
                    keep.accept(issueId, text);
                }
            };
        }
    }

    /** The call that sends a text, with its key. */
    @FunctionalInterface
    interface Send<T> {
        T send(String issueId, String body, String idempotencyKey) throws BackendException;
    }

    private final TaskExecutor executor;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final Drafts drafts;
    private final StringProperty draft = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final StringBinding hint;
    private final BooleanBinding canSend;
    /** The last text sent to each issue without an answer, with its key. */
    private final Map<String, Attempt> tried = new HashMap<>();
    private String issueId;

    /**
     * @param hint why the typed text may not be sent now (empty when it may)
     * @param hintDependsOn what else the hint reads
     */
    DraftSender(TaskExecutor executor, ErrorMessages errors, ConnectionStatus connection, Drafts drafts,
                Function<String, String> hint, Observable hintDependsOn) {
        this.executor = executor;
        this.errors = errors;
        this.connection = connection;
        this.drafts = drafts;
        this.hint = Bindings.createStringBinding(() -> hint.apply(draft.get()), draft, hintDependsOn);
        this.canSend = Bindings.createBooleanBinding(() -> this.hint.get().isEmpty() && !draft.get().isBlank()
                && !busy.get(), this.hint, draft, busy);
        draft.addListener((obs, old, now) -> {
            if (issueId != null) {
                drafts.keep(issueId, now);
            }
        });
    }

    /** Shows the draft of another issue (null: none); the error of the last one goes. */
    void show(String id) {
        issueId = id;
        error.set("");
        // Set after issueId moved on, so the listener files the draft under its own issue.
        draft.set(id == null ? "" : drafts.get(id));
    }

    /**
     * Sends the draft when it may be sent.
     *
     * @param with what else the server is told with it (a saved reply's id): a changed one is another request
     * @param sent told of the server's answer while its issue is still shown
     */
    void send(String with, Send<T> call, Consumer<T> sent) {
        if (!canSend.get() || issueId == null) {
            return;
        }
        String to = issueId;
        String body = draft.get().strip();
        Attempt attempt = Attempt.of(tried, to, body + "\n" + with);
        busy.set(true);
        error.set("");
        executor.execute(() -> call.send(to, body, attempt.key()), answer -> {
            busy.set(false);
            tried.remove(to, attempt);
            connection.reportSuccess();
            // Sent: that draft is done, unless more was typed into it meanwhile.
            if (drafts.get(to).strip().equals(body)) {
                drafts.keep(to, "");
                if (to.equals(issueId)) {
                    draft.set("");
                }
            }
            if (to.equals(issueId)) {
                sent.accept(answer);
            }
        }, failure -> {
            busy.set(false);
            connection.reportFailure(failure);
            if (to.equals(issueId)) {
                error.set(errors.describe(failure));
            }
        });
    }

    private record Attempt(String body, String key) {

        /** The issue's last unanswered attempt if it sent this body, else a new one with a new key. */
        static Attempt of(Map<String, Attempt> tried, String issueId, String body) {
            Attempt last = tried.get(issueId);
            Attempt attempt = last != null && last.body().equals(body) ? last
                    : new Attempt(body, UUID.randomUUID().toString());
            tried.put(issueId, attempt);
            return attempt;
        }
    }

    StringProperty draftProperty() {
        return draft;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last send failed (the draft is kept); empty otherwise. */
    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    StringBinding hintProperty() {
        return hint;
    }

    BooleanBinding canSendProperty() {
        return canSend;
    }
}
