package io.lineone.client.queue;

import io.lineone.api.Issue;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;

/** Priority and status as chips ({@code .chip} and its modifiers), the same in the table and in the drawer. */
final class IssueChips {

    private IssueChips() {
    }

    /** {@code priority-p1} … {@code priority-p4}. */
    static List<String> priority(Issue issue) {
        return List.of("priority-" + issue.priority().name().toLowerCase(Locale.ROOT));
    }

    /** {@code status-chip} (outlined) and {@code status-new}, {@code status-in-progress}, …. */
    static List<String> status(Issue issue) {
        return List.of("status-chip", "status-" + issue.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    static void show(Label chip, String text, List<String> modifiers) {
        chip.setText(text);
        chip.getStyleClass().setAll("label", "chip");
        chip.getStyleClass().addAll(modifiers);
    }
}
