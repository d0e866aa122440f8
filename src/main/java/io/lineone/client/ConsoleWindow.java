package io.lineone.client;

import io.lineone.client.common.AfterLayout;
import io.lineone.client.common.ConsoleSettings;
import io.lineone.client.common.StartupTimeline;
import io.lineone.client.common.Theme;
import io.lineone.client.common.WindowPlacement;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The console's one window: placed where it was last time, its root swapped for each screen (sign-in, a spinner,
 * the main window) in the chosen text size, and its place kept at exit.
 */
final class ConsoleWindow {

    private static final double WIDTH = 1200;
    private static final double HEIGHT = 760;

    private final ConsoleSettings console;
    private Stage stage;

    ConsoleWindow(ConsoleSettings console) {
        this.console = console;
    }

    /** Readies {@code window} (theme, size, place); it is shown by {@link Stage#show}. */
    void open(Stage window) {
        this.stage = window;
        console.theme().applyGlobally();
        Scene scene = new Scene(new StackPane(), WIDTH, HEIGHT);
        Theme.style(scene);
        stage.setScene(scene);
        // The rows are in the table (marked on the FX thread) before its cells are made and laid out: the layout pass
        // after that is when it shows.
        StartupTimeline.reached(StartupTimeline.Moment.TABLE_READY).thenRun(() -> AfterLayout.run(scene.getRoot(),
                () -> StartupTimeline.mark(StartupTimeline.Moment.TABLE_SHOWN)));
        WindowPlacement.restore(stage, console.window(), WIDTH, HEIGHT);
        // Set once the window is up: set before, GTK window managers open the window at the minimum size.
        stage.setOnShown(event -> {
            StartupTimeline.mark(StartupTimeline.Moment.WINDOW);
            stage.setMinWidth(880);
            stage.setMinHeight(560);
        });
    }

    void show(Parent root, String title) {
        console.textSize().styleClass().ifPresent(root.getStyleClass()::add);
        stage.getScene().setRoot(root);
        stage.setTitle(title);
    }

    /** The window's empty background, for the moment until the screen it is about to show is built. */
    void showShell(String title) {
        show(new StackPane(), title);
    }

    /** A spinner over {@code text}, while something the window waits for is under way. */
    void showWaiting(String text, String title) {
        VBox waiting = new VBox(12, new ProgressIndicator(), new Label(text));
        waiting.getStyleClass().addAll("state-pane", "starting-root");
        show(waiting, title);
    }

    void switchTextSize(ConsoleSettings.TextSize size) {
        Parent root = stage.getScene().getRoot();
        for (ConsoleSettings.TextSize each : ConsoleSettings.TextSize.values()) {
            each.styleClass().ifPresent(root.getStyleClass()::remove);
        }
        size.styleClass().ifPresent(root.getStyleClass()::add);
    }

    /** Keeps the window's place and size for the next start. */
    void save() {
        if (stage != null) {
            console.saveWindow(WindowPlacement.of(stage));
        }
    }
}
