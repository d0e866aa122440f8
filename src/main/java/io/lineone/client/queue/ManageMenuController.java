package io.lineone.client.queue;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.client.queue.ManageDialogViewModel.Step;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;

/** The toolbar's managing part: transfer, priority, reopen and duplicate of the selected issue; a new issue. */
public final class ManageMenuController {

    private final IssueQueueViewModel model;

    @FXML private MenuButton manageMenu;
    @FXML private MenuItem transferItem;
    @FXML private MenuItem priorityItem;
    @FXML private MenuItem reopenItem;
    @FXML private MenuItem duplicateItem;
    @FXML private Button newIssueButton;
    @FXML private Label selectionLabel;

    public ManageMenuController(IssueQueueViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        manageMenu.disableProperty().bind(model.selectedIssueProperty().isNull());
        BulkTriage bulk = model.bulk();
        // "3 selected" while several are, and "Claiming 2 of 5…" while they are being changed.
        selectionLabel.textProperty().bind(Bindings.createStringBinding(() -> !bulk.progressProperty().get().isEmpty()
                ? bulk.progressProperty().get()
                : bulk.severalProperty().get()
                ? model.text().messages().format("queue.bulk.selected", bulk.selection().size()) : "",
                bulk.progressProperty(), bulk.severalProperty(), bulk.selection()));
        // Out of the row while empty, so the buttons sit on the title's baseline.
        showWhen(selectionLabel, selectionLabel.textProperty().isNotEmpty());
    }

    @FXML
    private void transfer() {
        model.manage().begin(Step.TRANSFER);
    }

    @FXML
    private void priority() {
        model.manage().begin(Step.PRIORITY);
    }

    @FXML
    private void reopen() {
        model.manage().begin(Step.REOPEN);
    }

    @FXML
    private void duplicate() {
        model.manage().begin(Step.DUPLICATE);
    }

    @FXML
    private void newIssue() {
        model.newIssue().begin(model.selectedIssueProperty().get());
    }
}
