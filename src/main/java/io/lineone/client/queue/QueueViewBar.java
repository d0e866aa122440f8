package io.lineone.client.queue;

import io.lineone.client.common.Messages;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The saved views as a row of toggles above the filters, the one the filters match pressed; keys 1 … 4. */
final class QueueViewBar {

    private QueueViewBar() {
    }

    static void install(HBox bar, QueueFilters filters, Messages messages) {
        ToggleGroup group = new ToggleGroup();
        QueueView[] views = QueueView.values();
        for (int i = 0; i < views.length; i++) {
            QueueView view = views[i];
            ToggleButton button = new ToggleButton(messages.get(view.labelKey()));
            button.setId("view-" + view.name());
            button.setUserData(view);
            button.getStyleClass().addAll("small", "view-toggle");
            button.setTooltip(new Tooltip(messages.format("queue.view.key", i + 1)));
            button.setToggleGroup(group);
            // The queue's letter keys stay with the table.
            button.setFocusTraversable(false);
            button.setOnAction(event -> filters.show(view));
            bar.getChildren().add(button);
        }
        select(group, filters.viewProperty().get());
        filters.viewProperty().addListener((obs, old, view) -> select(group, view));
    }

    private static void select(ToggleGroup group, QueueView view) {
        for (Toggle toggle : group.getToggles()) {
            toggle.setSelected(toggle.getUserData() == view);
        }
    }

    /** The view a digit key stands for: 1 the first; null for any other key. */
    static QueueView byDigit(String typed) {
        if (typed == null || typed.length() != 1 || typed.charAt(0) < '1') {
            return null;
        }
        int index = typed.charAt(0) - '1';
        return index < QueueView.values().length ? QueueView.values()[index] : null;
    }
}
