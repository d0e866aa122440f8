package io.lineone.client.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;

/**
 * A screen's loading, error and empty panes, stacked over its content: exactly one shows, as the view model's
 * {@link ScreenState} says. Also the one way any node is shown only while a condition holds.
 *
 * @param errorMessage the error pane's label for the view model's error text
 */
public record StatePanes(Node loading, Node error, Labeled errorMessage, Node empty) {

    /** Shows the pane for {@code state}, or {@code content} (which keeps its place in the layout) when READY. */
    public void bind(ObservableObjectValue<ScreenState> state, ObservableStringValue errorText, Node content) {
        // Each pane joins the layout only when first needed: most screens show one of the three, if any, at a time.
        showWhenFirstNeeded(loading, is(state, ScreenState.LOADING));
        showWhenFirstNeeded(error, is(state, ScreenState.ERROR));
        showWhenFirstNeeded(empty, is(state, ScreenState.EMPTY));
        content.visibleProperty().bind(is(state, ScreenState.READY));
        errorMessage.textProperty().bind(errorText);
    }

    /** As {@link #showWhen}, and out of the scene graph until {@code condition} first holds ({@link #addWhenFirstShown}). */
    public static void showWhenFirstNeeded(Node node, ObservableBooleanValue condition) {
        showWhen(node, condition);
        addWhenFirstShown(node, condition);
    }

    public static BooleanBinding is(ObservableObjectValue<ScreenState> state, ScreenState wanted) {
        return Bindings.equal(state, wanted);
    }

    /** Shown, and given room in the layout, only while {@code condition} holds. */
    public static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    /** Out of the scene graph for good: a part this user's screen never shows (no skins, no CSS, no layout). */
    public static void leaveOut(Node node) {
        ((Pane) node.getParent()).getChildren().remove(node);
    }

    /**
     * For a large part of a screen that starts hidden ({@code condition} false), such as what shows only once a row
     * is picked: out of the scene graph (no skins, no CSS, no layout) until {@code condition} first holds, then put
     * back in its place in its parent, a {@link Pane}, for good. Its visibility is bound as before, separately.
     */
    public static void addWhenFirstShown(Node node, ObservableBooleanValue condition) {
        // A BorderPane places a child by its slot, which a child added back would not have.
        if (condition.get() || !(node.getParent() instanceof Pane parent) || parent instanceof BorderPane) {
            return;
        }
        int at = parent.getChildren().indexOf(node);
        parent.getChildren().remove(at);
        condition.addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    condition.removeListener(this);
                    parent.getChildren().add(Math.min(at, parent.getChildren().size()), node);
                }
            }
        });
    }
}
