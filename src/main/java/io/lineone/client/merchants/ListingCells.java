package io.lineone.client.merchants;

import io.lineone.api.Listing;
import io.lineone.api.ListingStatus;
import io.lineone.client.fixes.FixText;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

/** The cells of a merchant's listings table and of a listing's price history. */
final class ListingCells {

    private ListingCells() {
    }

    /** LIVE or DELISTED as a chip. */
    static final class Status extends TableCell<ListingRow, Listing> {
        private final FixText text;
        private final Label chip = new Label();

        Status(FixText text) {
            this.text = text;
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Listing listing, boolean empty) {
            super.updateItem(listing, empty);
            if (empty || listing == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            chip.setText(text.status(listing.status()));
            chip.getStyleClass().setAll("label", "chip", "listing-status",
                    listing.status() == ListingStatus.DELISTED ? "listing-delisted" : "listing-live");
            setText(text.status(listing.status()));
            setGraphic(chip);
        }
    }

    /** ¥1,234.56, right-aligned. */
    static final class Money extends TableCell<ListingRow, Number> {
        private final FixText text;

        Money(FixText text) {
            this.text = text;
            getStyleClass().add("numeric-cell");
        }

        @Override
        protected void updateItem(Number cents, boolean empty) {
            super.updateItem(cents, empty);
            setText(empty || cents == null ? null : text.money(cents.longValue()));
        }
    }

    /** The reference price and the listing's price as a share of it: "¥99.00 · 10%"; far below, in red. */
    static final class Reference extends TableCell<ListingRow, Listing> {
        private final FixText text;

        Reference(FixText text) {
            this.text = text;
            getStyleClass().add("numeric-cell");
        }

        @Override
        protected void updateItem(Listing listing, boolean empty) {
            super.updateItem(listing, empty);
            getStyleClass().remove("price-off");
            if (empty || listing == null) {
                setText(null);
                return;
            }
            Long reference = listing.referencePriceCents();
            if (reference == null || reference <= 0) {
                setText("—");
                return;
            }
            long percent = Math.round(listing.priceCents() * 100.0 / reference);
            setText(text.messages().format("merchants.listings.vsReference", text.money(reference), percent));
            if (percent < 50 || percent > 800) {
                getStyleClass().add("price-off");
            }
        }
    }
}
