package io.lineone.client.merchants;

import io.lineone.api.Band;
import io.lineone.api.Merchant;
import java.util.Locale;
import java.util.function.Function;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** A lighthouse score drawn as a chip ({@code band-chip}) coloured by its band ({@code band-green} … {@code band-red}). */
final class BandChipCell extends TableCell<MerchantRow, Merchant> {

    private final Label chip = new Label();
    // One tooltip per cell, reused: cells are recycled while scrolling, and a new one each time is garbage.
    private final Tooltip tooltip = new Tooltip();
    private final Function<Band, String> bandLabel;

    BandChipCell(Function<Band, String> bandLabel) {
        this.bandLabel = bandLabel;
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(Merchant merchant, boolean empty) {
        super.updateItem(merchant, empty);
        if (empty || merchant == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        if (merchant.lighthouseScore() == null) {
            // Not scored yet: a merchant that just joined the program has no service history.
            chip.setText(NO_SCORE);
            chip.getStyleClass().setAll(styleClassesFor(null));
            chip.setAccessibleText(NO_SCORE);
            setTooltip(null);
            setGraphic(chip);
            return;
        }
        Band band = merchant.band() == null ? Band.of(merchant.lighthouseScore()) : merchant.band();
        chip.setText(Integer.toString(merchant.lighthouseScore()));
        chip.getStyleClass().setAll(styleClassesFor(band));
        String name = bandLabel.apply(band);
        chip.setAccessibleText(merchant.lighthouseScore() + " " + name);
        tooltip.setText(name);
        setTooltip(tooltip);
        setGraphic(chip);
    }

    /** What stands for a score a merchant does not have yet. */
    static final String NO_SCORE = "\u2014";

    /** The chip's classes; without a band (not scored yet) a plain chip. */
    static String[] styleClassesFor(Band band) {
        if (band == null) {
            return new String[] {"label", "chip", "band-chip"};
        }
        return new String[] {"label", "chip", "band-chip", "band-" + band.name().toLowerCase(Locale.ROOT)};
    }
}
