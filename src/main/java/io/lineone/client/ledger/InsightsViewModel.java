package io.lineone.client.ledger;

import io.lineone.api.Bell;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.InsightsApi;
import io.lineone.client.net.InsightsApi.Bucket;
import io.lineone.client.queue.PullBellViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableObjectValue;

/**
 * The insights half of the ledger screen: categories over time, first responses against 19 s, clusters and suggested
 * bells, each read on its own over one window (7 or 30 days). It reads again on demand, when the window or bucket
 * changes, and when issues, bells or releases change — coalesced to one read every {@link #COALESCE} at most, and
 * only while the screen is shown (a change seen while hidden is read when it shows again). UI thread only.
 */
public final class InsightsViewModel implements AutoCloseable {

    /** Live changes are read at most this often: a burst of issues costs one read, not one per issue. */
    static final Duration COALESCE = Duration.ofSeconds(5);

    private final CategoriesViewModel categories;
    private final FirstResponseViewModel firstResponse;
    private final ClustersViewModel clusters;
    private final SuggestedBellsViewModel suggestedBells;
    private final InsightsText text;
    private final InsightsScope scope;
    private final ObservableObjectValue<Instant> now;
    private final ObjectProperty<InsightsWindow> window = new SimpleObjectProperty<>(InsightsWindow.DAYS_7);
    private final ObjectProperty<Bucket> bucket = new SimpleObjectProperty<>(Bucket.DAY);
    private final BooleanProperty showing = new SimpleBooleanProperty();
    private final InvalidationListener changed = obs -> changed();
    // A change listener, not an invalidation one: a clock left unread would otherwise fall silent.
    private final ChangeListener<Instant> tick = (obs, old, at) -> tick();
    private Instant lastRead;
    private boolean changedSinceRead;
    private boolean closed;

    /**
     * @param scope      whose issues the server counts for this user (none: the screen shows no insights)
     * @param now        the session's ticking clock, which also paces the coalesced reads
     * @param pullDialog makes the pull-the-bell dialog: told of the bell pulled and of the line to show after
     * @param openIssue  shows an issue in the queue
     */
    public InsightsViewModel(InsightsApi insights, TaskExecutor executor, ConnectionStatus connection,
                             InsightsText text, InsightsScope scope, ObservableObjectValue<Instant> now,
                             BiFunction<Consumer<Bell>, Consumer<String>, PullBellViewModel> pullDialog,
                             SuggestedBellsViewModel.Evidence evidence, Consumer<String> openIssue) {
        ErrorMessages errors = new ErrorMessages(text.messages());
        this.text = text;
        this.scope = scope;
        this.now = now;
        this.categories = new CategoriesViewModel(insights, executor, errors, connection, text);
        this.firstResponse = new FirstResponseViewModel(insights, executor, errors, connection, text);
        this.clusters = new ClustersViewModel(insights, executor, errors, connection, text, openIssue);
        SuggestedBellsViewModel[] bells = new SuggestedBellsViewModel[1];
        PullBellViewModel dialog = pullDialog.apply(bell -> bells[0].pulled(bell), line -> { });
        this.suggestedBells = new SuggestedBellsViewModel(insights, executor, errors, connection, text, evidence,
                dialog, () -> suggestedBellsRead());
        bells[0] = suggestedBells;
        window.addListener((obs, old, value) -> {
            categories.load(query());
            firstResponse.load(query());
            clusters.load(query());
        });
        bucket.addListener((obs, old, value) -> categories.load(query()));
        showing.addListener((obs, was, shown) -> {
            if (shown && changedSinceRead) {
                tick();
            }
        });
        now.addListener(tick);
    }

    /** Reads every section again when any of {@code sources} changes (the live issues, bells and releases). */
    public void follow(Observable... sources) {
        for (Observable source : sources) {
            source.addListener(changed);
        }
    }

    /** Reads every section (F5, Refresh, the screen's first showing). */
    public void refresh() {
        if (closed || scope == InsightsScope.NONE) {
            return;
        }
        changedSinceRead = false;
        lastRead = clock();
        InsightsQuery query = query();
        categories.load(query);
        firstResponse.load(query);
        clusters.load(query);
        suggestedBells.load(query);
    }

    private void suggestedBellsRead() {
        suggestedBells.load(query());
    }

    private void changed() {
        changedSinceRead = true;
    }

    /** Each second: a change seen, the screen shown and the last read long enough ago → one read. */
    private void tick() {
        if (closed || !changedSinceRead || !showing.get()) {
            return;
        }
        if (lastRead == null || !clock().isBefore(lastRead.plus(COALESCE))) {
            refresh();
        }
    }

    InsightsQuery query() {
        return InsightsQuery.ending(clock(), window.get(), bucket.get());
    }

    private Instant clock() {
        return now.get() == null ? Instant.now() : now.get();
    }

    /** "Your book" or "Everyone's book": whose issues these are, as the server decides by role. */
    public String scopeText() {
        return scope == InsightsScope.NONE ? "" : text.messages().get("insights.scope." + scope.name());
    }

    /** Whether the user sees insights at all. */
    public boolean shown() {
        return scope != InsightsScope.NONE;
    }

    public ObjectProperty<InsightsWindow> windowProperty() {
        return window;
    }

    public ObjectProperty<Bucket> bucketProperty() {
        return bucket;
    }

    /** Whether the screen is on view; the view sets it. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    public CategoriesViewModel categories() {
        return categories;
    }

    public FirstResponseViewModel firstResponse() {
        return firstResponse;
    }

    public ClustersViewModel clusters() {
        return clusters;
    }

    public SuggestedBellsViewModel suggestedBells() {
        return suggestedBells;
    }

    public InsightsText text() {
        return text;
    }

    @Override
    public void close() {
        closed = true;
        now.removeListener(tick);
        categories.close();
        firstResponse.close();
        clusters.close();
        suggestedBells.close();
    }
}
