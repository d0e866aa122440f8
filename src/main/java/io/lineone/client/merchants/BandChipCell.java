package io.lineone.client.merchants;

import io.lineone.api.Band;
import io.lineone.api.Merchant;
import java.util.Arrays;
import java.util.Locale;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A lighthouse score drawn as a chip ({@code band-chip}) coloured by its band ({@code band-green} … {@code band-red}),
 * or a muted "not scored yet" chip ({@code band-none}) for a merchant without a score.
 */
final class BandChipCell extends TableCell<MerchantRow, Merchant> {

    private final Label chip = new Label();
    // One tooltip per cell, reused: cells are recycled while scrolling, and a new one each time is garbage.
    private final Tooltip tooltip = new Tooltip();
    private final BookText text;

    BandChipCell(BookText text) {
        this.text = text;
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        // The chip stays in the cell, hidden while empty: taken out and put back, it is styled anew from scratch.
        chip.getStyleClass().setAll(styleClassesFor(null));
        chip.setVisible(false);
        setGraphic(chip);
    }

    @Override
    protected void updateItem(Merchant merchant, boolean empty) {
        super.updateItem(merchant, empty);
        if (empty || merchant == null) {
            chip.setVisible(false);
            chip.setText(null);
            chip.setAccessibleText(null);
            setTooltip(null);
            return;
        }
        Band band = BandChoice.bandOf(merchant);
        String name = text.band(band);
        chip.setText(band == null ? name : Integer.toString(merchant.lighthouseScore()));
        // Only a band that changed restyles the chip: every change of its classes, even to the same, does.
        String[] classes = styleClassesFor(band);
        if (!chip.getStyleClass().equals(Arrays.asList(classes))) {
            chip.getStyleClass().setAll(classes);
        }
        chip.setAccessibleText(band == null ? name : merchant.lighthouseScore() + " " + name);
        tooltip.setText(name);
        if (getTooltip() != tooltip) {
            setTooltip(tooltip);
        }
        chip.setVisible(true);
    }

    /** The chip's classes; a null band is "not scored yet". */
    static String[] styleClassesFor(Band band) {
        return new String[] {"label", "chip", "band-chip",
            band == null ? "band-none" : "band-" + band.name().toLowerCase(Locale.ROOT)};
    }
}
