package io.lineone.client.settings;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.client.common.ChoiceCell;
import io.lineone.client.common.ConsoleSettings.Language;
import io.lineone.client.common.ConsoleSettings.TextSize;
import io.lineone.client.common.Messages;
import io.lineone.client.common.Theme;
import io.lineone.client.settings.SettingsViewModel.ServerCheck;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Binds the settings screen to its view model. */
public final class SettingsController {

    private final SettingsViewModel model;
    private final Messages messages;

    @FXML private TextField serverField;
    @FXML private Button checkServerButton;
    @FXML private Button signInThereButton;
    @FXML private Label serverMessage;
    @FXML private ComboBox<Language> languageChoice;
    @FXML private ComboBox<Theme> themeChoice;
    @FXML private ComboBox<TextSize> textSizeChoice;
    @FXML private CheckBox notificationsToggle;
    @FXML private VBox demoSection;
    @FXML private VBox resetConfirm;
    @FXML private Button confirmResetButton;
    @FXML private Button resetDemoButton;
    @FXML private Button signOutEverywhereButton;
    @FXML private VBox signOutEverywhereConfirm;
    @FXML private Button confirmSignOutEverywhereButton;
    @FXML private Button cancelSignOutEverywhereButton;
    @FXML private Label sessionMessage;
    @FXML private Label consoleVersion;
    @FXML private Label backendVersion;
    @FXML private Label dataDirectory;
    @FXML private Label logFile;
    @FXML private Button openLogButton;

    public SettingsController(SettingsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        serverField.textProperty().bindBidirectional(model.serverUrlProperty());
        checkServerButton.disableProperty().bind(model.serverCheckProperty().isEqualTo(ServerCheck.CHECKING));
        serverMessage.textProperty().bind(model.serverMessageProperty());
        model.serverCheckProperty().addListener((obs, old, now) -> styleMessage(now));
        showWhen(signInThereButton, model.savedServerProperty().isNotNull());

        // The languages name themselves in their own language, so a user who cannot read the current one finds theirs.
        ChoiceCell.install(languageChoice, List.of(Language.values()), language -> switch (language) {
            case SYSTEM -> messages.get("settings.language.system");
            case CHINESE -> "简体中文";
            case ENGLISH -> "English";
        });
        languageChoice.valueProperty().bindBidirectional(model.languageProperty());
        ChoiceCell.install(themeChoice, List.of(Theme.values()),
                theme -> messages.get("settings.theme." + theme.name().toLowerCase(Locale.ROOT)));
        themeChoice.valueProperty().bindBidirectional(model.themeProperty());
        ChoiceCell.install(textSizeChoice, List.of(TextSize.values()),
                size -> messages.get("settings.textSize." + size.name().toLowerCase(Locale.ROOT)));
        textSizeChoice.valueProperty().bindBidirectional(model.textSizeProperty());
        notificationsToggle.selectedProperty().bindBidirectional(model.notificationsProperty());

        demoSection.setVisible(model.demo());
        demoSection.setManaged(model.demo());
        showWhen(resetConfirm, model.confirmingResetProperty());
        resetDemoButton.disableProperty().bind(model.confirmingResetProperty());
        model.confirmingResetProperty().addListener((obs, was, asking) -> {
            if (asking) {
                // The question takes the focus, so Enter answers it and Escape (the cancel button) backs out.
                Platform.runLater(confirmResetButton::requestFocus);
            }
        });

        showWhen(signOutEverywhereConfirm, model.confirmingSignOutEverywhereProperty());
        signOutEverywhereButton.disableProperty().bind(model.confirmingSignOutEverywhereProperty());
        confirmSignOutEverywhereButton.disableProperty().bind(model.signingOutEverywhereProperty());
        sessionMessage.textProperty().bind(model.sessionMessageProperty());
        showWhen(sessionMessage, model.sessionMessageProperty().isNotEmpty());
        // Escape backs out of this question only while it is asked: the demo's reset has a question of its own.
        cancelSignOutEverywhereButton.cancelButtonProperty().bind(model.confirmingSignOutEverywhereProperty());
        model.confirmingSignOutEverywhereProperty().addListener((obs, was, asking) -> {
            if (asking) {
                Platform.runLater(confirmSignOutEverywhereButton::requestFocus);
            }
        });

        consoleVersion.setText(model.consoleVersion());
        backendVersion.textProperty().bind(Bindings.when(model.backendVersionProperty().isEmpty())
                .then(messages.get("settings.about.asking")).otherwise(model.backendVersionProperty()));
        dataDirectory.setText(model.dataDirectory());
        logFile.setText(model.logFile());
        openLogButton.setDisable(!model.hasLogFile());
        model.refreshAbout();
    }

    private void styleMessage(ServerCheck check) {
        serverMessage.getStyleClass().removeAll("settings-message-ok", "settings-message-error");
        if (check == ServerCheck.SAVED) {
            serverMessage.getStyleClass().add("settings-message-ok");
        } else if (check == ServerCheck.REFUSED) {
            serverMessage.getStyleClass().add("settings-message-error");
        }
    }

    @FXML
    private void checkServer() {
        model.checkAndSaveServer();
    }

    @FXML
    private void signInThere() {
        model.signInToSavedServer();
    }

    @FXML
    private void askReset() {
        model.askReset();
    }

    @FXML
    private void confirmReset() {
        model.confirmReset();
    }

    @FXML
    private void cancelReset() {
        model.cancelReset();
        resetDemoButton.requestFocus();
    }

    @FXML
    private void askSignOutEverywhere() {
        model.askSignOutEverywhere();
    }

    @FXML
    private void confirmSignOutEverywhere() {
        model.confirmSignOutEverywhere();
    }

    @FXML
    private void cancelSignOutEverywhere() {
        model.cancelSignOutEverywhere();
        signOutEverywhereButton.requestFocus();
    }

    @FXML
    private void openData() {
        model.openDataDirectory();
    }

    @FXML
    private void openLog() {
        model.openLogFile();
    }
}
