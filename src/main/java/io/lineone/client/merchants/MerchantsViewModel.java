package io.lineone.client.merchants;

import io.lineone.api.Merchant;
import io.lineone.api.MerchantFacets;
import io.lineone.api.Page;
import io.lineone.api.Tier;
import io.lineone.api.User;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.Messages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.SearchText;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.common.Wanted;
import io.lineone.client.net.Backend;
import io.lineone.client.net.MerchantsApi;
import io.lineone.client.net.Pages;
import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of "My merchants" (a supervisor's: everyone's). The book is read in pages of 500 off the UI
 * thread, the first shown at once and the rest streamed in behind a progress line; then it is held in memory
 * ({@link MerchantBook}), so a keystroke, a filter or a sort costs no network, and kept current by the session's
 * events ({@link LiveBook}). A supervisor moves a merchant to another manager from here.
 */
public final class MerchantsViewModel {

    /** One manager in the supervisor's side panel, with how many merchants of the book are theirs. */
    public record ManagerLine(User manager, int merchants) {
    }

    static final int PAGE = Pages.MAX;

    private final Backend backend;
    private final TaskExecutor executor;
    private final BookText text;
    private final Messages messages;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final boolean wholeTeam;
    private final MerchantBook book = new MerchantBook();
    private final LiveBook live;
    private final MerchantDetailViewModel detail;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<TierChoice> tier = new SimpleObjectProperty<>(TierChoice.ALL);
    private final ObjectProperty<BandChoice> band = new SimpleObjectProperty<>(BandChoice.ALL);
    private final ObjectProperty<String> category = new SimpleObjectProperty<>();
    private final ObjectProperty<String> region = new SimpleObjectProperty<>();
    private final ObjectProperty<User> manager = new SimpleObjectProperty<>();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final ObservableList<String> regions = FXCollections.observableArrayList();
    private final ObservableList<User> managers = FXCollections.observableArrayList();
    private final ObservableList<ManagerLine> managerLines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ScreenState> state = new ReadOnlyObjectWrapper<>(ScreenState.LOADING);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper bookSize = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<MerchantRow> reveal = new ReadOnlyObjectWrapper<>();
    private final StringBinding countText;
    private final StringBinding noMatchText;
    private final StringBinding asOfText;
    private final BooleanBinding canMove;
    private final StringBinding moveBlockedReason;

    // A merchant asked for before its page arrived, shown once it has.
    private String waitingFor;
    // Answers to an older load are dropped when a newer one was asked for.
    private int loadGeneration;
    private String resumeFrom;
    private int total = -1;
    private boolean complete;
    private LongConsumer firstRows = at -> { };
    private Runnable allRows = () -> { };

    /**
     * @param asOf when the session's data was last known current (null while the stream is live)
     */
    public MerchantsViewModel(Backend backend, TaskExecutor executor, BookText text, ConnectionStatus connection,
                              boolean wholeTeam, LiveSources sources, ObservableValue<Instant> asOf) {
        this.backend = backend;
        this.executor = executor;
        this.text = text;
        this.messages = text.messages();
        this.errors = new ErrorMessages(messages);
        this.connection = connection;
        this.wholeTeam = wholeTeam;
        this.live = new LiveBook(book, sources.ui(), wholeTeam ? null : sources.myId());
        this.detail = new MerchantDetailViewModel(backend, executor, connection, text, sources.issueRows(),
                sources.openIssue());
        sources.connect(live, this::load);
        live.onChanged(this::bookChanged);
        live.onRemoved(id -> {
            if (detail.shown() != null && detail.shown().id().equals(id)) {
                detail.show(null);
            }
        });
        for (Observable filter : List.of(query, tier, band, category, region, manager)) {
            filter.addListener(o -> refilter());
        }
        countText = Bindings.createStringBinding(this::describeCount, book.shown(), bookSize);
        noMatchText = Bindings.createStringBinding(this::describeNoMatch, query, tier, band, category, region, manager);
        asOfText = Bindings.createStringBinding(() -> asOf.getValue() == null ? ""
                : messages.format("merchants.asOf", text.exact(asOf.getValue())), asOf);
        canMove = Bindings.createBooleanBinding(() -> wholeTeam && !connection.streamProperty().get().behind(),
                connection.streamProperty());
        moveBlockedReason = Bindings.createStringBinding(() -> connection.streamProperty().get().behind()
                ? messages.get("merchants.move.offline") : "", connection.streamProperty());
    }

