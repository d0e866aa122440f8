package io.lineone.client.queue;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.IssueCategory;
import io.lineone.api.Merchant;
import io.lineone.api.Priority;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

/** Binds the "new issue" sheet, which the queue includes over its table. */
public final class NewIssueController {

    private final NewIssueViewModel model;
    private final IssueText text;

    @FXML private StackPane newIssueSheet;
    @FXML private ComboBox<Merchant> merchantBox;
    @FXML private ComboBox<IssueCategory> categoryBox;
    @FXML private ComboBox<Priority> newPriorityBox;
    @FXML private TextField titleField;
    @FXML private TextArea descriptionField;
    @FXML private Label newIssueError;
    @FXML private Button newIssueConfirm;

    public NewIssueController(NewIssueViewModel model, IssueText text) {
        this.model = model;
        this.text = text;
    }

    @FXML
    private void initialize() {
        showWhen(newIssueSheet, model.openProperty());
        merchantBox.setItems(model.merchants());
        ComboLabels.label(merchantBox, this::merchantLabel);
        merchantBox.valueProperty().bindBidirectional(model.merchantProperty());
        merchantBox.setVisibleRowCount(10);
        categoryBox.getItems().setAll(model.categories());
        ComboLabels.label(categoryBox, text::category);
        categoryBox.valueProperty().bindBidirectional(model.categoryProperty());
        newPriorityBox.getItems().setAll(model.priorities());
        ComboLabels.label(newPriorityBox, text::priorityName);
        newPriorityBox.valueProperty().bindBidirectional(model.priorityProperty());
        titleField.textProperty().bindBidirectional(model.titleProperty());
        descriptionField.textProperty().bindBidirectional(model.descriptionProperty());
        newIssueError.textProperty().bind(model.errorProperty());
        showWhen(newIssueError, model.errorProperty().isNotEmpty());
        newIssueConfirm.disableProperty().bind(model.canSendProperty().not());
        descriptionField.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.TAB && !event.isControlDown()) {
                event.consume();
                (event.isShiftDown() ? titleField : newIssueConfirm).requestFocus();
            } else if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                event.consume();
                model.confirm();
            }
        });
        titleField.setOnAction(event -> model.confirm());
        model.openProperty().addListener((obs, was, open) -> {
            if (open) {
                Platform.runLater(merchantBox::requestFocus);
            }
        });
    }

    private String merchantLabel(Merchant merchant) {
        return text.messages().format("queue.newIssue.merchant.choice", merchant.name(), merchant.shopName());
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
