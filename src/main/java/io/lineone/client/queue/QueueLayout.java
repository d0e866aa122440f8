package io.lineone.client.queue;

import io.lineone.client.common.Messages;
import io.lineone.client.common.UserSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * What the user made of the queue's table, remembered for them on this computer: the columns they chose to see (the
 * "Columns" menu), the headers they sorted by, and the saved view they were on. Priority and title always show.
 */
final class QueueLayout {

    static final String HIDDEN = "queue-hidden-columns";
    static final String SORT = "queue-sort";
    static final String VIEW = "queue-view";
    private static final Set<String> ALWAYS_SHOWN = Set.of("priorityColumn", "titleColumn");

    private final TableView<IssueRow> table;
    private final UserSettings settings;
    private final Set<String> hidden;
    private ColumnFit fit;

    private QueueLayout(TableView<IssueRow> table, UserSettings settings) {
        this.table = table;
        this.settings = settings;
        this.hidden = new LinkedHashSet<>(split(settings.get(HIDDEN).orElse("")));
        hidden.removeAll(ALWAYS_SHOWN);
    }

    /**
     * Restores the user's columns, sort and view, then keeps them as they change.
     *
     * @param optional the columns that give way first when the table is narrow
     */
    static void install(TableView<IssueRow> table, List<TableColumn<IssueRow, ?>> optional, MenuButton chooser,
                        QueueFilters filters, UserSettings settings, Messages messages) {
        QueueLayout layout = new QueueLayout(table, settings);
        layout.fit = ColumnFit.install(table, optional, column -> !layout.hidden.contains(column.getId()));
        layout.fillChooser(chooser, messages);
        layout.restoreSort();
        table.getSortOrder().addListener((ListChangeListener<TableColumn<IssueRow, ?>>) change -> layout.saveSort());
        for (TableColumn<IssueRow, ?> column : table.getColumns()) {
            column.sortTypeProperty().addListener((obs, old, type) -> layout.saveSort());
        }
        settings.get(VIEW).flatMap(QueueLayout::view).ifPresent(filters::show);
        filters.viewProperty().addListener((obs, old, view) -> {
            if (view != null) {
                settings.put(VIEW, view.name());
            }
        });
    }

    private void fillChooser(MenuButton chooser, Messages messages) {
        for (TableColumn<IssueRow, ?> column : table.getColumns()) {
            if (ALWAYS_SHOWN.contains(column.getId())) {
                continue;
            }
            CheckMenuItem item = new CheckMenuItem(column.getText());
            item.setId("show-" + column.getId());
            item.setSelected(!hidden.contains(column.getId()));
            item.selectedProperty().addListener((obs, was, shown) -> {
                if (shown) {
                    hidden.remove(column.getId());
                } else {
                    hidden.add(column.getId());
                }
                settings.put(HIDDEN, String.join(",", hidden));
                fit.refit();
            });
            chooser.getItems().add(item);
        }
        chooser.setAccessibleText(messages.get("queue.columns"));
    }

    private void restoreSort() {
        List<TableColumn<IssueRow, ?>> order = new ArrayList<>();
        for (String entry : split(settings.get(SORT).orElse(""))) {
            String[] parts = entry.split(":");
            table.getColumns().stream().filter(c -> c.getId().equals(parts[0])).findFirst().ifPresent(column -> {
                column.setSortType(parts.length > 1 && parts[1].equals("DESCENDING")
                        ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
                order.add(column);
            });
        }
        table.getSortOrder().setAll(order);
    }

    private void saveSort() {
        settings.put(SORT, table.getSortOrder().stream().map(c -> c.getId() + ":" + c.getSortType().name())
                .collect(Collectors.joining(",")));
    }

    private static Optional<QueueView> view(String name) {
        return Arrays.stream(QueueView.values()).filter(v -> v.name().equals(name)).findFirst();
    }

    private static List<String> split(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.split(","));
    }
}
