package io.lineone.client.bells;

import io.lineone.api.Bell;
import java.time.Instant;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * What each column of the bell board shows, by the column's fx:id. Age and the time to acknowledge read the shared
 * one-second clock; every column follows its row's newer versions.
 */
final class BellColumns {

    private BellColumns() {
    }

    @SuppressWarnings("unchecked")
    static void install(TableView<LiveRow<Bell>> table, BellText text, ObservableValue<Instant> now) {
        for (TableColumn<LiveRow<Bell>, ?> any : table.getColumns()) {
            TableColumn<LiveRow<Bell>, String> column = (TableColumn<LiveRow<Bell>, String>) any;
            column.setReorderable(false);
            String id = column.getId();
            column.setCellValueFactory(c -> {
                LiveRow<Bell> row = c.getValue();
                return switch (id) {
                    case "statusColumn" -> Bindings.createStringBinding(() -> text.status(row.get().status()),
                            row.valueProperty());
                    case "releaseColumn" -> Bindings.createStringBinding(() -> row.get().releaseName(),
                            row.valueProperty());
                    case "ageColumn" -> Bindings.createStringBinding(() -> text.age(row.get(), now.getValue()),
                            row.valueProperty(), now);
                    case "ackColumn" -> Bindings.createStringBinding(
                            () -> text.acknowledgement(row.get(), now.getValue()), row.valueProperty(), now);
                    default -> throw new IllegalStateException("the bell board has no column " + id);
                };
            });
            if ("statusColumn".equals(id)) {
                column.setCellFactory(c -> new StatusCell());
            } else if ("releaseColumn".equals(id)) {
                column.setCellFactory(c -> new ReasonCell());
            }
        }
    }

    /** The status as a chip in the status's colour, red-rimmed while overdue. */
    private static final class StatusCell extends TableCell<LiveRow<Bell>, String> {
        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            getStyleClass().removeIf(style -> style.startsWith("bell-status-") || style.equals("bell-late"));
            LiveRow<Bell> row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (row == null || value == null) {
                setText(null);
                return;
            }
            setText(value);
            getStyleClass().add("bell-status-" + row.get().status().name().toLowerCase(Locale.ROOT));
            if (row.get().overdue()) {
                getStyleClass().add("bell-late");
            }
        }
    }

    /** The release, with the bell's reason in its tooltip: the board is narrow, the detail has the rest. */
    private static final class ReasonCell extends TableCell<LiveRow<Bell>, String> {
        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            LiveRow<Bell> row = empty || getTableRow() == null ? null : getTableRow().getItem();
            setText(row == null ? null : value);
            setTooltip(row == null ? null : new Tooltip(row.get().reason()));
        }
    }
}
