package io.lineone.client.queue;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.ManagerLoad;
import io.lineone.client.common.Messages;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;

/**
 * Binds a supervisor's team panel: each manager's load; choosing one narrows the queue to theirs; an issue row
 * dropped on a manager opens the transfer sheet with them chosen. Hidden from managers.
 */
public final class TeamLoadController {

    private final IssueQueueViewModel queue;
    private final TeamLoadViewModel model;
    private final Messages messages;

    @FXML private VBox teamPanel;
    @FXML private Button everyoneButton;
    @FXML private ListView<ManagerLoad> teamList;
    @FXML private Label teamError;

    public TeamLoadController(IssueQueueViewModel queue) {
        this.queue = queue;
        this.model = queue.team();
        this.messages = queue.text().messages();
    }

    @FXML
    private void initialize() {
        teamPanel.setVisible(queue.wholeTeam());
        teamPanel.setManaged(queue.wholeTeam());
        if (!queue.wholeTeam()) {
            return;
        }
        teamList.setItems(model.rows());
        teamList.setCellFactory(list -> new LoadCell());
        teamList.getSelectionModel().selectedItemProperty().addListener((obs, old, load) -> {
            if (load != null) {
                model.chosenProperty().set(load);
            }
        });
        model.chosenProperty().addListener((obs, old, load) -> {
            if (load == null) {
                teamList.getSelectionModel().clearSelection();
            } else if (teamList.getSelectionModel().getSelectedItem() != load) {
                teamList.getSelectionModel().select(load);
            }
        });
        everyoneButton.disableProperty().bind(model.chosenProperty().isNull());
        teamError.textProperty().bind(model.errorProperty());
        showWhen(teamError, model.errorProperty().isNotEmpty());
        model.follow();
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void everyone() {
        model.showEveryone();
    }

    /** A manager: name, open and unclaimed, breaching and money at risk; a drop target for issue rows. */
    private final class LoadCell extends ListCell<ManagerLoad> {
        private final Label name = new Label();
        private final Label counts = new Label();
        private final Label risk = new Label();
        private final VBox box = new VBox(2, name, counts, risk);

        LoadCell() {
            // As wide as the list, never wider: the figures give way with an ellipsis, not a sideways scroll.
            setPrefWidth(0);
            name.getStyleClass().add("team-name");
            counts.getStyleClass().add("team-figures");
            risk.getStyleClass().addAll("team-figures", "team-risk");
            setOnDragOver(event -> {
                if (getItem() != null && event.getDragboard().hasString()) {
                    event.acceptTransferModes(TransferMode.MOVE);
                }
                event.consume();
            });
            setOnDragDropped(event -> {
                boolean accepted = getItem() != null && event.getDragboard().hasString();
                if (accepted) {
                    queue.manage().beginTransferTo(TeamLoadViewModel.manager(getItem()));
                }
                event.setDropCompleted(accepted);
                event.consume();
            });
        }

        @Override
        protected void updateItem(ManagerLoad load, boolean empty) {
            super.updateItem(load, empty);
            getStyleClass().remove("team-breaching");
            if (empty || load == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(load.displayName());
            counts.setText(messages.format("queue.team.counts", load.open(), load.unassigned()));
            risk.setText(messages.format("queue.team.risk", load.breaching(), model.money(load)));
            if (load.breaching() > 0) {
                getStyleClass().add("team-breaching");
            }
            setGraphic(box);
            setText(null);
        }
    }
}
