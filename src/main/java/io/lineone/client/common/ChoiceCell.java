package io.lineone.client.common;

import java.util.List;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/** A combo box entry drawn with a label from the bundle rather than the value's {@code toString}. */
public final class ChoiceCell<T> extends ListCell<T> {

    private final Function<T, String> label;

    public ChoiceCell(Function<T, String> label) {
        this.label = label;
    }

    /** Fills {@code box} with {@code values}, each shown by {@code label}, in the list and on the button. */
    public static <T> void install(ComboBox<T> box, List<T> values, Function<T, String> label) {
        box.getItems().setAll(values);
        box.setButtonCell(new ChoiceCell<>(label));
        box.setCellFactory(list -> new ChoiceCell<>(label));
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : label.apply(item));
    }
}
