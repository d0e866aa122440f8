package io.lineone.client.queue;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.Issue;
import io.lineone.api.Priority;
import io.lineone.api.User;
import io.lineone.client.common.Messages;
import io.lineone.client.queue.ManageDialogViewModel.Step;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Binds the manage sheet (transfer, priority, reopen, duplicate), which the queue includes over its table. */
public final class ManageIssueController {

    private final ManageDialogViewModel model;
    private final IssueActions actions;
    private final Messages messages;
    private final IssueText text;

    @FXML private StackPane manageSheet;
    @FXML private Label manageTitle;
    @FXML private Label manageSubject;
    @FXML private VBox managerRow;
    @FXML private ComboBox<User> managerBox;
    @FXML private VBox priorityRow;
    @FXML private ComboBox<Priority> priorityBox;
    @FXML private VBox originalRow;
    @FXML private ComboBox<Issue> originalBox;
    @FXML private Label wordsLabel;
    @FXML private TextArea wordsField;
    @FXML private Label offlineHint;
    @FXML private Label manageError;
    @FXML private ProgressIndicator manageSending;
    @FXML private Button manageConfirm;

    public ManageIssueController(ManageDialogViewModel model, IssueActions actions, IssueText text) {
        this.model = model;
        this.actions = actions;
        this.text = text;
        this.messages = text.messages();
    }

    @FXML
    private void initialize() {
        showWhen(manageSheet, model.openProperty());
        manageTitle.textProperty().bind(model.titleProperty());
        manageSubject.textProperty().bind(model.subjectProperty());
        showWhen(managerRow, model.stepProperty().isEqualTo(Step.TRANSFER));
        showWhen(priorityRow, model.stepProperty().isEqualTo(Step.PRIORITY));
        showWhen(originalRow, model.stepProperty().isEqualTo(Step.DUPLICATE));
        managerBox.setItems(model.managers());
        ComboLabels.label(managerBox, User::displayName);
        managerBox.valueProperty().bindBidirectional(model.managerProperty());
        priorityBox.getItems().setAll(model.priorities());
        ComboLabels.label(priorityBox, text::priorityName);
        priorityBox.valueProperty().bindBidirectional(model.priorityProperty());
        originalBox.setItems(model.originals());
        ComboLabels.label(originalBox, this::originalLabel);
        originalBox.valueProperty().bindBidirectional(model.originalProperty());
        originalBox.setVisibleRowCount(8);
        wordsLabel.textProperty().bind(Bindings.createStringBinding(() -> messages.get(switch (model.stepProperty().get()) {
            case TRANSFER -> "queue.manage.note";
            case DUPLICATE -> "queue.manage.noteOptional";
            default -> "queue.manage.reason";
        }), model.stepProperty()));
        wordsField.textProperty().bindBidirectional(model.wordsProperty());
        offlineHint.textProperty().bind(actions.unavailableReasonProperty());
        showWhen(offlineHint, model.canSendProperty().not().and(model.sendingProperty().not()));
        manageError.textProperty().bind(model.errorProperty());
        showWhen(manageError, model.errorProperty().isNotEmpty());
        showWhen(manageSending, model.sendingProperty());
        manageConfirm.disableProperty().bind(model.canSendProperty().not());
        manageConfirm.defaultButtonProperty().bind(model.openProperty());
        // As in the resolve note: Tab leaves the field, Ctrl+Enter sends.
        wordsField.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.TAB && !event.isControlDown()) {
                event.consume();
                manageConfirm.requestFocus();
            } else if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                event.consume();
                model.confirm();
            }
        });
        model.openProperty().addListener((obs, was, open) -> {
            if (open) {
                Platform.runLater(() -> (switch (model.stepProperty().get()) {
                    case TRANSFER -> managerBox;
                    case PRIORITY -> priorityBox;
                    case DUPLICATE -> originalBox;
                    case REOPEN -> wordsField;
                }).requestFocus());
            }
        });
    }

    private String originalLabel(Issue issue) {
        return messages.format("queue.manage.original.choice", issue.merchantName(), issue.title(), issue.priority());
    }

    @FXML
    private void confirm() {
        model.confirm();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }
}
