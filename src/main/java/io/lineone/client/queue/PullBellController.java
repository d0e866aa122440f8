package io.lineone.client.queue;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.api.Bell;
import io.lineone.api.BellSeverity;
import io.lineone.api.Release;
import io.lineone.client.common.Messages;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** Binds the pull-the-bell sheet, which the queue includes over its table, to its view model. */
public final class PullBellController {

    private final PullBellViewModel model;
    private final Messages messages;

    @FXML private StackPane pullSheet;
    @FXML private Label evidenceLabel;
    @FXML private Label impactLabel;
    @FXML private ComboBox<Release> releaseBox;
    @FXML private ToggleGroup severityGroup;
    @FXML private RadioButton blockerOption;
    @FXML private RadioButton majorOption;
    @FXML private TextArea reasonField;
    @FXML private Label reasonHint;
    @FXML private Label pullError;
    @FXML private ProgressIndicator sendingIndicator;
    @FXML private Button pullSend;
    @FXML private HBox openBellRow;
    @FXML private Label openBellLabel;
    @FXML private Button joinButton;

    public PullBellController(PullBellViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        showWhen(pullSheet, model.openProperty());
        evidenceLabel.textProperty().bind(Bindings.createStringBinding(() -> model.evidence().stream()
                .map(issue -> messages.format("queue.bell.evidence.line", issue.merchantName(), issue.title()))
                .collect(Collectors.joining("\n")), model.evidence()));
        impactLabel.textProperty().bind(model.impactProperty());
        releaseBox.setItems(model.releaseChoices());
        releaseBox.setButtonCell(new ReleaseChoice());
        releaseBox.setCellFactory(list -> new ReleaseChoice());
        releaseBox.valueProperty().bindBidirectional(model.releaseProperty());
        blockerOption.setUserData(BellSeverity.BLOCKER);
        majorOption.setUserData(BellSeverity.MAJOR);
        severityGroup.selectToggle(model.severityProperty().get() == BellSeverity.MAJOR ? majorOption : blockerOption);
        severityGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                severityGroup.selectToggle(old);
            } else {
                model.severityProperty().set((BellSeverity) now.getUserData());
            }
        });
        reasonField.textProperty().bindBidirectional(model.reasonProperty());
        reasonHint.textProperty().bind(model.reasonHintProperty());
        showWhen(reasonHint, model.reasonHintProperty().isNotEmpty());
        pullError.textProperty().bind(model.errorProperty());
        showWhen(pullError, model.errorProperty().isNotEmpty());
        showWhen(sendingIndicator, model.sendingProperty());
        pullSend.disableProperty().bind(model.canSendProperty().not());
        showWhen(openBellRow, model.openBellProperty().isNotNull());
        openBellLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Bell bell = model.openBellProperty().get();
            return bell == null ? "" : messages.format("queue.bell.open", bell.pulledByName(), bell.reason());
        }, model.openBellProperty()));
        joinButton.disableProperty().bind(model.canJoinProperty().not());
        model.openProperty().addListener((obs, was, open) -> {
            if (open) {
                Platform.runLater(reasonField::requestFocus);
            }
        });
    }

    @FXML
    private void send() {
        model.send();
    }

    @FXML
    private void join() {
        model.join();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    /** A release by name, version and gate, so a blocked one is recognised in the list. */
    private final class ReleaseChoice extends ListCell<Release> {
        @Override
        protected void updateItem(Release release, boolean empty) {
            super.updateItem(release, empty);
            setText(empty || release == null ? null : messages.format("queue.bell.release.choice", release.name(),
                    release.version(), messages.get("bells.gate." + release.gate().name())));
        }
    }
}
