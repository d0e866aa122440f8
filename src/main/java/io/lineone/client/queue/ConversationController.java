package io.lineone.client.queue;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.DeliveryStatus;
import io.lineone.api.IssueMessage;
import io.lineone.api.MessageDirection;
import io.lineone.api.ReplyTemplate;
import io.lineone.client.common.StatePanes;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Binds the drawer's conversation ({@code ConversationView.fxml}): the messages as bubbles (the merchant's on the
 * left, ours on the right with their delivery state), the saved-reply picker and the reply box. In the reply box
 * Ctrl+Enter sends, Ctrl+1…9 insert a saved reply, Tab and Shift+Tab leave it.
 */
public final class ConversationController {

    /** A bubble's widest, so a long message wraps and the other side stays visible. */
    private static final double BUBBLE_WIDTH = 220;
    private static final int FOCUS_ATTEMPTS = 100;
    private static final int MIN_ROWS = 3;
    private static final int MAX_ROWS = 9;
    /** About how many characters a row of the drawer's reply box holds (CJK are wide, Latin narrow). */
    private static final int CHARS_PER_ROW = 20;

    private final ConversationViewModel model;

    @FXML private VBox conversationRoot;
    @FXML private ScrollPane bubbleScroll;
    @FXML private VBox bubbles;
    @FXML private ProgressIndicator conversationLoading;
    @FXML private Label conversationEmpty;
    @FXML private VBox conversationError;
    @FXML private Label conversationErrorText;
    @FXML private ComboBox<ReplyTemplate> templatePicker;
    @FXML private TextArea replyField;
    @FXML private Label sendHint;
    @FXML private Label sendError;
    @FXML private Button sendButton;

    public ConversationController(ConversationViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        new StatePanes(conversationLoading, conversationError, conversationErrorText, conversationEmpty)
                .bind(model.stateProperty(), model.errorProperty(), bubbleScroll);
        model.messages().addListener((ListChangeListener<IssueMessage>) this::messagesChanged);
        showBubbles();
        setUpTemplates();
        replyField.textProperty().bindBidirectional(model.draftProperty());
        replyField.addEventFilter(KeyEvent.KEY_PRESSED, this::replyKeys);
        // The box grows with a long draft (a saved reply is several lines), so what goes out can be read whole.
        replyField.textProperty().addListener((obs, old, now) -> replyField.setPrefRowCount(rows(now)));
        sendHint.textProperty().bind(model.sendHintProperty());
        showWhen(sendHint, model.sendHintProperty().isNotEmpty());
        sendError.textProperty().bind(model.sendErrorProperty());
        showWhen(sendError, model.sendErrorProperty().isNotEmpty());
        sendButton.disableProperty().bind(model.canSendProperty().not());
        model.replyWantedProperty().addListener((obs, old, now) -> focusReply(FOCUS_ATTEMPTS));
    }

    /**
     * The caret into the reply box once it can take it: a drawer opened this moment has its tabs built only at the
     * next pulse, so this looks again for a few frames.
     */
    private void focusReply(int attemptsLeft) {
        if (replyField.getScene() != null && replyField.isVisible() && shownInTree(replyField)) {
            replyField.requestFocus();
            replyField.end();
        }
        if (!replyField.isFocused() && attemptsLeft > 0) {
            PauseTransition later = new PauseTransition(Duration.millis(20));
            later.setOnFinished(event -> focusReply(attemptsLeft - 1));
            later.play();
        }
    }

    private static boolean shownInTree(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static int rows(String text) {
        if (text == null || text.isEmpty()) {
            return MIN_ROWS;
        }
        int lines = (int) text.lines().mapToLong(line -> 1 + line.codePointCount(0, line.length()) / CHARS_PER_ROW)
                .sum();
        return Math.max(MIN_ROWS, Math.min(MAX_ROWS, lines));
    }

    private void replyKeys(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
            event.consume();
            model.send();
        } else if (event.getCode() == KeyCode.TAB && !event.isControlDown()) {
            event.consume();
            (event.isShiftDown() ? templatePicker : sendButton).requestFocus();
        } else if (event.isShortcutDown() && event.getCode().isDigitKey()) {
            int index = event.getCode().getCode() - KeyCode.DIGIT1.getCode();
            if (event.getCode().getName().startsWith("Numpad")) {
                index = event.getCode().getCode() - KeyCode.NUMPAD1.getCode();
            }
            // In the reply box Ctrl+digit means a saved reply, never another screen (the rail's shortcut):
            // a key pressed before the saved replies arrived must not take the user away from their draft.
            event.consume();
            if (model.insertTemplate(index)) {
                replyField.end();
            }
        }
    }

