package io.lineone.client.signin;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.client.common.ChoiceCell;
import io.lineone.client.common.DemoAccount;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/** Binds the sign-in form to its view model; no logic of its own. */
public final class SignInController {

    private final SignInViewModel model;

    @FXML private TextField serverUrl;
    @FXML private TextField login;
    @FXML private PasswordField password;
    @FXML private Button signInButton;
    @FXML private Button demoButton;
    @FXML private ComboBox<DemoAccount> demoAccount;
    @FXML private HBox progressBox;
    @FXML private ProgressIndicator progress;
    @FXML private Label progressText;
    @FXML private Label errorMessage;
    @FXML private Button retryButton;

    public SignInController(SignInViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        serverUrl.textProperty().bindBidirectional(model.serverUrlProperty());
        login.textProperty().bindBidirectional(model.loginProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        serverUrl.disableProperty().bind(model.busyProperty());
        login.disableProperty().bind(model.busyProperty());
        password.disableProperty().bind(model.busyProperty());
        signInButton.disableProperty().bind(model.signInDisabledProperty());
        demoButton.disableProperty().bind(model.busyProperty());
        ChoiceCell.install(demoAccount, model.demoAccounts(), model::demoAccountLabel);
        demoAccount.valueProperty().bindBidirectional(model.demoAccountProperty());
        demoAccount.disableProperty().bind(model.busyProperty());

        showWhen(progressBox, model.busyProperty());
        progressText.textProperty().bind(model.busyTextProperty());
        errorMessage.textProperty().bind(model.errorProperty());
        showWhen(errorMessage, model.errorProperty().isNotEmpty());
        showWhen(retryButton, model.retryableProperty());

        // After a wrong password the cursor belongs in the (now empty) password field.
        model.errorProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty() && model.passwordProperty().get().isEmpty() && !model.loginProperty().get().isBlank()) {
                password.requestFocus();
            }
        });
        Platform.runLater(this::focusFirstEmptyField);
    }

    private void focusFirstEmptyField() {
        if (serverUrl.getText().isBlank()) {
            serverUrl.requestFocus();
        } else if (login.getText().isBlank()) {
            login.requestFocus();
        } else {
            password.requestFocus();
        }
    }

    @FXML
    private void signIn() {
        model.signIn();
    }

    @FXML
    private void openDemo() {
        model.openDemo();
    }

    @FXML
    private void retry() {
        model.retry();
    }
}
