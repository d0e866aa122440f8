package io.lineone.client.queue;

import io.lineone.api.Issue;
import java.text.Collator;
import java.time.Instant;
import java.util.Comparator;
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
            column.setComparator(order(column.getId(), text));
            column.setSortable(true);
        }
    }

    /**
     * How a header click orders the column's issues: by what the cell means, not by its text (P1 before P2, the
     * soonest due first, ¥ as numbers); names and titles in the user's language's collation.
     */
    private static Comparator<Issue> order(String id, IssueText text) {
        Collator words = Collator.getInstance(text.messages().locale());
        Comparator<String> byWords = Comparator.nullsLast(words::compare);
        return switch (id) {
            case "priorityColumn" -> Comparator.comparing(Issue::priority);
            case "slaColumn" -> Comparator.comparing(Sla::dueAt);
            case "merchantColumn" -> Comparator.comparing(Issue::merchantName, byWords);
            case "categoryColumn" -> Comparator.comparing(issue -> text.category(issue.category()), byWords);
            case "titleColumn" -> Comparator.comparing(Issue::title, byWords);
            case "statusColumn" -> Comparator.comparing(Issue::status);
            case "assigneeColumn" -> Comparator.comparing(Issue::assigneeName, byWords);
            case "moneyColumn" -> Comparator.comparingLong(Issue::moneyAtRiskCents);
            default -> throw new IllegalStateException("the queue has no column " + id);
        };
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
