package io.lineone.client.ledger;

import io.lineone.client.common.ScreenState;
import io.lineone.client.common.StatePanes;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;

/** What the insights' views share: a toggle group that edits a choice, and right-aligned number cells. */
final class InsightsViews {

    private InsightsViews() {
    }

    /**
     * Keeps {@code group}'s selection and {@code choice} together; each toggle's {@code userData} is its value. A
     * click on the selected toggle leaves it selected (a choice always has a value).
     */
    static <T> void choose(ToggleGroup group, ObjectProperty<T> choice) {
        Runnable fromModel = () -> group.getToggles().stream().filter(t -> t.getUserData() == choice.get())
                .findFirst().ifPresent(group::selectToggle);
        fromModel.run();
        choice.addListener((obs, old, now) -> fromModel.run());
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(old);
            } else {
                @SuppressWarnings("unchecked")
                T value = (T) ((Toggle) now).getUserData();
                choice.set(value);
            }
        });
    }

    /** A line saying why the last read failed, while the numbers of an older one stay on view. */
    static void staleLine(Label line, InsightsSection<?> section) {
        line.textProperty().bind(section.errorProperty());
        StatePanes.showWhen(line, section.errorProperty().isNotEmpty()
                .and(StatePanes.is(section.stateProperty(), ScreenState.ERROR).not()));
    }

    static <S, T> TableCell<S, T> numberCell(Function<T, String> format) {
        return new TableCell<>() {
            {
                getStyleClass().add("numeric-cell");
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
    }
}
