package io.lineone.client.queue;

import io.lineone.api.Bell;
import io.lineone.api.BellSeverity;
import io.lineone.api.Issue;
import io.lineone.api.NewBell;
import io.lineone.api.Release;
import io.lineone.api.ReleaseStage;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.Messages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pull-the-bell dialog opened on the queue's selected issues: the evidence, a release (the one the issues
 * name, if any), a severity, a reason of at least {@link #MIN_REASON} characters checked as it is typed, and the
 * impact the server will compute, shown before sending. The draft outlives closing the dialog and a failed send;
 * a retry of the same draft sends the same {@code Idempotency-Key}, so a send that did arrive is not pulled twice.
 */
public final class PullBellViewModel {

    /** The server's minimum, checked here first so the user hears it while typing. */
    public static final int MIN_REASON = 20;

    /** A release rarely has more than a few bells at once; the newest blocking one is among these. */
    private static final int OPEN_BELLS_READ = 50;

    /** What was last sent, and under which key: the same body again is a retry. */
    private record Sent(String releaseId, NewBell body, String key) {
    }

    private final Backend backend;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final IssueText text;
    private final Supplier<List<Release>> releases;
    private final Consumer<Bell> pulled;
    private final Consumer<String> notice;

    private final ObservableList<Issue> evidence = FXCollections.observableArrayList();
    private final ObservableList<Release> releaseChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Release> release = new SimpleObjectProperty<>();
    private final ObjectProperty<BellSeverity> severity = new SimpleObjectProperty<>(BellSeverity.BLOCKER);
    private final StringProperty reason = new SimpleStringProperty("");
    private final BooleanProperty open = new SimpleBooleanProperty();
    private final BooleanProperty sending = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Bell> openBell = new ReadOnlyObjectWrapper<>();
    private int openBellGeneration;
    private final StringBinding reasonHint;
    private final StringBinding impact;
    private final BooleanBinding canSend;
    private final BooleanBinding canJoin;
    private Sent lastSent;

    /**
     * @param releases the releases known now, read when the dialog opens
     * @param pulled   told of the new bell (UI thread)
     * @param notice   shows a line on the screen that opened the dialog once the bell is pulled
     */
    public PullBellViewModel(Backend backend, TaskExecutor executor, Messages messages, ConnectionStatus connection,
                             IssueText text, Supplier<List<Release>> releases, Consumer<Bell> pulled,
                             Consumer<String> notice) {
        this.backend = backend;
        this.executor = executor;
        this.messages = messages;
        this.errors = new ErrorMessages(messages);
        this.connection = connection;
        this.text = text;
        this.releases = releases;
        this.pulled = pulled;
        this.notice = notice;
        reasonHint = Bindings.createStringBinding(() -> {
            // Counted as the server counts: characters, so a 表情 or an emoji is one, not two.
            String typed = reason.get().strip();
            int missing = MIN_REASON - typed.codePointCount(0, typed.length());
            return missing > 0 ? messages.format("queue.bell.reason.short", MIN_REASON, missing) : "";
        }, reason);
        impact = Bindings.createStringBinding(() -> messages.format("queue.bell.impact", evidence.size(),
                evidence.stream().map(Issue::merchantId).distinct().count(),
                text.money(evidence.stream().mapToLong(Issue::moneyAtRiskCents).sum())), evidence);
        canSend = Bindings.createBooleanBinding(() -> open.get() && !sending.get() && release.get() != null
                && !evidence.isEmpty() && reasonHint.get().isEmpty() && !connection.streamProperty().get().behind(),
                open, sending, release, evidence, reasonHint, connection.streamProperty());
        canJoin = Bindings.createBooleanBinding(() -> open.get() && !sending.get() && openBell.get() != null
                && !evidence.isEmpty() && !connection.streamProperty().get().behind(),
                open, sending, openBell, evidence, connection.streamProperty());
        release.addListener((obs, old, now) -> findOpenBell(now));
    }

    /**
     * Looks for a bell already stopping the chosen release, so the user can add the evidence to it rather than
     * pull a second bell for the same problem. The newest such bell wins; a late answer for a release no longer
     * chosen is dropped.
     */
    private void findOpenBell(Release chosen) {
        int generation = ++openBellGeneration;
        openBell.set(null);
        if (chosen == null) {
            return;
        }
        executor.execute(() -> backend.bells().bells(null, chosen.id(), false, null, OPEN_BELLS_READ).items().stream()
                .filter(b -> b.status().blocks()).findFirst().orElse(null), found -> {
            if (generation == openBellGeneration) {
                openBell.set(found);
            }
        }, failure -> {
            // Without the list the user can still pull a new bell; the server counts both against the release.
        });
    }

    /** Adds the evidence to {@link #openBellProperty() the bell already stopping the release}; the reason is kept. */
    public void join() {
        if (!canJoin.get()) {
            return;
        }
        Bell target = openBell.get();
        List<String> ids = evidence.stream().map(Issue::id).toList();
        sending.set(true);
        error.set("");
        // Adding evidence twice counts each issue once, so a retry needs no key.
        executor.execute(() -> backend.bells().addBellEvidence(target.id(), ids), bell -> {
            sending.set(false);
            connection.reportSuccess();
            open.set(false);
            pulled.accept(bell);
            notice.accept(messages.format("queue.bell.joined", ids.size(), bell.releaseName(),
                    text.money(bell.moneyAtRiskCents())));
        }, failure -> {
            sending.set(false);
            connection.reportFailure(failure);
            error.set(errors.describe(failure));
        });
    }

    /** Opens the dialog on {@code selected}; the reason typed before, if any, is still there. */
    public void begin(List<Issue> selected) {
        begin(selected, null, null);
    }

    /**
     * Opens the dialog on {@code selected} with {@code suggested} chosen (an insight names the release the evidence
     * points at, though the issues themselves may not), and {@code reasonDraft} as the reason unless one is typed
     * already.
     */
    public void begin(List<Issue> selected, Release suggested, String reasonDraft) {
        if (selected.isEmpty()) {
            notice.accept(messages.get("queue.bell.noSelection"));
            return;
        }
        evidence.setAll(selected);
        releaseChoices.setAll(releases.get().stream().filter(r -> r.stage() != ReleaseStage.ROLLED_BACK).toList());
        if (suggested != null && suggested.stage() != ReleaseStage.ROLLED_BACK
                && releaseChoices.stream().noneMatch(r -> r.id().equals(suggested.id()))) {
            releaseChoices.add(suggested);
        }
        Stream<String> wanted = suggested == null ? selected.stream().map(Issue::releaseId)
                : Stream.of(suggested.id());
        Release named = wanted.filter(Objects::nonNull).distinct()
                .flatMap(id -> releaseChoices.stream().filter(r -> r.id().equals(id))).findFirst().orElse(null);
        if (reasonDraft != null && reason.get().isBlank()) {
            reason.set(reasonDraft);
        }
        Release kept = release.get() == null ? null
                : releaseChoices.stream().filter(r -> r.id().equals(release.get().id())).findFirst().orElse(null);
        Release chosen = named != null ? named : kept;
        if (Objects.equals(chosen, release.get())) {
            findOpenBell(chosen);
        } else {
            release.set(chosen);
        }
        error.set("");
        open.set(true);
    }

    /** Closes the dialog; the draft stays for next time. */
    public void cancel() {
        open.set(false);
    }

    public void send() {
        if (!reasonHint.get().isEmpty()) {
            error.set(reasonHint.get());
            return;
        }
        if (!canSend.get()) {
            return;
        }
        Release target = release.get();
        NewBell body = new NewBell(reason.get().strip(), severity.get(),
                evidence.stream().map(Issue::id).toList());
        // Same draft, same key: the server answers a repeat with the first bell. Anything changed is a new pull.
        Sent attempt = lastSent != null && lastSent.releaseId().equals(target.id()) && lastSent.body().equals(body)
                ? lastSent : new Sent(target.id(), body, UUID.randomUUID().toString());
        lastSent = attempt;
        sending.set(true);
        error.set("");
        executor.execute(() -> backend.bells().pullBell(attempt.releaseId(), attempt.body(), attempt.key()), bell -> {
            sending.set(false);
            connection.reportSuccess();
            lastSent = null;
            reason.set("");
            open.set(false);
            pulled.accept(bell);
            notice.accept(messages.format("queue.bell.pulled", bell.releaseName(),
                    text.money(bell.moneyAtRiskCents())));
        }, failure -> {
            sending.set(false);
            connection.reportFailure(failure);
            error.set(errors.describe(failure));
        });
    }

    public ObservableList<Issue> evidence() {
        return evidence;
    }

    /** Releases a bell can stop: all but the rolled back. */
    public ObservableList<Release> releaseChoices() {
        return releaseChoices;
    }

    public ObjectProperty<Release> releaseProperty() {
        return release;
    }

    public ObjectProperty<BellSeverity> severityProperty() {
        return severity;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open;
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending;
    }

    /** What is missing from the reason, as it is typed; empty once it is long enough. */
    public StringBinding reasonHintProperty() {
        return reasonHint;
    }

    /** "3 issues · 2 merchants · ¥1,200.00 at risk". */
    public StringBinding impactProperty() {
        return impact;
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }

    /** The newest bell already stopping the chosen release; null if none (or not known yet). */
    public ReadOnlyObjectProperty<Bell> openBellProperty() {
        return openBell.getReadOnlyProperty();
    }

    public BooleanBinding canJoinProperty() {
        return canJoin;
    }

    /** Why the last send failed; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The key the next retry of the current draft would send; null before the first send. */
    String pendingKey() {
        return lastSent == null ? null : lastSent.key();
    }
}
