package io.lineone.client.common;

import java.util.Optional;
import javafx.scene.Node;

/** Where a screen wants the keys when it is shown: the queue's table, say, rather than its first text field. */
public final class FocusHome {

    private static final String KEY = FocusHome.class.getName();

    private FocusHome() {
    }

    public static void set(Node screen, Node home) {
        screen.getProperties().put(KEY, home);
    }

    /** The screen's chosen node, if it chose one that can take the keys now. */
    public static Optional<Node> of(Node screen) {
        return Optional.ofNullable(screen.getProperties().get(KEY)).map(Node.class::cast)
                .filter(home -> home.isVisible() && !home.isDisabled() && home.getScene() != null);
    }
}
