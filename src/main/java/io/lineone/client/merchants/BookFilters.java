package io.lineone.client.merchants;

import io.lineone.api.MerchantFacets;
import io.lineone.api.User;
import io.lineone.client.common.Messages;
import io.lineone.client.common.SearchText;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The search text and the filters of the book, and the choices the filters offer (the book's categories and
 * regions). Any change hands the book a new {@link MerchantFilter} at once: filtering is one pass in memory.
 */
public final class BookFilters {

    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<TierChoice> tier = new SimpleObjectProperty<>(TierChoice.ALL);
    private final ObjectProperty<BandChoice> band = new SimpleObjectProperty<>(BandChoice.ALL);
    private final ObjectProperty<String> category = new SimpleObjectProperty<>();
    private final ObjectProperty<String> region = new SimpleObjectProperty<>();
    private final ObjectProperty<User> manager = new SimpleObjectProperty<>();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final ObservableList<String> regions = FXCollections.observableArrayList();
    private final StringBinding noMatchText;

    BookFilters(Messages messages, Consumer<MerchantFilter> apply) {
        for (Observable filter : List.of(query, tier, band, category, region, manager)) {
            filter.addListener(o -> apply.accept(current()));
        }
        noMatchText = Bindings.createStringBinding(() -> {
            String typed = query.get() == null ? "" : query.get().strip();
            return onlyText() && !typed.isEmpty()
                    ? messages.format("merchants.noMatch.query", typed)
                    : messages.get("merchants.noMatch.filters");
        }, query, tier, band, category, region, manager);
    }

    private MerchantFilter current() {
        TierChoice t = tier.get();
        BandChoice b = band.get();
        User m = manager.get();
        return new MerchantFilter(SearchText.terms(query.get()), t == null ? null : t.tier(),
                b == null ? BandChoice.ALL : b, category.get(), region.get(), m == null ? null : m.id());
    }

    private boolean onlyText() {
        return tier.get() == TierChoice.ALL && band.get() == BandChoice.ALL && category.get() == null
                && region.get() == null && manager.get() == null;
    }

    /** Clears the search and every filter. */
    public void clear() {
        query.set("");
        tier.set(TierChoice.ALL);
        band.set(BandChoice.ALL);
        category.set(null);
        region.set(null);
        manager.set(null);
    }

    /** Offers the categories and regions the server counted. */
    void offer(MerchantFacets facets) {
        categories.setAll(facets.categories());
        regions.setAll(facets.regions());
    }

    /** Offers what the rows hold, when the server's counts did not come. */
    void offerFromRows(Iterable<MerchantRow> rows) {
        if (!categories.isEmpty() || !regions.isEmpty()) {
            return;
        }
        TreeSet<String> seenCategories = new TreeSet<>();
        TreeSet<String> seenRegions = new TreeSet<>();
        for (MerchantRow row : rows) {
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

    /** "No merchant matches 杭州" for a search alone, else that no merchant matches the filters. */
    public StringBinding noMatchTextProperty() {
        return noMatchText;
    }
}
