package io.lineone.client.merchants;

import io.lineone.api.User;
import io.lineone.client.common.Messages;
import io.lineone.client.common.StatePanes;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A supervisor's controls for moving merchants between books: the managers panel (each manager with their count, a
 * filter when clicked, a drop target for a dragged row), the header's move button and the table's context menu.
 */
final class ManagerPanel {

    private final BookMoves moves;
    private final Messages messages;
    private final BookFilters filters;
    private final TableView<MerchantRow> merchantTable;

    private ManagerPanel(BookMoves moves, Messages messages, BookFilters filters, TableView<MerchantRow> merchantTable) {
        this.moves = moves;
        this.messages = messages;
        this.filters = filters;
        this.merchantTable = merchantTable;
    }

    /**
     * A supervisor moves a merchant by the table's menu (right-click, or the menu key on the selected row) or by
     * dragging its row onto a manager in the side panel.
     */
    static void attach(MerchantsViewModel model, TableView<MerchantRow> merchantTable, VBox managersPanel,
                       ListView<BookMoves.ManagerLine> managerList, MenuButton moveButton) {
        new ManagerPanel(model.moves(), model.text().messages(), model.filters(), merchantTable)
                .setUp(model.wholeTeam(), managersPanel, managerList, moveButton);
    }

    private void setUp(boolean wholeTeam, VBox managersPanel, ListView<BookMoves.ManagerLine> managerList,
                       MenuButton moveButton) {
        if (!wholeTeam) {
            // A manager's screen never shows them: out of its layout altogether, not merely hidden.
            StatePanes.leaveOut(managersPanel);
            StatePanes.leaveOut(moveButton);
            return;
        }
        // The header's button for the keyboard (and where right-clicks are not to hand), the table's menu for the mouse.
        moveButton.disableProperty().bind(merchantTable.getSelectionModel().selectedItemProperty().isNull()
                .or(moves.canMoveProperty().not()));
        moveButton.setOnShowing(event -> fillMoveTargets(moveButton.getItems()));
        Tooltip blocked = new Tooltip();
        blocked.textProperty().bind(moves.blockedReasonProperty());
        Menu moveTo = new Menu(messages.get("merchants.move.menu"), new FontIcon("fth-user-check"));
        ContextMenu menu = new ContextMenu(moveTo);
        menu.setOnShowing(event -> {
            moveTo.setDisable(merchantTable.getSelectionModel().getSelectedItem() == null
                    || !moves.canMoveProperty().get());
            fillMoveTargets(moveTo.getItems());
        });
        merchantTable.setContextMenu(menu);
        merchantTable.setRowFactory(table -> {
            TableRow<MerchantRow> row = new TableRow<>();
            row.setOnDragDetected(event -> {
                if (row.getItem() != null && moves.canMoveProperty().get()) {
                    Dragboard board = row.startDragAndDrop(TransferMode.MOVE);
                    ClipboardContent content = new ClipboardContent();
                    content.putString(row.getItem().id());
                    board.setContent(content);
                    event.consume();
                }
            });
            return row;
        });
        managerList.setItems(moves.managerLines());
        managerList.setCellFactory(list -> new ManagerCell());
        managerList.getSelectionModel().selectedItemProperty().addListener((obs, old, line) -> {
            if (line != null) {
                filters.managerProperty().set(line.manager());
            }
        });
        filters.managerProperty().addListener((obs, old, manager) -> {
            if (manager == null) {
                managerList.getSelectionModel().clearSelection();
            }
        });
        managerList.setTooltip(blocked);
    }

    /** The managers the selected merchant may move to, each an item that moves it. */
    private void fillMoveTargets(List<MenuItem> items) {
        MerchantRow row = merchantTable.getSelectionModel().getSelectedItem();
        items.clear();
        if (row == null) {
            return;
        }
        for (User manager : moves.targets(row)) {
            MenuItem item = new MenuItem(manager.displayName());
            item.setUserData(manager.id());
            item.setOnAction(e -> moves.move(row, manager));
            items.add(item);
        }
    }

    /** A manager and how many merchants of the book are theirs; a drop target for merchant rows. */
    private final class ManagerCell extends ListCell<BookMoves.ManagerLine> {
        private final Label name = new Label();
        private final Label count = new Label();
        private final VBox box = new VBox(0, name, count);

        ManagerCell() {
            setPrefWidth(0);
            name.getStyleClass().add("team-name");
            count.getStyleClass().add("team-figures");
            setOnDragOver(event -> {
                if (getItem() != null && event.getDragboard().hasString() && moves.canMoveProperty().get()) {
                    event.acceptTransferModes(TransferMode.MOVE);
                }
                event.consume();
            });
            setOnDragEntered(event -> getStyleClass().add("drop-target"));
            setOnDragExited(event -> getStyleClass().remove("drop-target"));
            setOnDragDropped(event -> {
                boolean accepted = getItem() != null && event.getDragboard().hasString();
                if (accepted) {
                    moves.move(event.getDragboard().getString(), getItem().manager());
                }
                event.setDropCompleted(accepted);
                event.consume();
            });
        }

        @Override
        protected void updateItem(BookMoves.ManagerLine line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(line.manager().displayName());
            count.setText(messages.format("merchants.managers.count", line.merchants()));
            setUserData(line.manager().id());
            setGraphic(box);
            setText(null);
        }
    }
}
