package io.lineone.client.merchants;

import io.lineone.api.Listing;
import io.lineone.api.ListingAnomaly;
import io.lineone.client.fixes.FixText;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** A listing's anomaly flags as chips: decimal slip, below cost, coupon stack, unit… (none: nothing drawn). */
final class AnomalyChipsCell extends TableCell<ListingRow, Listing> {

    private final FixText text;
    private final HBox chips = new HBox(4);

    /** More flags than this fold into a "+N" chip; the tooltip names them all. */
    static final int SHOWN = 2;

    private final Tooltip tooltip = new Tooltip();

    AnomalyChipsCell(FixText text) {
        this.text = text;
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setAlignment(Pos.CENTER_LEFT);
        chips.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(Listing listing, boolean empty) {
        super.updateItem(listing, empty);
        if (empty || listing == null || listing.anomalies() == null || listing.anomalies().isEmpty()) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        chips.getChildren().clear();
        List<ListingAnomaly> anomalies = listing.anomalies();
        for (ListingAnomaly anomaly : anomalies.subList(0, Math.min(SHOWN, anomalies.size()))) {
            chips.getChildren().add(chip(text.anomaly(anomaly), "anomaly-" + anomaly.name().toLowerCase(Locale.ROOT)
                    .replace('_', '-')));
        }
        if (anomalies.size() > SHOWN) {
            chips.getChildren().add(chip("+" + (anomalies.size() - SHOWN), "anomaly-more"));
        }
        tooltip.setText(anomalies.stream().map(text::anomaly).collect(Collectors.joining("\n")));
        setTooltip(tooltip);
        setGraphic(chips);
    }

    private static Label chip(String label, String kind) {
        Label chip = new Label(label);
        chip.getStyleClass().addAll("chip", "anomaly-chip", kind);
        chip.setMinWidth(Label.USE_PREF_SIZE);
        return chip;
    }
}
