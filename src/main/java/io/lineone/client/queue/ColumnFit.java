package io.lineone.client.queue;

import java.util.List;
import java.util.function.Predicate;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Gives the queue's optional columns only the room the table really has. The other columns keep at least their
 * minimum width; each optional one (in the order given, the most wanted first) shows only while its preferred width
 * still fits beside them. Hiding a column never shrinks another below its minimum, so nothing collapses to "…"
 * when the drawer opens or closes, and a column shown again comes back at its preferred width. A column the user
 * has hidden (the column chooser) stays hidden and takes no room.
 */
final class ColumnFit {

    /** Room for the vertical scroll bar and the table's border, which the columns cannot use. */
    private static final double CHROME = 18;

    private final TableView<?> table;
    private final List<? extends TableColumn<?, ?>> optional;
    private final Predicate<TableColumn<?, ?>> wanted;

    private ColumnFit(TableView<?> table, List<? extends TableColumn<?, ?>> optional,
                      Predicate<TableColumn<?, ?>> wanted) {
        this.table = table;
        this.optional = optional;
        this.wanted = wanted;
    }

    /**
     * Keeps {@code optional} (most wanted first) shown exactly while they fit the table's width, and every column
     * the user does not want hidden.
     *
     * @return the fit, to be {@link #refit() done again} when the user's choice changes
     */
    static ColumnFit install(TableView<?> table, List<? extends TableColumn<?, ?>> optional,
                             Predicate<TableColumn<?, ?>> wanted) {
        ColumnFit fit = new ColumnFit(table, optional, wanted);
        table.widthProperty().addListener((obs, old, width) -> fit.refit());
        fit.refit();
        return fit;
    }

    void refit() {
        double width = table.getWidth();
        if (width <= 0) {
            return;
        }
        double used = CHROME;
        for (TableColumn<?, ?> column : table.getColumns()) {
            if (!optional.contains(column)) {
                boolean shown = wanted.test(column);
                if (column.isVisible() != shown) {
                    column.setVisible(shown);
                }
                used += shown ? column.getMinWidth() : 0;
            }
        }
        for (TableColumn<?, ?> column : optional) {
            boolean fits = wanted.test(column) && used + column.getPrefWidth() <= width;
            if (fits) {
                used += column.getPrefWidth();
            }
            if (column.isVisible() != fits) {
                column.setVisible(fits);
            }
        }
    }
}
