package io.lineone.client.queue;

import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;

/** A queue row; {@code :fresh} while a new P1 is highlighted. */
final class IssueTableRow extends TableRow<IssueRow> {

    private static final PseudoClass FRESH = PseudoClass.getPseudoClass("fresh");

    private final ChangeListener<Boolean> onFresh = (obs, old, now) -> pseudoClassStateChanged(FRESH, now);
    private IssueRow watched;

    IssueTableRow() {
        getStyleClass().add("issue-row");
    }

    @Override
    protected void updateItem(IssueRow row, boolean empty) {
        super.updateItem(row, empty);
        if (watched != null) {
            watched.freshProperty().removeListener(onFresh);
            watched = null;
        }
        if (!empty && row != null) {
            watched = row;
            row.freshProperty().addListener(onFresh);
        }
        pseudoClassStateChanged(FRESH, watched != null && watched.isFresh());
    }
}