    // ---------------------------------------------------------------------------------------------- loading

    /** Reads the book again from its first page. */
    public void load() {
        int generation = ++loadGeneration;
        error.set("");
        notice.set("");
        state.set(ScreenState.LOADING);
        book.clear();
        detail.show(null);
        bookChanged();
        complete = false;
        total = -1;
        String assigned = assigned();
        executor.execute(() -> backend.merchants().facets(assigned), facets -> {
            if (generation == loadGeneration) {
                showFacets(facets);
            }
        }, failure -> {
            // The filters then offer what the rows hold, once they are all in.
        });
        if (wholeTeam) {
            executor.execute(() -> backend.issues().managers(), list -> {
                if (generation == loadGeneration) {
                    managers.setAll(list);
                    refreshManagers();
                }
            }, connection::reportFailure);
        }
        readPage(generation, null);
    }

    /** After a page failed midway: goes on from where it stopped. */
    public void resume() {
        if (resumeFrom != null) {
            progress.set(describeProgress());
            readPage(loadGeneration, resumeFrom);
        }
    }

    private String assigned() {
        return wholeTeam ? MerchantsApi.ASSIGNED_ALL : MerchantsApi.ASSIGNED_ME;
    }

    private void readPage(int generation, String cursor) {
        String assigned = assigned();
        resumeFrom = null;
        // The rows' keys (pinyin, collation) are made on the worker: 500 of them are a few milliseconds.
        executor.execute(() -> {
            Page<Merchant> page = backend.merchants().merchants(assigned, null, null, cursor, PAGE);
            Collator collator = MerchantRow.collator();
            List<MerchantRow> rows = new ArrayList<>(page.items().size());
            for (Merchant merchant : page.items()) {
                rows.add(MerchantRow.of(merchant, collator));
            }
            return new Loaded(rows, page.nextCursor());
        }, loaded -> {
            if (generation != loadGeneration) {
                return;
            }
            connection.reportSuccess();
            boolean first = cursor == null;
            book.addPage(loaded.rows());
            complete = loaded.next() == null;
            bookChanged();
            progress.set(complete ? "" : describeProgress());
            if (first) {
                firstRows.accept(System.nanoTime());
            }
            if (waitingFor != null) {
                show(waitingFor);
            }
            if (complete) {
                if (categories.isEmpty() && regions.isEmpty()) {
                    showFacetsFromRows();
                }
                refreshManagers();
                allRows.run();
            } else {
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

    private record Loaded(List<MerchantRow> rows, String next) {
    }

    private void showFacets(MerchantFacets facets) {
        categories.setAll(facets.categories());
        regions.setAll(facets.regions());
        total = facets.total();
        if (!complete && !progress.get().isEmpty()) {
            progress.set(describeProgress());
        }
    }

    private void showFacetsFromRows() {
        java.util.TreeSet<String> seenCategories = new java.util.TreeSet<>();
        java.util.TreeSet<String> seenRegions = new java.util.TreeSet<>();
        for (MerchantRow row : book.all()) {
            if (row.merchant().category() != null) {
                seenCategories.add(row.merchant().category());
            }
            if (row.merchant().region() != null) {
                seenRegions.add(row.merchant().region());
            }
        }
        categories.setAll(seenCategories);
        regions.setAll(seenRegions);
    }

    private String describeProgress() {
        int loaded = book.size();
        return total > 0 ? messages.format("merchants.progress", loaded, Math.max(total, loaded))
                : messages.format("merchants.progress.unknown", loaded);
    }

    private void bookChanged() {
        bookSize.set(book.size());
        if (state.get() != ScreenState.ERROR && (book.size() > 0 || loadGeneration > 0 && complete)) {
            state.set(book.size() == 0 ? ScreenState.EMPTY : ScreenState.READY);
        }
        if (complete) {
            refreshManagers();
        }
    }

    private void refreshManagers() {
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

    // ----------------------------------------------------------------------------------- filtering and sorting

    private void refilter() {
        TierChoice t = tier.get();
        BandChoice b = band.get();
        User m = manager.get();
        book.filter(new MerchantFilter(SearchText.terms(query.get()), t == null ? null : t.tier(),
                b == null ? BandChoice.ALL : b, category.get(), region.get(), m == null ? null : m.id()));
    }

    /** Orders the book by the table's sort columns, first to last; empty for the default (names A to Z). */
    public void sort(List<BookSort.By> by) {
        book.sort(by);
    }

    /** Clears the search and every filter. */
    public void clearFilters() {
        query.set("");
        tier.set(TierChoice.ALL);
        band.set(BandChoice.ALL);
        category.set(null);
        region.set(null);
        manager.set(null);
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
            clearFilters();
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

    // ------------------------------------------------------------------------------------------------ moves

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
    public List<User> moveTargets(MerchantRow row) {
        String current = row == null ? null : row.merchant().assignedManagerId();
        return managers.stream().filter(u -> !u.id().equals(current))
                .sorted(Comparator.comparing(User::displayName, MerchantRow.collator())).toList();
    }

    // ------------------------------------------------------------------------------------------- texts

    private String describeCount() {
        int shown = book.shown().size();
        int all = bookSize.get();
        if (shown == all) {
            return messages.format("merchants.count.all", all);
        }
        return messages.format("merchants.count.filtered", shown, all);
    }

    private String describeNoMatch() {
        String typed = query.get() == null ? "" : query.get().strip();
        boolean onlyText = tier.get() == TierChoice.ALL && band.get() == BandChoice.ALL && category.get() == null
                && region.get() == null && manager.get() == null;
        return onlyText && !typed.isEmpty()
                ? messages.format("merchants.noMatch.query", typed)
                : messages.get("merchants.noMatch.filters");
    }

    public String title() {
        return messages.get(wholeTeam ? "merchants.title.team" : "merchants.title");
    }

    public String emptyText() {
        return messages.get(wholeTeam ? "merchants.empty.body.team" : "merchants.empty.body");
    }

    public String tierLabel(TierChoice choice) {
        return messages.get(choice.labelKey());
    }

    public String bandLabel(BandChoice choice) {
        return messages.get(choice.labelKey());
    }

    public String categoryLabel(String value) {
        return value == null ? messages.get("merchants.category.all") : value;
    }

    public String regionLabel(String value) {
        return value == null ? messages.get("merchants.region.all") : value;
    }

    public String managerLabel(User value) {
        return value == null ? messages.get("merchants.manager.all") : value.displayName();
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

    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<TierChoice> tierProperty() {
        return tier;
    }

    public ObjectProperty<BandChoice> bandProperty() {
        return band;
    }

    public ObjectProperty<String> categoryProperty() {
        return category;
    }

    public ObjectProperty<String> regionProperty() {
        return region;
    }

    public ObjectProperty<User> managerProperty() {
        return manager;
    }

    /** The categories the filter offers: those of the book. */
    public ObservableList<String> categories() {
        return categories;
    }

    public ObservableList<String> regions() {
        return regions;
    }

    /** Every manager, for the filter and the moves (a supervisor's). */
    public ObservableList<User> managers() {
        return managers;
    }

    public ObservableList<ManagerLine> managerLines() {
        return managerLines;
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

    /** What the last move did; empty before any. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public StringBinding countTextProperty() {
        return countText;
    }

    public StringBinding noMatchTextProperty() {
        return noMatchText;
    }

    /** "Offline — as of 09:12:03" while the stream is down; empty while it is live. */
    public StringBinding asOfTextProperty() {
        return asOfText;
    }

    public BooleanBinding canMoveProperty() {
        return canMove;
    }

    public StringBinding moveBlockedReasonProperty() {
        return moveBlockedReason;
    }

    /** For the benchmark: told (UI thread, with {@link System#nanoTime}) when the first page is in the table's list. */
    public void onFirstRows(LongConsumer listener) {
        this.firstRows = listener;
    }

    /** For the benchmark: told when the whole book is in. */
    public void onAllRows(Runnable listener) {
        this.allRows = listener;
    }

    /** Lets the rows go (sign-out). */
    public void close() {
        live.close();
    }
}
