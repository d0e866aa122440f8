package io.lineone.client.merchants;

import io.lineone.api.Listing;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One listing in a merchant's listings table; newer versions (a feed change, a fix) replace it in place. */
public final class ListingRow {

    private final String id;
    private final ReadOnlyObjectWrapper<Listing> listing;

    ListingRow(Listing listing) {
        this.id = listing.id();
        this.listing = new ReadOnlyObjectWrapper<>(listing);
    }

    public String id() {
        return id;
    }

    public Listing listing() {
        return listing.get();
    }

    void update(Listing newer) {
        if (newer.version() >= listing.get().version()) {
            listing.set(newer);
        }
    }

    public ReadOnlyObjectProperty<Listing> listingProperty() {
        return listing.getReadOnlyProperty();
    }
}
