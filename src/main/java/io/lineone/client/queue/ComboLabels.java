package io.lineone.client.queue;

import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/**
 * Shows a combo box's values by a label, through its converter rather than custom cells: the box's own button cell
 * then always shows the value, also one set before the box was first drawn (a custom button cell may stay blank).
 */
final class ComboLabels {

    private ComboLabels() {
    }

    static <T> void label(ComboBox<T> box, Function<T, String> label) {
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return box.getValue();
            }
        });
    }
}
