package io.lineone.client.common;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/** A combo box entry drawn with a label from the bundle rather than the value's {@code toString}. */
public final class ChoiceCell<T> extends ListCell<T> {

    private final Function<T, String> label;
    // What a null entry ("all") reads as; null when the values hold none.
    private final String nullText;

    public ChoiceCell(Function<T, String> label) {
        this(label, null);
    }

    private ChoiceCell(Function<T, String> label, String nullText) {
        this.label = label;
        this.nullText = nullText;
    }

    /**
     * Fills {@code box} with {@code values}, each shown by {@code label}, in the list and on the button; a null
     * among the values (a filter's "all") is shown by {@code label} too.
     */
    public static <T> void install(ComboBox<T> box, List<T> values, Function<T, String> label) {
        String nullText = values.stream().anyMatch(Objects::isNull) ? label.apply(null) : null;
        box.getItems().setAll(values);
        // Filled again as its values change, the box keeps its cells when they would draw the same: a new button
        // cell is styled at once, and a box whose screen has not had its first CSS pass yet styles it wrongly.
        if (!(box.getButtonCell() instanceof ChoiceCell<T> cell && cell.label == label
                && Objects.equals(cell.nullText, nullText))) {
            box.setButtonCell(new ChoiceCell<>(label, nullText));
            box.setCellFactory(list -> new ChoiceCell<>(label, nullText));
        }
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item == null ? nullText : label.apply(item));
    }
}
