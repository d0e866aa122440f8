package io.lineone.client.merchants;

import io.lineone.api.Listing;
import io.lineone.api.ListingAnomaly;
import io.lineone.client.fixes.FixText;
import java.util.Locale;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;

/** A listing's anomaly flags as chips: decimal slip, below cost, coupon stack, unit… (none: nothing drawn). */
final class AnomalyChipsCell extends TableCell<ListingRow, Listing> {

    private final FixText text;
    private final HBox chips = new HBox(4);

    AnomalyChipsCell(FixText text) {
        this.text = text;
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(Listing listing, boolean empty) {
        super.updateItem(listing, empty);
        if (empty || listing == null || listing.anomalies() == null || listing.anomalies().isEmpty()) {
            setGraphic(null);
            return;
        }
        chips.getChildren().clear();
        for (ListingAnomaly anomaly : listing.anomalies()) {
            chips.getChildren().add(chip(text.anomaly(anomaly), anomaly));
        }
        setGraphic(chips);
    }

    private static Label chip(String label, ListingAnomaly anomaly) {
        Label chip = new Label(label);
        chip.getStyleClass().addAll("chip", "anomaly-chip", "anomaly-" + anomaly.name().toLowerCase(Locale.ROOT)
                .replace('_', '-'));
        chip.setMinWidth(Label.USE_PREF_SIZE);
        return chip;
    }
}
