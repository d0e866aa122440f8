package io.lineone.client.merchants;

import io.lineone.api.Band;
import io.lineone.api.Merchant;
import io.lineone.api.Tier;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.Messages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.SearchText;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.common.Wanted;
import io.lineone.client.net.Backend;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * State and commands of "My merchants": the whole book is loaded once and filtered in memory,
 * so a keystroke costs one pass of {@code contains} over pre-folded text and no network. A supervisor (or an admin)
 * has no book of their own: theirs is the whole team's, every merchant they may see.
 */
public final class MerchantsViewModel {

    private final Backend backend;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final boolean wholeTeam;

    private final ObservableList<MerchantRow> rows = FXCollections.observableArrayList();
    private final FilteredList<MerchantRow> visible = new FilteredList<>(rows);
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<TierChoice> tier = new SimpleObjectProperty<>(TierChoice.ALL);
    private final ReadOnlyObjectWrapper<ScreenState> state = new ReadOnlyObjectWrapper<>(ScreenState.LOADING);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MerchantDetail> detail = new ReadOnlyObjectWrapper<>();
    private final StringBinding countText;
    private final StringBinding noMatchText;
    private final ReadOnlyObjectWrapper<MerchantRow> reveal = new ReadOnlyObjectWrapper<>();
    private Merchant selected;
    // A merchant asked for before the book arrived, shown once it has.
    private String waitingFor;
    // Answers to an older load or selection are dropped when a newer one was asked for.
    private int loadGeneration;

    /** A manager's own book. */
    public MerchantsViewModel(Backend backend, TaskExecutor executor, Messages messages,
                              ConnectionStatus connection) {
        this(backend, executor, messages, connection, false);
    }

    /** @param wholeTeam every merchant the caller may see rather than their own book (supervisors, admins) */
    public MerchantsViewModel(Backend backend, TaskExecutor executor, Messages messages,
                              ConnectionStatus connection, boolean wholeTeam) {
        this.wholeTeam = wholeTeam;
        this.backend = backend;
        this.executor = executor;
        this.messages = messages;
        this.errors = new ErrorMessages(messages);
        this.connection = connection;
        query.addListener((Observable o) -> refilter());
        tier.addListener((Observable o) -> refilter());
        countText = Bindings.createStringBinding(this::describeCount, visible, rows);
        noMatchText = Bindings.createStringBinding(this::describeNoMatch, query);
    }

    public void load() {
        int generation = ++loadGeneration;
        error.set("");
        state.set(ScreenState.LOADING);
        // The rows' search keys (pinyin included) are made on the worker too: a whole program's book is thousands.
        executor.execute(() -> rowsOf(wholeTeam ? backend.merchants().allVisibleMerchants() : backend.merchants().allMyMerchants()), book -> {
            if (generation == loadGeneration) {
                connection.reportSuccess();
                rows.setAll(book);
                state.set(book.isEmpty() ? ScreenState.EMPTY : ScreenState.READY);
                if (waitingFor != null) {
                    show(waitingFor);
                }
            }
        }, failure -> {
            if (generation == loadGeneration) {
                connection.reportFailure(failure);
                error.set(errors.describe(failure));
                state.set(ScreenState.ERROR);
            }
        });
    }

    private static List<MerchantRow> rowsOf(List<Merchant> merchants) {
        List<MerchantRow> book = new ArrayList<>(merchants.size());
        for (Merchant merchant : merchants) {
            book.add(MerchantRow.of(merchant));
        }
        return book;
    }

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
        MerchantRow row = rows.stream().filter(r -> r.merchant().id().equals(merchantId)).findFirst().orElse(null);
        if (row == null) {
            waitingFor = state.get() == ScreenState.LOADING ? merchantId : null;
            return;
        }
        waitingFor = null;
        if (!visible.contains(row)) {
            query.set("");
            tier.set(TierChoice.ALL);
        }
        reveal.set(null);
        reveal.set(row);
    }

    /** The row the view should select and scroll to; null when nothing is asked. */
    public ReadOnlyObjectProperty<MerchantRow> revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    /** Shows a merchant's scorecard at once from the book, then refreshes it from the server. */
    public void select(Merchant merchant) {
        selected = merchant;
        detail.set(merchant == null ? null : MerchantDetail.of(merchant, messages));
        if (merchant == null) {
            return;
        }
        executor.execute(() -> backend.merchants().merchant(merchant.id()), fresh -> {
            if (selected == merchant) {
                detail.set(MerchantDetail.of(fresh, messages));
            }
        }, connection::reportFailure);
    }

    private void refilter() {
        String[] terms = SearchText.terms(query.get());
        Tier only = tier.get() == null ? null : tier.get().tier();
        if (terms.length == 0 && only == null) {
            visible.setPredicate(null);
            return;
        }
        visible.setPredicate(row -> (only == null || row.merchant().tier() == only) && row.matches(terms));
    }

    private String describeCount() {
        if (visible.size() == rows.size()) {
            return messages.format("merchants.count.all", rows.size());
        }
        return messages.format("merchants.count.filtered", visible.size(), rows.size());
    }

    private String describeNoMatch() {
        String typed = query.get() == null ? "" : query.get().strip();
        return typed.isEmpty()
                ? messages.get("merchants.noMatch.filters")
                : messages.format("merchants.noMatch.query", typed);
    }

    /** The screen's heading: my merchants, or the team's. */
    public String title() {
        return messages.get(wholeTeam ? "merchants.title.team" : "merchants.title");
    }

    /** What the empty screen says: a manager waits for merchants to be assigned; the team has none yet. */
    public String emptyText() {
        return messages.get(wholeTeam ? "merchants.empty.body.team" : "merchants.empty.body");
    }

    /** The rows that pass the search and filters, in book order; the view may sort a wrapper. */
    public ObservableList<MerchantRow> visibleRows() {
        return visible;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<TierChoice> tierProperty() {
        return tier;
    }

    public ReadOnlyObjectProperty<ScreenState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MerchantDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public StringBinding countTextProperty() {
        return countText;
    }

    public StringBinding noMatchTextProperty() {
        return noMatchText;
    }

    public String tierLabel(TierChoice choice) {
        return messages.get(choice.labelKey());
    }

    public String tierLabel(Tier value) {
        return value == null ? "" : messages.get("tier." + value.name());
    }

    public String bandLabel(Band band) {
        return band == null ? "" : messages.get("band." + band.name());
    }
}
