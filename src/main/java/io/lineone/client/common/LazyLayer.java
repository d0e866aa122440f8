package io.lineone.client.common;

import java.util.function.Supplier;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A layer over the window (the search, the fix dialog) built the first time it is wanted instead of with the
 * window: built at once, its nodes and their skins took their share of the main window's first CSS and layout pass,
 * the slowest step of a start, for something most starts never open.
 */
public final class LazyLayer {

    private final StackPane layers;
    private final Node under;
    private final Supplier<? extends Node> build;
    private Node layer;

    /** @param under the layer it goes beneath (the toasts, which stay on top of everything) */
    public LazyLayer(StackPane layers, Node under, Supplier<? extends Node> build) {
        this.layers = layers;
        this.under = under;
        this.build = build;
    }

    /** Builds the layer and puts it in place, on the first call only. */
    public void ensureBuilt() {
        if (layer == null) {
            layer = build.get();
            ObservableList<Node> children = layers.getChildren();
            int at = children.indexOf(under);
            children.add(at < 0 ? children.size() : at, layer);
        }
    }
}
