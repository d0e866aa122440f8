package io.lineone.client.queue;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.IssueNote;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/**
 * Binds the drawer's internal notes ({@code NotesView.fxml}), under a banner that says they stay with the team. In
 * the note box Ctrl+Enter adds the note, Tab and Shift+Tab leave it.
 */
public final class NotesController {

    private final ConversationViewModel model;

    @FXML private ScrollPane noteScroll;
    @FXML private VBox noteList;
    @FXML private Label notesEmpty;
    @FXML private TextArea internalNoteField;
    @FXML private Label noteHint;
    @FXML private Label noteError;
    @FXML private Button addNoteButton;

    public NotesController(ConversationViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        model.notes().addListener((ListChangeListener<IssueNote>) change -> showNotes());
        showNotes();
        showWhen(notesEmpty, Bindings.isEmpty(model.notes()));
        internalNoteField.textProperty().bindBidirectional(model.noteDraftProperty());
        internalNoteField.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                event.consume();
                model.addNote();
            } else if (event.getCode() == KeyCode.TAB && !event.isControlDown()) {
                event.consume();
                if (event.isShiftDown()) {
                    noteScroll.requestFocus();
                } else {
                    addNoteButton.requestFocus();
                }
            }
        });
        noteHint.textProperty().bind(model.noteHintProperty());
        showWhen(noteHint, model.noteHintProperty().isNotEmpty());
        noteError.textProperty().bind(model.noteErrorProperty());
        showWhen(noteError, model.noteErrorProperty().isNotEmpty());
        addNoteButton.disableProperty().bind(model.canAddNoteProperty().not());
    }

    private void showNotes() {
        noteList.getChildren().clear();
        for (IssueNote note : model.notes()) {
            Label text = new Label(note.text());
            text.setWrapText(true);
            text.getStyleClass().add("bubble-text");
            Label meta = new Label(model.text().meta(note));
            meta.setWrapText(true);
            meta.getStyleClass().add("bubble-meta");
            VBox card = new VBox(2, text, meta);
            card.getStyleClass().add("note-card");
            card.setUserData(note.id());
            noteList.getChildren().add(card);
        }
        Platform.runLater(() -> noteScroll.setVvalue(1.0));
    }

    @FXML
    private void addNote() {
        model.addNote();
    }
}
