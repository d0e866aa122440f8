package io.lineone.client.queue;

import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;
import javafx.scene.control.TableView.TableViewSelectionModel;
import javafx.scene.input.DataFormat;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;

/**
 * The queue table's selection of several rows. X marks the row under the cursor (or unmarks it), and while rows are
 * marked J and K move the cursor without losing them, so the next X marks another. Shift- and Ctrl-clicks mark too;
 * a plain click or Esc goes back to one selected row. The selected rows are kept in the bulk list, so claim,
 * acknowledge and resolve act on every one; in a supervisor's queue a row may be dragged onto a manager.
 */
final class RowMarks {

    private final TableView<IssueRow> table;
    private boolean marking;

    RowMarks(TableView<IssueRow> table, ObservableList<IssueRow> bulk, boolean draggable) {
        this.table = table;
        Bindings.bindContent(bulk, table.getSelectionModel().getSelectedItems());
        if (draggable) {
            // Dropped on a manager of the team panel, the row is handed to them (the transfer sheet asks for a note).
            table.setOnDragDetected(event -> {
                IssueRow row = table.getSelectionModel().getSelectedItem();
                if (row != null) {
                    table.startDragAndDrop(TransferMode.MOVE).setContent(Map.of(DataFormat.PLAIN_TEXT, row.id()));
                }
            });
        }
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<IssueRow>) change -> {
            if (table.getSelectionModel().getSelectedItems().size() > 1) {
                marking = true;
            } else if (table.getSelectionModel().isEmpty()) {
                marking = false;
            }
        });
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
            if (!event.isShiftDown() && !event.isShortcutDown()) {
                marking = false;
            }
        });
    }

    /** X: marks or unmarks the row under the cursor; the first X keeps the row already selected and marks it. */
    void toggle() {
        TableViewSelectionModel<IssueRow> selection = table.getSelectionModel();
        int index = table.getFocusModel().getFocusedIndex();
        if (index < 0) {
            return;
        }
        if (!marking) {
            marking = true;
            selection.select(index);
        } else if (selection.isSelected(index)) {
            selection.clearSelection(index);
        } else {
            selection.select(index);
        }
        table.getFocusModel().focus(index);
    }

    /** J/K: the cursor one row on; without marks the selection follows it. */
    void move(int step) {
        int size = table.getItems().size();
        if (size == 0) {
            return;
        }
        int index = table.getFocusModel().getFocusedIndex();
        int target = index < 0 ? 0 : Math.max(0, Math.min(size - 1, index + step));
        if (marking) {
            table.getFocusModel().focus(target);
        } else {
            table.getSelectionModel().clearAndSelect(target);
        }
        table.scrollTo(Math.max(0, target - 3));
    }

    /** Esc: back to the row under the cursor alone; false when nothing was marked. */
    boolean clear() {
        if (!marking || table.getSelectionModel().getSelectedItems().size() <= 1) {
            marking = false;
            return false;
        }
        marking = false;
        int index = table.getFocusModel().getFocusedIndex();
        table.getSelectionModel().clearAndSelect(Math.max(0, index));
        return true;
    }
}
