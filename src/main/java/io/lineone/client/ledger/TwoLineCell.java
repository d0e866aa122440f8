package io.lineone.client.ledger;

import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** A table cell of two lines: what it is, and a muted line of detail; the whole of both as its tooltip. */
final class TwoLineCell<S> extends TableCell<S, S> {

    private final Function<S, String> first;
    private final Function<S, String> second;
    private final Label top = new Label();
    private final Label bottom = new Label();
    private final VBox lines = new VBox(top, bottom);
    private final Tooltip whole = new Tooltip();

    TwoLineCell(Function<S, String> first, Function<S, String> second) {
        this.first = first;
        this.second = second;
        top.getStyleClass().add("insights-cell-main");
        bottom.getStyleClass().addAll("text-muted", "insights-cell-detail");
        lines.getStyleClass().add("insights-two-lines");
    }

    @Override
    protected void updateItem(S item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        top.setText(first.apply(item));
        bottom.setText(second.apply(item));
        whole.setText(top.getText() + "\n" + bottom.getText());
        setTooltip(whole);
        setGraphic(lines);
    }
}
