package io.lineone.client.ledger;

import io.lineone.api.Bell;
import io.lineone.api.Issue;
import io.lineone.api.Page;
import io.lineone.api.Release;
import io.lineone.api.SuggestedBell;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.BackendException;
import io.lineone.client.net.InsightsApi;
import io.lineone.client.queue.PullBellViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Releases the server suggests stopping: after their rollout began, their product area's issues among the exposed
 * merchants rose well above the baseline. "Pull the bell" opens the queue's pull-the-bell dialog with the release
 * chosen, the evidence issues in and a reason drafted from the numbers; once the bell is pulled the suggestion
 * goes (the server no longer suggests a release with an open bell) and the list is read again.
 */
public final class SuggestedBellsViewModel extends InsightsSection<Page<SuggestedBell>> {

    /** Where the evidence comes from: the release and each issue, as the user may see them. */
    public interface Evidence {
        Release release(String id) throws BackendException;

        Issue issue(String id) throws BackendException;
    }

    private record Prepared(Release release, List<Issue> issues) {
    }

    private final InsightsApi insights;
    private final TaskExecutor executor;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final InsightsText text;
    private final Evidence evidence;
    private final PullBellViewModel dialog;
    private final Runnable readAgain;
    private final ObservableList<SuggestedBell> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper preparing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final BooleanBinding available;
    private final StringBinding unavailableReason;

    /**
     * @param dialog    the pull-the-bell dialog this screen shows
     * @param readAgain reads the suggestions again (after a bell)
     */
    SuggestedBellsViewModel(InsightsApi insights, TaskExecutor executor, ErrorMessages errors,
                            ConnectionStatus connection, InsightsText text, Evidence evidence,
                            PullBellViewModel dialog, Runnable readAgain) {
        super(executor, errors, connection);
        this.insights = insights;
        this.executor = executor;
        this.errors = errors;
        this.connection = connection;
        this.text = text;
        this.evidence = evidence;
        this.dialog = dialog;
        this.readAgain = readAgain;
        var stream = connection.streamProperty();
        // Pulling a bell stops a release for everyone: never while the console cannot hear what happens next.
        available = Bindings.createBooleanBinding(() -> !stream.get().behind(), stream);
        unavailableReason = Bindings.createStringBinding(() -> stream.get().behind()
                ? text.messages().get("insights.bells.offline") : "", stream);
    }

    @Override
    protected Page<SuggestedBell> read(InsightsQuery query) throws Exception {
        return insights.suggestedBells();
    }

    @Override
    protected boolean show(Page<SuggestedBell> answer, InsightsQuery query) {
        List<SuggestedBell> items = answer.items() == null ? List.of() : answer.items();
        rows.setAll(items);
        return !items.isEmpty();
    }

    /** Reads the release and the evidence, then opens the dialog on them. */
    public void pull(SuggestedBell suggestion) {
        if (suggestion == null || preparing.get() || !available.get()) {
            return;
        }
        preparing.set(true);
        notice.set("");
        executor.execute(() -> prepare(suggestion), prepared -> {
            preparing.set(false);
            connection.reportSuccess();
            if (prepared.issues().isEmpty()) {
                notice.set(text.messages().get("insights.bells.noEvidence"));
                return;
            }
            dialog.begin(prepared.issues(), prepared.release(), reason(suggestion));
        }, failure -> {
            preparing.set(false);
            connection.reportFailure(failure);
            notice.set(errors.describe(failure));
        });
    }

    private Prepared prepare(SuggestedBell suggestion) throws BackendException {
        Release release = evidence.release(suggestion.releaseId());
        List<Issue> issues = new ArrayList<>();
        for (String id : suggestion.evidenceIssueIds()) {
            try {
                issues.add(evidence.issue(id));
            } catch (BackendException e) {
                // One issue gone from sight (moved to another book) leaves the rest of the evidence standing.
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        return new Prepared(release, issues);
    }

    /** The reason the dialog starts with: what the numbers say, which the user may change. */
    String reason(SuggestedBell suggestion) {
        return text.messages().format("insights.bells.reason", suggestion.releaseName(), suggestion.productArea(),
                text.ratio(suggestion.ratio()), text.perHour(suggestion.baselinePerHour()),
                text.perHour(suggestion.afterPerHour()), suggestion.merchants(),
                text.money(suggestion.moneyAtRiskCents()));
    }

    /** A bell was pulled from the dialog: its release is no longer a suggestion. */
    void pulled(Bell bell) {
        rows.removeIf(s -> s.releaseId().equals(bell.releaseId()));
        notice.set(text.messages().format("insights.bells.pulled", bell.releaseName(),
                text.money(bell.moneyAtRiskCents())));
        readAgain.run();
    }

    public ObservableList<SuggestedBell> rows() {
        return rows;
    }

    /** The release and the evidence are being read before the dialog opens. */
    public ReadOnlyBooleanProperty preparingProperty() {
        return preparing.getReadOnlyProperty();
    }

    /** A line under the list: the bell pulled, or why the dialog could not open. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public BooleanBinding availableProperty() {
        return available;
    }

    public StringBinding unavailableReasonProperty() {
        return unavailableReason;
    }

    public PullBellViewModel dialog() {
        return dialog;
    }

    public InsightsText text() {
        return text;
    }
}
