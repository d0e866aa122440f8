package io.lineone.client.queue;

import io.lineone.api.Issue;
import java.util.List;
import java.util.function.Function;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A cell showing one aspect of an issue: as text, or as a chip ({@link IssueChips}). Every column's value is the
 * row's issue property, so a newer version redraws the cell without the list changing.
 */
final class IssueCell extends TableCell<IssueRow, Issue> {

    private final Function<Issue, String> text;
    private final Function<Issue, List<String>> chipStyles;
    private final Label chip = new Label();
    // The whole text on hover, since a narrow column cuts it short with "…".
    private final Tooltip whole = new Tooltip();

    private IssueCell(Function<Issue, String> text, Function<Issue, List<String>> chipStyles, String cellStyle) {
        this.text = text;
        this.chipStyles = chipStyles;
        if (cellStyle != null) {
            getStyleClass().add(cellStyle);
        }
        if (chipStyles != null) {
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }
    }

    static IssueCell text(Function<Issue, String> text) {
        return new IssueCell(text, null, null);
    }

    static IssueCell text(Function<Issue, String> text, String cellStyle) {
        return new IssueCell(text, null, cellStyle);
    }

    static IssueCell chip(Function<Issue, String> text, Function<Issue, List<String>> modifiers) {
        return new IssueCell(text, modifiers, null);
    }

    @Override
    protected void updateItem(Issue issue, boolean empty) {
        super.updateItem(issue, empty);
        if (empty || issue == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            return;
        }
        String value = text.apply(issue);
        setText(value);
        whole.setText(value);
        setTooltip(value == null || value.isBlank() ? null : whole);
        if (chipStyles != null) {
            IssueChips.show(chip, value, chipStyles.apply(issue));
            setGraphic(chip);
        }
    }
}