    private void setUpTemplates() {
        templatePicker.setItems(model.savedReplies().templates());
        templatePicker.setCellFactory(list -> new TemplateCell(true));
        templatePicker.setButtonCell(new TemplateCell(false));
        showWhen(templatePicker, Bindings.isNotEmpty(model.savedReplies().templates()));
        // Choosing one (a click, or Enter in the open list) puts it, filled in, into the reply box at once.
        templatePicker.setOnAction(event -> {
            ReplyTemplate chosen = templatePicker.getValue();
            if (chosen == null) {
                return;
            }
            model.savedReplies().templateProperty().set(chosen);
            model.insertTemplate();
            Platform.runLater(() -> {
                templatePicker.getSelectionModel().clearSelection();
                replyField.requestFocus();
                replyField.end();
            });
        });
    }

    /** A saved reply in the picker: its number and title, and in the open list the text as it would be sent. */
    private final class TemplateCell extends ListCell<ReplyTemplate> {

        private final boolean withPreview;

        TemplateCell(boolean withPreview) {
            this.withPreview = withPreview;
        }

        @Override
        protected void updateItem(ReplyTemplate item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(withPreview ? null : model.text().messages().get("conversation.template.prompt"));
                setGraphic(null);
                return;
            }
            String title = model.text().choice(model.savedReplies().templates().indexOf(item), item);
            if (!withPreview) {
                setText(title);
                setGraphic(null);
                return;
            }
            Label name = new Label(title);
            name.getStyleClass().add("text-bold");
            Label preview = new Label(model.savedReplies().filled(item));
            preview.setWrapText(true);
            preview.getStyleClass().add("template-preview");
            VBox box = new VBox(2, name, preview);
            box.setMaxWidth(BUBBLE_WIDTH + 30);
            box.setPrefWidth(BUBBLE_WIDTH + 30);
            setText(null);
            setGraphic(box);
        }
    }

    // ---------------------------------------------------------------------------------------------- bubbles

    private void showBubbles() {
        bubbles.getChildren().setAll(model.messages().stream().map(this::bubble).toList());
        scrollToNewest();
    }

    /**
     * Only the bubbles that changed are built again: a long conversation getting one more message (or a reply's
     * delivery) costs one bubble, not all of them.
     */
    private void messagesChanged(ListChangeListener.Change<? extends IssueMessage> change) {
        boolean added = false;
        while (change.next()) {
            if (change.wasPermutated()) {
                showBubbles();
                return;
            }
            if (change.wasRemoved()) {
                bubbles.getChildren().remove(change.getFrom(), change.getFrom() + change.getRemovedSize());
            }
            if (change.wasAdded()) {
                bubbles.getChildren().addAll(change.getFrom(),
                        change.getAddedSubList().stream().map(this::bubble).toList());
                added = added || !change.wasReplaced();
            }
        }
        if (added) {
            scrollToNewest();
        }
    }

    /** The newest at the foot, in view, as in any chat. */
    private void scrollToNewest() {
        Platform.runLater(() -> bubbleScroll.setVvalue(1.0));
    }

    private Node bubble(IssueMessage message) {
        boolean ours = message.direction() == MessageDirection.OUTBOUND;
        Label text = new Label(message.text());
        text.setWrapText(true);
        text.getStyleClass().add("bubble-text");
        Label meta = new Label(model.text().meta(message));
        meta.setWrapText(true);
        meta.getStyleClass().add("bubble-meta");
        VBox bubble = new VBox(2, text, meta);
        bubble.setMaxWidth(BUBBLE_WIDTH);
        bubble.getStyleClass().addAll("bubble", ours ? "bubble-out" : "bubble-in");
        if (message.deliveryStatus() != null) {
            bubble.getStyleClass().add(message.deliveryStatus() == DeliveryStatus.DELIVERED
                    ? "bubble-delivered" : "bubble-pending");
        }
        bubble.setAccessibleText(model.text().spoken(message));
        bubble.setUserData(message.id());
        HBox row = new HBox(bubble);
        row.getStyleClass().add("bubble-row");
        row.setAlignment(ours ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        return row;
    }

    @FXML
    private void send() {
        model.send();
    }

    @FXML
    private void retry() {
        model.retry();
    }
}
