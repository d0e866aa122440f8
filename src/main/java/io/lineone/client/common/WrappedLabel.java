package io.lineone.client.common;

import javafx.scene.control.Label;

/** A line of a thread or a list in a detail pane: it wraps instead of cutting off, styled by its kind. */
public final class WrappedLabel {

    private WrappedLabel() {
    }

    public static Label of(String text, String style) {
        Label line = new Label(text);
        line.setWrapText(true);
        line.getStyleClass().add(style);
        return line;
    }
}
