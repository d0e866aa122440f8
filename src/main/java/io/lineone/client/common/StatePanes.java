package io.lineone.client.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Labeled;

/**
 * A screen's loading, error and empty panes, stacked over its content: exactly one shows, as the view model's
 * {@link ScreenState} says. Also the one way any node is shown only while a condition holds.
 *
 * @param errorMessage the error pane's label for the view model's error text
 */
public record StatePanes(Node loading, Node error, Labeled errorMessage, Node empty) {

    /** Shows the pane for {@code state}, or {@code content} (which keeps its place in the layout) when READY. */
    public void bind(ObservableObjectValue<ScreenState> state, ObservableStringValue errorText, Node content) {
        showWhen(loading, is(state, ScreenState.LOADING));
        showWhen(error, is(state, ScreenState.ERROR));
        showWhen(empty, is(state, ScreenState.EMPTY));
        content.visibleProperty().bind(is(state, ScreenState.READY));
        errorMessage.textProperty().bind(errorText);
    }

    public static BooleanBinding is(ObservableObjectValue<ScreenState> state, ScreenState wanted) {
        return Bindings.equal(state, wanted);
    }

    /** Shown, and given room in the layout, only while {@code condition} holds. */
    public static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
