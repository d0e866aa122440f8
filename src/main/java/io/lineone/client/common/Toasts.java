package io.lineone.client.common;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Notices that come and go in a corner of the main window (a new P1, a bell that concerns the user): plain nodes
 * in an overlay, styled by the app's stylesheet like everything else, so they have the theme's background in light
 * and dark, and a click on one can open what it is about. A toast leaves after a while unless the pointer rests on
 * it; only the newest few are kept. FX thread only.
 */
public final class Toasts {

    /** How long a toast stays when nobody looks at it. */
    static final Duration SHOWN_FOR = Duration.seconds(8);
    /** Older toasts give way beyond this many. */
    static final int MAX_SHOWN = 3;

    private final Messages messages;
    private final VBox layer = new VBox(8);

    public Toasts(Messages messages) {
        this.messages = messages;
        layer.getStyleClass().add("toast-layer");
        layer.setAlignment(Pos.BOTTOM_RIGHT);
        layer.setFillWidth(false);
        // Clicks that miss every toast go to the window beneath.
        layer.setPickOnBounds(false);
        StackPane.setAlignment(layer, Pos.BOTTOM_RIGHT);
    }

    /** The overlay to stack over the window's content. */
    public Node layer() {
        return layer;
    }

    /**
     * Shows a toast.
     *
     * @param kindStyle a modifier such as {@code toast-urgent}, or null
     * @param onOpen    what a click on the toast opens; null for a toast that only informs
     */
    public void show(String title, String body, String kindStyle, Runnable onOpen) {
        show(title, body, kindStyle, onOpen, null, SHOWN_FOR);
    }

    /**
     * A toast with one action button (a fix's Undo), enabled while {@code action} says it can run; pressing it
     * runs it and dismisses the toast.
     *
     * @param shownFor how long the toast stays when nobody looks at it
     */
    public void show(String title, String body, String kindStyle, ToastAction action, Duration shownFor) {
        show(title, body, kindStyle, null, action, shownFor);
    }

    /** An action a toast offers: its label, whether it can run now, and what it does. */
    public record ToastAction(String label, ObservableBooleanValue enabled, Runnable run) {
    }

    private void show(String title, String body, String kindStyle, Runnable onOpen, ToastAction action,
                      Duration shownFor) {
        VBox toast = new VBox(2);
        toast.getStyleClass().add("toast");
        if (kindStyle != null) {
            toast.getStyleClass().add(kindStyle);
        }
        Label heading = new Label(title);
        heading.getStyleClass().add("toast-title");
        heading.setWrapText(true);
        HBox.setHgrow(heading, Priority.ALWAYS);
        heading.setMaxWidth(Double.MAX_VALUE);
        Button close = new Button(null, new FontIcon("fth-x"));
        close.getStyleClass().addAll("flat", "small", "toast-close");
        close.setAccessibleText(messages.get("toast.dismiss"));
        close.setFocusTraversable(false);
        close.setOnAction(event -> {
            event.consume();
            dismiss(toast);
        });
        HBox top = new HBox(8, heading, close);
        top.setAlignment(Pos.TOP_LEFT);
        toast.getChildren().add(top);
        if (body != null && !body.isBlank()) {
            Label text = new Label(body);
            text.getStyleClass().add("toast-body");
            text.setWrapText(true);
            toast.getChildren().add(text);
        }
        if (onOpen != null) {
            Label hint = new Label(messages.get("toast.open"));
            hint.getStyleClass().add("toast-hint");
            toast.getChildren().add(hint);
            toast.setCursor(Cursor.HAND);
            toast.setOnMouseClicked(event -> {
                dismiss(toast);
                onOpen.run();
            });
        }
        if (action != null) {
            Button act = new Button(action.label());
            act.getStyleClass().addAll("small", "toast-action");
            act.disableProperty().bind(Bindings.not(action.enabled()));
            act.setOnAction(event -> {
                event.consume();
                dismiss(toast);
                action.run().run();
            });
            HBox actions = new HBox(act);
            actions.setAlignment(Pos.CENTER_RIGHT);
            toast.getChildren().add(actions);
        }
        toast.setMinHeight(Region.USE_PREF_SIZE);

        PauseTransition life = new PauseTransition(shownFor);
        life.setOnFinished(event -> dismiss(toast));
        toast.hoverProperty().addListener((obs, was, hovered) -> {
            if (hovered) {
                life.pause();
            } else {
                life.playFromStart();
            }
        });
        layer.getChildren().add(toast);
        while (layer.getChildren().size() > MAX_SHOWN) {
            layer.getChildren().remove(0);
        }
        life.play();
    }

    private void dismiss(Node toast) {
        layer.getChildren().remove(toast);
    }

    /** Toasts on show, oldest first. */
    public int count() {
        return layer.getChildren().size();
    }
}
