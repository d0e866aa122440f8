package io.lineone.client.merchants;

import io.lineone.api.MerchantFacets;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.Messages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.StartupTimeline;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.common.Wanted;
import io.lineone.client.net.Backend;
import io.lineone.client.net.Pages;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * State and commands of "My merchants" (a supervisor's: everyone's). The book is read off the UI thread: a first
 * page of {@value #FIRST_PAGE}, enough to fill the table, shown at once, then the rest streamed in pages of 500
 * behind a progress line; then it is held in memory ({@link MerchantBook}), so a keystroke, a filter or a sort costs
 * no network, and kept current by the session's events ({@link LiveBook}). A supervisor moves a merchant to another
 * manager from here. At the session's first load the book of the last session ({@link BookSnapshots}) is shown until
 * the server's replaces it, marked as such; the whole book, once read, is kept for the next start.
 */
public final class MerchantsViewModel {

    static final int PAGE = Pages.MAX;
    // The table shows about 20 rows: a small first page is read and made into rows in a fraction of a big one's time.
    static final int FIRST_PAGE = 100;

    private final BookPages pages;
    private final BookText text;
    private final Messages messages;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final boolean wholeTeam;
    private final MerchantBook book = new MerchantBook();
    private final LiveBook live;
    private final MerchantDetailViewModel detail;
    private final BookMoves moves;
    private final BookFilters filters;
    private final KeptBook kept;

    private final ReadOnlyObjectWrapper<ScreenState> state = new ReadOnlyObjectWrapper<>(ScreenState.LOADING);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper bookSize = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<MerchantRow> reveal = new ReadOnlyObjectWrapper<>();
    private final StringBinding countText;
    private final StringBinding asOfText;

    // A merchant asked for before its page arrived, shown once it has.
    private String waitingFor;
    // Answers to an older load are dropped when a newer one was asked for.
    private int loadGeneration;
    private String resumeFrom;
    private int total = -1;
    private boolean complete;
    private final BookMoments moments = new BookMoments();
    private Consumer<Runnable> firstRowsShown = Runnable::run;

    /**
     * @param asOf when the session's data was last known current (null while the stream is live)
     */
    public MerchantsViewModel(Backend backend, TaskExecutor executor, BookText text, ConnectionStatus connection,
                              boolean wholeTeam, LiveSources sources, ObservableValue<Instant> asOf) {
        this(backend, executor, text, connection, wholeTeam, sources, asOf, null);
    }

    /**
     * @param asOf     when the session's data was last known current (null while the stream is live)
     * @param snapshot the user's kept book, shown until the server's arrives and replaced by it; null for none
     */
    public MerchantsViewModel(Backend backend, TaskExecutor executor, BookText text,
                              ConnectionStatus connection, boolean wholeTeam, LiveSources sources,
                              ObservableValue<Instant> asOf, BookSnapshots.Slot snapshot) {
        this.kept = new KeptBook(book, snapshot);
        this.pages = new BookPages(backend, executor, wholeTeam);
        this.text = text;
        this.messages = text.messages();
        this.errors = new ErrorMessages(messages);
        this.connection = connection;
        this.wholeTeam = wholeTeam;
        this.live = new LiveBook(book, sources.ui(), wholeTeam ? null : sources.myId());
        this.detail = new MerchantDetailViewModel(backend, executor, connection, text, sources.issueRows(),
                sources.openIssue());
        this.filters = new BookFilters(messages, filter -> {
            book.filter(filter);
            moments.filtered();
        });
        this.moves = new BookMoves(backend, executor, messages, connection, book, live, wholeTeam,
                kept.shown());
        sources.connect(live, this::load);
        live.onChanged(this::bookChanged);
        live.onRemoved(id -> {
            if (detail.shown() != null && detail.shown().id().equals(id)) {
                detail.show(null);
            }
        });
        countText = Bindings.createStringBinding(() -> text.count(book.shown().size(), bookSize.get()),
                book.shown(), bookSize);
        ReadOnlyObjectProperty<Instant> keptAt = kept.savedAtProperty();
        asOfText = Bindings.createStringBinding(() -> keptAt.get() != null
                ? messages.format("startup.snapshot.asOf", text.exact(keptAt.get()))
                : asOf.getValue() == null ? "" : messages.format("merchants.asOf", text.exact(asOf.getValue())),
                asOf, keptAt);
    }

    // ---------------------------------------------------------------------------------------------- loading

    /** Reads the book again from its first page. */
    public void load() {
        int generation = ++loadGeneration;
        error.set("");
        state.set(ScreenState.LOADING);
        book.clear();
        kept.forget();
        detail.show(null);
        bookChanged();
        complete = false;
        total = -1;
        if (generation == 1) {
            kept.read(keptBook -> showKept(generation, keptBook));
        }
        readPage(generation, null);
    }

    /** The filters' choices and the managers: asked for once the first page is in, so they never hold it up. */
    private void loadAround(int generation) {
        pages.facets(facets -> {
            if (generation == loadGeneration) {
                showFacets(facets);
            }
        });
        moves.loadManagers(() -> generation == loadGeneration);
    }

    /** After a page failed midway: goes on from where it stopped. */
    public void resume() {
        if (resumeFrom != null) {
            progress.set(describeProgress());
            readPage(loadGeneration, resumeFrom);
        }
    }

    private void readPage(int generation, String cursor) {
        resumeFrom = null;
        pages.read(cursor, cursor == null ? FIRST_PAGE : PAGE, loaded -> {
            if (generation != loadGeneration) {
                return;
            }
            connection.reportSuccess();
            boolean first = cursor == null;
            kept.addPage(loaded.rows());
            complete = loaded.next() == null;
            if (complete) {
                kept.confirmed();
            }
            bookChanged();
            progress.set(complete ? "" : describeProgress());
            if (waitingFor != null) {
                show(waitingFor);
            }
            if (complete) {
                book.trim();
                filters.offerFromRows(book.all());
                moves.refreshCounts();
                moments.allRows();
                kept.keep();
            }
            if (first) {
                StartupTimeline.mark(StartupTimeline.Moment.FIRST_PAGE);
                moments.firstRows();
                // The rest waits until the first rows are on screen: on two cores the next pages, the facets and
                // the managers would otherwise take the cores from the table's first layout.
                firstRowsShown.accept(() -> {
                    if (generation == loadGeneration) {
                        loadAround(generation);
                        if (!complete) {
                            readPage(generation, loaded.next());
                        }
                    }
                });
            } else if (!complete) {
                readPage(generation, loaded.next());
            }
        }, failure -> {
            if (generation != loadGeneration) {
                return;
            }
            connection.reportFailure(failure);
            if (cursor == null) {
                error.set(errors.describe(failure));
                state.set(ScreenState.ERROR);
            } else {
                resumeFrom = cursor;
                progress.set(messages.format("merchants.progress.stopped", book.size(), errors.describe(failure)));
            }
        });
    }

    /** The kept book, unless the server's first page got here first. */
    private void showKept(int generation, Optional<BookSnapshot> keptBook) {
        if (generation != loadGeneration || book.size() > 0 || !kept.show(keptBook)) {
            return;
        }
        filters.offerFromRows(book.all());
        bookChanged();
        StartupTimeline.mark(StartupTimeline.Moment.SNAPSHOT_ROWS);
    }

    private void showFacets(MerchantFacets facets) {
        filters.offer(facets);
        total = facets.total();
        if (!complete && !progress.get().isEmpty()) {
            progress.set(describeProgress());
        }
    }

    private String describeProgress() {
        return text.progress(book.size(), total);
    }

    private void bookChanged() {
        bookSize.set(book.size());
        if (state.get() != ScreenState.ERROR && (book.size() > 0 || loadGeneration > 0 && complete)) {
            state.set(book.size() == 0 ? ScreenState.EMPTY : ScreenState.READY);
        }
        if (complete) {
            moves.refreshCounts();
        }
    }

    // ----------------------------------------------------------------------------------- filtering and sorting

    /** Orders the book by the table's sort columns, first to last; empty for the default (names A to Z). */
    public void sort(List<BookSort.By> by) {
        book.sort(by);
    }

    // ------------------------------------------------------------------------------------------- selection

    /** Shows the merchants asked for from elsewhere (the global search), now and from now on. */
    public void showAskedFor(Wanted links) {
        links.wantedProperty().addListener((obs, old, id) -> {
            if (id != null) {
                show(links.take());
            }
        });
        String waiting = links.take();
        if (waiting != null) {
            show(waiting);
        }
    }

    /** Asks the view to select the merchant; a search or filter that would hide it is cleared first. */
    void show(String merchantId) {
        MerchantRow row = book.find(merchantId);
        if (row == null) {
            waitingFor = complete ? null : merchantId;
            return;
        }
        waitingFor = null;
        if (!book.filter().test(row)) {
            filters.clear();
        }
        reveal.set(null);
        reveal.set(row);
    }

    /** The row the view should select and scroll to; null when nothing is asked. */
    public ReadOnlyObjectProperty<MerchantRow> revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    /** Shows a merchant's detail. */
    public void select(MerchantRow row) {
        if (row != detail.shown()) {
            detail.show(row);
        }
    }

    // ------------------------------------------------------------------------------------------ properties

    public boolean wholeTeam() {
        return wholeTeam;
    }

    /** The rows that pass the search and filters, in the chosen order. */
    public ObservableList<MerchantRow> visibleRows() {
        return book.shown();
    }

    public List<BookSort.By> sortedBy() {
        return book.sortedBy();
    }

    public MerchantDetailViewModel detail() {
        return detail;
    }

    public BookText text() {
        return text;
    }

    /** The search and the filters. */
    public BookFilters filters() {
        return filters;
    }

    /** A supervisor's managers and moves. */
    public BookMoves moves() {
        return moves;
    }

    public ReadOnlyObjectProperty<ScreenState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Loaded 12,000 of 50,000 merchants…" while the book streams in; empty once it is all here. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Whether a page failed midway and the rest can be asked for again. */
    public boolean resumable() {
        return resumeFrom != null;
    }

    public StringBinding countTextProperty() {
        return countText;
    }

    /** Whether the rows shown are the last session's, not yet the server's (actions on them wait). */
    public BooleanBinding fromSnapshotProperty() {
        return kept.shown();
    }

    /**
     * "Offline — as of 09:12:03" while the stream is down, "As of 14:02 · connecting…" while the last session's book
     * is shown; empty while it is live.
     */
    public StringBinding asOfTextProperty() {
        return asOfText;
    }

    /** What the benchmark's probe listens to. */
    BookMoments moments() {
        return moments;
    }

    /**
     * How the view tells when the first page is on screen ({@code whenShown} runs what waits for it then); without a
     * view, at once.
     */
    public void pacedBy(Consumer<Runnable> whenShown) {
        this.firstRowsShown = whenShown;
    }

    /** Lets the rows go (sign-out). */
    public void close() {
        live.close();
    }
}
