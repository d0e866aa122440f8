package io.lineone.client.merchants;

import io.lineone.api.FixOption;
import io.lineone.api.Listing;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantCash;
import io.lineone.api.PricePoint;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.fixes.FixActions;
import io.lineone.client.fixes.FixDialogViewModel;
import io.lineone.client.fixes.FixText;
import io.lineone.client.net.Backend;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected merchant's listings in the merchants screen: each with its anomaly flags, status and price against
 * the reference, the merchant's cash (a chip when it runs short), and for the selected listing its price history
 * and the fixes that apply, each a button that opens the fix dialog. Live: {@code listing.updated} events move the
 * rows as they come (a delisted listing reads DELISTED without a refresh).
 */
public final class MerchantListingsViewModel {

    private final Backend backend;
    private final TaskExecutor executor;
    private final FixActions fixes;
    private final FixDialogViewModel dialog;
    private final FixText text;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;

    private final ObservableList<ListingRow> rows = FXCollections.observableArrayList(
            row -> new Observable[] {row.listingProperty()});
    private final Map<String, ListingRow> rowsById = new HashMap<>();
    private final ObservableList<PricePoint> prices = FXCollections.observableArrayList();
    private final ObservableList<FixOption> options = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ScreenState> state = new ReadOnlyObjectWrapper<>(ScreenState.EMPTY);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cashText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MerchantCash> cash = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ListingRow> selected = new ReadOnlyObjectWrapper<>();
    private Merchant merchant;
    private int generation;
    private int selectionGeneration;
    /** The version of the selected listing whose history and fixes are on show. */
    private long shownVersion = -1;

    public MerchantListingsViewModel(Backend backend, TaskExecutor executor, ConnectionStatus connection,
                                     FixActions fixes, FixDialogViewModel dialog) {
        this.backend = backend;
        this.executor = executor;
        this.connection = connection;
        this.fixes = fixes;
        this.dialog = dialog;
        this.text = fixes.text();
        this.errors = new ErrorMessages(text.messages());
        fixes.feed().onListings(this::listingsChanged);
        // A paused deduction (a fix, or the feed) changes the merchant: its cash line is read again.
        fixes.feed().onMerchants(changed -> changed.stream().filter(m -> merchant != null
                && m.id().equals(merchant.id())).findFirst().ifPresent(m -> readCash()));
        fixes.feed().onReopen(() -> show(merchant));
    }

    /** Reads the listings and cash of {@code shown}; null clears the pane. */
    public void show(Merchant shown) {
        boolean same = merchant != null && shown != null && merchant.id().equals(shown.id());
        merchant = shown;
        int mine = ++generation;
        if (!same) {
            rows.clear();
            rowsById.clear();
            select(null);
            cash.set(null);
            cashText.set("");
        }
        if (shown == null) {
            heading.set("");
            state.set(ScreenState.EMPTY);
            return;
        }
        heading.set(text.messages().format("merchants.listings.title", shown.name()));
        error.set("");
        if (!same) {
            state.set(ScreenState.LOADING);
        }
        String id = shown.id();
        executor.execute(() -> new Read(backend.listings().allListings(id), backend.listings().merchantCash(id)), read -> {
            if (mine != generation) {
                return;
            }
            connection.reportSuccess();
            for (Listing listing : read.listings()) {
                put(listing);
            }
            rows.removeIf(row -> read.listings().stream().noneMatch(l -> l.id().equals(row.id()))
                    && rowsById.remove(row.id()) != null);
            showCash(read.cash());
            state.set(rows.isEmpty() ? ScreenState.EMPTY : ScreenState.READY);
        }, failure -> {
            if (mine != generation) {
                return;
            }
            connection.reportFailure(failure);
            error.set(errors.describe(failure));
            state.set(ScreenState.ERROR);
        });
    }

    private void readCash() {
        String id = merchant.id();
        int mine = generation;
        executor.execute(() -> backend.listings().merchantCash(id), fresh -> {
            if (mine == generation) {
                showCash(fresh);
            }
        }, connection::reportFailure);
    }

    private record Read(List<Listing> listings, MerchantCash cash) {
    }

    private void showCash(MerchantCash now) {
        cash.set(now);
        if (now == null || (now.balanceCents() == 0 && now.pendingDeductionCents() == 0 && !now.shortOfCash())) {
            // Nothing from the feed about this merchant's cash yet: two zeros would read as an empty account.
            cashText.set("");
        } else {
            cashText.set(text.messages().format("merchants.listings.cash", text.money(now.balanceCents()),
                    text.money(now.pendingDeductionCents())));
        }
    }

    private void put(Listing listing) {
        ListingRow row = rowsById.get(listing.id());
        if (row == null) {
            row = new ListingRow(listing);
            rowsById.put(listing.id(), row);
            rows.add(row);
        } else {
            row.update(listing);
        }
    }

    private void listingsChanged(Collection<Listing> changed) {
        if (merchant == null) {
            return;
        }
        for (Listing listing : changed) {
            if (merchant.id().equals(listing.merchantId())) {
                put(listing);
            }
        }
        if (!rows.isEmpty() && state.get() == ScreenState.EMPTY) {
            state.set(ScreenState.READY);
        }
        ListingRow row = selected.get();
        if (row != null && row.listing().version() != shownVersion) {
            readSelected(row);
        }
    }

    /** The listing whose history and fixes are shown; null for none. */
    public void select(ListingRow row) {
        selected.set(row);
        prices.clear();
        options.clear();
        shownVersion = -1;
        if (row != null) {
            readSelected(row);
        } else {
            selectionGeneration++;
        }
    }

    private void readSelected(ListingRow row) {
        int mine = ++selectionGeneration;
        Listing listing = row.listing();
        shownVersion = listing.version();
        executor.execute(() -> new Selected(backend.listings().listingPrices(listing.id(), null, 50).items(),
                backend.fixes().fixOptions(null, listing.id())), read -> {
            if (mine == selectionGeneration) {
                prices.setAll(read.prices());
                options.setAll(read.options());
            }
        }, failure -> {
            if (mine == selectionGeneration) {
                connection.reportFailure(failure);
            }
        });
    }

    private record Selected(List<PricePoint> prices, List<FixOption> options) {
    }

    /** A fix button of the selected listing: opens the fix dialog on it. */
    public void fix(FixOption option) {
        if (fixes.availableProperty().get()) {
            dialog.open(option.kind(), option.targetId(), null, option.targetTitle());
        }
    }

    public String fixLabel(FixOption option) {
        return text.kind(option.kind());
    }

    public FixText text() {
        return text;
    }

    public ObservableList<ListingRow> rows() {
        return rows;
    }

    /** The selected listing's prices, newest first. */
    public ObservableList<PricePoint> prices() {
        return prices;
    }

    /** The fixes that apply to the selected listing. */
    public ObservableList<FixOption> options() {
        return options;
    }

    public ReadOnlyObjectProperty<ScreenState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Listings of 张记茶庄". */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** "Cash ¥1,000.00 · next deduction ¥5,000.00"; empty before it is read. */
    public ReadOnlyStringProperty cashTextProperty() {
        return cashText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MerchantCash> cashProperty() {
        return cash.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ListingRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public BooleanBinding fixAvailableProperty() {
        return fixes.availableProperty();
    }

    public StringBinding fixUnavailableReasonProperty() {
        return fixes.unavailableReasonProperty();
    }
}
