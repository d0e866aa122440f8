package io.lineone.client.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** A plain text cell that shows its whole text on hover, for columns narrow enough to cut it short with "…". */
public final class WholeTextCell<S> extends TableCell<S, String> {

    private final Tooltip whole = new Tooltip();

    @Override
    protected void updateItem(String value, boolean empty) {
        super.updateItem(value, empty);
        boolean blank = empty || value == null || value.isBlank();
        setText(empty ? null : value);
        whole.setText(blank ? "" : value);
        setTooltip(blank ? null : whole);
    }
}
