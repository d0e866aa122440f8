package io.lineone.client.queue;

import io.lineone.api.Issue;
import java.time.Instant;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * What each column of the queue shows, by the column's fx:id: its cells, given the wording and the shared clock.
 * Every column's value is the row's issue property, so a newer version redraws the row's cells.
 */
final class IssueColumns {

    private IssueColumns() {
    }

    @SuppressWarnings("unchecked")
    static void install(TableView<IssueRow> table, IssueText text, ObservableValue<Instant> now) {
        for (TableColumn<IssueRow, ?> any : table.getColumns()) {
            TableColumn<IssueRow, Issue> column = (TableColumn<IssueRow, Issue>) any;
            column.setCellValueFactory(c -> c.getValue().issueProperty());
            column.setReorderable(false);
            column.setCellFactory(cells(column.getId(), text, now));
        }
    }

    private static Callback<TableColumn<IssueRow, Issue>, TableCell<IssueRow, Issue>> cells(String id, IssueText text,
                                                                                          ObservableValue<Instant> now) {
        return switch (id) {
            case "priorityColumn" -> c -> IssueCell.chip(issue -> issue.priority().name(), IssueChips::priority);
            case "slaColumn" -> c -> new SlaCell(now, text::slaText, text::slaTarget, text::slaTooltip);
            case "merchantColumn" -> c -> IssueCell.text(Issue::merchantName);
            case "categoryColumn" -> c -> IssueCell.text(issue -> text.category(issue.category()));
            case "titleColumn" -> c -> IssueCell.text(Issue::title);
            case "statusColumn" -> c -> IssueCell.chip(issue -> text.status(issue.status()), IssueChips::status);
            case "assigneeColumn" -> c -> IssueCell.text(text::assignee);
            case "moneyColumn" -> c -> IssueCell.text(issue -> text.money(issue.moneyAtRiskCents()), "money-cell");
            default -> throw new IllegalStateException("the queue has no column " + id);
        };
    }
}
