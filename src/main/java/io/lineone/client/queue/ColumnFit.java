package io.lineone.client.queue;

import java.util.List;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Gives the queue's optional columns only the room the table really has. The other columns keep at least their
 * minimum width; each optional one (in the order given, the most wanted first) shows only while its preferred width
 * still fits beside them. Hiding a column never shrinks another below its minimum, so nothing collapses to "…"
 * when the drawer opens or closes, and a column shown again comes back at its preferred width.
 */
final class ColumnFit {

    /** Room for the vertical scroll bar and the table's border, which the columns cannot use. */
    private static final double CHROME = 18;

    private final TableView<?> table;
    private final List<? extends TableColumn<?, ?>> optional;

    private ColumnFit(TableView<?> table, List<? extends TableColumn<?, ?>> optional) {
        this.table = table;
        this.optional = optional;
    }

    /** Keeps {@code optional} (most wanted first) shown exactly while they fit the table's width. */
    static void install(TableView<?> table, List<? extends TableColumn<?, ?>> optional) {
        ColumnFit fit = new ColumnFit(table, optional);
        table.widthProperty().addListener((obs, old, width) -> fit.refit());
        fit.refit();
    }

    private void refit() {
        double width = table.getWidth();
        if (width <= 0) {
            return;
        }
        double used = CHROME;
        for (TableColumn<?, ?> column : table.getColumns()) {
            if (!optional.contains(column)) {
                used += column.getMinWidth();
            }
        }
        for (TableColumn<?, ?> column : optional) {
            boolean fits = used + column.getPrefWidth() <= width;
            if (fits) {
                used += column.getPrefWidth();
            }
            if (column.isVisible() != fits) {
                column.setVisible(fits);
            }
        }
    }
}
