package io.lineone.client.common;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/** Runs something once the next pulse has laid a node's scene out: when what changed is on screen. FX thread. */
public final class AfterLayout {

    private AfterLayout() {
    }

    /** Runs {@code then} once, after the next layout pass of {@code node}'s scene (soon, if it has none). */
    public static void run(Node node, Runnable then) {
        Scene scene = node.getScene();
        if (scene == null) {
            Platform.runLater(then);
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            then.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }
}
