package io.lineone.client.queue;

import static io.lineone.client.common.StatePanes.showWhen;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

/** The sheet that resolves the selected issues with a root cause and a note (R in the queue). */
public final class ResolveSheetController {

    private final ResolveDialogViewModel resolveDialog;
    private final IssueActions actions;

    @FXML private StackPane resolveSheet;
    @FXML private Label resolveSubject;
    @FXML private ComboBox<String> rootCauseField;
    @FXML private TextArea noteField;
    @FXML private Label resolveErrorLabel;
    @FXML private Button resolveConfirm;

    public ResolveSheetController(ResolveDialogViewModel resolveDialog, IssueActions actions) {
        this.resolveDialog = resolveDialog;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        showWhen(resolveSheet, resolveDialog.openProperty());
        resolveSubject.textProperty().bind(resolveDialog.subjectProperty());
        rootCauseField.getItems().setAll(resolveDialog.rootCauseSuggestions());
        rootCauseField.getEditor().textProperty().bindBidirectional(resolveDialog.rootCauseProperty());
        noteField.textProperty().bindBidirectional(resolveDialog.noteProperty());
        // A list that fits the sheet rather than running past the window's foot.
        rootCauseField.setVisibleRowCount(6);
        // In the note, Tab leaves the field as everywhere else (a tab character is no use in a note), Shift+Tab goes
        // back, and Ctrl+Enter (⌘ on macOS) sends, as in a chat box; a plain Enter is a new line.
        noteField.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.TAB && !event.isControlDown()) {
                event.consume();
                (event.isShiftDown() ? rootCauseField : resolveConfirm).requestFocus();
            } else if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                event.consume();
                resolveDialog.confirm();
            }
        });
        resolveErrorLabel.textProperty().bind(resolveDialog.errorProperty());
        showWhen(resolveErrorLabel, resolveDialog.errorProperty().isNotEmpty());
        resolveConfirm.disableProperty().bind(actions.availableProperty().not());
        resolveConfirm.defaultButtonProperty().bind(resolveDialog.openProperty());
        resolveDialog.openProperty().addListener((obs, old, open) -> {
            if (open) {
                Platform.runLater(rootCauseField::requestFocus);
            }
        });
    }

    @FXML
    private void confirmResolve() {
        resolveDialog.confirm();
    }

    @FXML
    private void cancelResolve() {
        resolveDialog.cancel();
    }
}
