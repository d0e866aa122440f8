package io.lineone.client.common;

import io.lineone.client.common.ConsoleSettings.WindowBounds;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts the window back where it was, as long as that place is still on a screen. */
public final class WindowPlacement {

    /** How much of the title bar must be on a screen for the user to reach it and drag the window back. */
    private static final double GRIP = 64;

    private WindowPlacement() {
    }

    /**
     * Restores {@code saved}; a window saved on a monitor since unplugged, or saved larger than the screen now is, opens
     * at the default size centred on the primary screen instead.
     */
    public static void restore(Stage stage, Optional<WindowBounds> saved, double width, double height) {
        Optional<WindowBounds> usable = saved.filter(WindowPlacement::reachable);
        if (usable.isPresent()) {
            WindowBounds bounds = usable.get();
            stage.setX(bounds.x());
            stage.setY(bounds.y());
            stage.setWidth(bounds.width());
            stage.setHeight(bounds.height());
            stage.setMaximized(bounds.maximized());
        } else {
            stage.setWidth(width);
            stage.setHeight(height);
            stage.centerOnScreen();
        }
    }

    public static WindowBounds of(Stage stage) {
        return new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }

    private static boolean reachable(WindowBounds bounds) {
        Rectangle2D titleBar = new Rectangle2D(bounds.x(), bounds.y(), Math.max(1, bounds.width()), GRIP);
        return Screen.getScreens().stream().map(Screen::getVisualBounds).anyMatch(screen ->
                screen.intersects(titleBar) && bounds.width() <= screen.getWidth() + GRIP
                        && bounds.height() <= screen.getHeight() + GRIP);
    }
}
