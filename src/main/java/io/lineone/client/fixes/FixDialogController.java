package io.lineone.client.fixes;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.client.fixes.FixDialogViewModel.Phase;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Binds the fix dialog to its view model. Enter confirms and Esc cancels wherever the focus is in the dialog; while
 * it is open it holds the keys, so the screen beneath never takes them for its own commands.
 */
public final class FixDialogController {

    private final FixDialogViewModel model;
    private Node returnFocusTo;

    @FXML private StackPane fixSheet;
    @FXML private Label fixTitle;
    @FXML private Label fixSubject;
    @FXML private HBox fixNoticeRow;
    @FXML private Label fixNotice;
    @FXML private HBox fixLoading;
    @FXML private GridPane fixChanges;
    @FXML private Label fixSaves;
    @FXML private HBox fixOfflineRow;
    @FXML private Label fixOffline;
    @FXML private Label fixError;
    @FXML private ProgressIndicator fixSending;
    @FXML private Label fixSendingLabel;
    @FXML private Button fixCancel;
    @FXML private Button fixConfirm;

    public FixDialogController(FixDialogViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        showWhen(fixSheet, model.openProperty());
        fixTitle.textProperty().bind(model.titleProperty());
        fixSubject.textProperty().bind(model.subjectProperty());
        fixNotice.textProperty().bind(model.noticeProperty());
        showWhen(fixNoticeRow, model.noticeProperty().isNotEmpty());
        showWhen(fixLoading, model.phaseProperty().isEqualTo(Phase.LOADING));
        fixSaves.textProperty().bind(model.savesProperty());
        showWhen(fixSaves, model.savesProperty().isNotEmpty());
        fixError.textProperty().bind(model.errorProperty());
        showWhen(fixError, model.errorProperty().isNotEmpty());
        fixOffline.textProperty().bind(model.unavailableReasonProperty());
        // Offline the error already says why when the dialog could not even read the preview.
        showWhen(fixOfflineRow, model.unavailableReasonProperty().isNotEmpty()
                .and(model.phaseProperty().isNotEqualTo(Phase.FAILED)));
        var sending = model.phaseProperty().isEqualTo(Phase.SENDING);
        showWhen(fixSending, sending);
        showWhen(fixSendingLabel, sending);
        fixConfirm.disableProperty().bind(model.canConfirmProperty().not());
        Tooltip reason = new Tooltip();
        reason.textProperty().bind(model.unavailableReasonProperty());
        fixConfirm.tooltipProperty().bind(Bindings.when(model.unavailableReasonProperty().isEmpty())
                .then((Tooltip) null).otherwise(reason));
        fixCancel.disableProperty().bind(sending);
        model.changes().addListener((ListChangeListener<FixText.Change>) c -> showChanges());
        showChanges();
        // On the whole window while open: Enter and Esc reach the dialog wherever the focus was when it opened.
        fixSheet.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.ANY, keys);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.ANY, keys);
            }
        });
        model.openProperty().addListener((obs, was, open) -> moveFocus(open));
        if (model.openProperty().get()) {
            // Built by its first opening, which the listener above came too late for; in the window by the time
            // this runs.
            Platform.runLater(() -> moveFocus(model.openProperty().get()));
        }
        fixSheet.setFocusTraversable(true);
    }

    private void moveFocus(boolean open) {
        if (open) {
            // Back where the user was once the dialog closes: J, K and Enter work on the queue at once.
            returnFocusTo = fixSheet.getScene() == null ? null : fixSheet.getScene().getFocusOwner();
            Platform.runLater(fixSheet::requestFocus);
        } else if (returnFocusTo != null && returnFocusTo.getScene() != null) {
            Node back = returnFocusTo;
            returnFocusTo = null;
            Platform.runLater(back::requestFocus);
        }
    }

    private final EventHandler<KeyEvent> keys = this::onWindowKey;

    private void onWindowKey(KeyEvent event) {
        if (model.openProperty().get()) {
            onKey(event);
        }
    }

    private void onKey(KeyEvent event) {
        if (event.getEventType() != KeyEvent.KEY_PRESSED) {
            // Typed and released keys of the screen beneath's commands go nowhere while the dialog is up.
            if (event.getCode() != KeyCode.TAB && event.getCode() != KeyCode.SPACE) {
                event.consume();
            }
            return;
        }
        if (event.getCode() == KeyCode.ENTER && !event.isShortcutDown()) {
            event.consume();
            if (fixCancel.isFocused()) {
                model.cancel();
            } else {
                model.confirm();
            }
        } else if (event.getCode() == KeyCode.ESCAPE) {
            event.consume();
            if (model.phaseProperty().get() != Phase.SENDING) {
                model.cancel();
            }
        } else if (event.getCode() != KeyCode.TAB && event.getCode() != KeyCode.SPACE) {
            // The screen beneath must not take J, K, F… as its own while the dialog is up.
            event.consume();
        }
    }

    private void showChanges() {
        fixChanges.getChildren().clear();
        fixChanges.setVisible(!model.changes().isEmpty());
        fixChanges.setManaged(!model.changes().isEmpty());
        if (model.changes().isEmpty()) {
            return;
        }
        fixChanges.addRow(0, header("fixes.dialog.field"), header("fixes.dialog.before"), new Label(),
                header("fixes.dialog.after"));
        int row = 1;
        for (FixText.Change change : model.changes()) {
            Label field = new Label(change.field());
            field.getStyleClass().add("detail-key");
            Label before = new Label(change.before());
            before.getStyleClass().add("fix-before");
            before.setWrapText(true);
            FontIcon arrow = new FontIcon("fth-arrow-right");
            arrow.getStyleClass().add("fix-arrow");
            Label after = new Label(change.after());
            after.getStyleClass().add("fix-after");
            after.setWrapText(true);
            fixChanges.addRow(row++, field, before, arrow, after);
        }
    }

    private Label header(String key) {
        Label label = new Label(model.text().messages().get(key));
        label.getStyleClass().add("fix-column-head");
        return label;
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
