package io.lineone.client.signin;

import io.lineone.client.common.DemoAccount;
import io.lineone.client.common.DemoLauncher;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.Messages;
import io.lineone.client.common.ServerSettings;
import io.lineone.client.common.SignedIn;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import io.lineone.client.net.BackendException;
import io.lineone.client.net.ServerUrl;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** State and commands of the sign-in screen. */
public final class SignInViewModel {

    private final Backend backend;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ErrorMessages errors;
    private final ServerSettings settings;
    private final DemoLauncher demo;
    private final Consumer<SignedIn> onSignedIn;

    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final StringProperty login = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper retryable = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<DemoAccount> demoAccount = new SimpleObjectProperty<>();
    private final BooleanBinding signInDisabled;
    private Runnable lastAttempt = () -> { };

    public SignInViewModel(Backend backend, TaskExecutor executor, Messages messages, ServerSettings settings,
                           DemoLauncher demo, Consumer<SignedIn> onSignedIn) {
        this.backend = backend;
        this.executor = executor;
        this.messages = messages;
        this.errors = new ErrorMessages(messages);
        this.settings = settings;
        this.demo = demo;
        this.onSignedIn = onSignedIn;
        this.signInDisabled = busy.getReadOnlyProperty()
                .or(blank(serverUrl)).or(blank(login)).or(blank(password));
        demoAccount.set(demo.accounts().get(0));
    }

    /** The demo workspace's accounts, one per role, to try each role's console without typing. */
    public List<DemoAccount> demoAccounts() {
        return demo.accounts();
    }

    /** How a demo account reads in the picker: its name and what its role is. */
    public String demoAccountLabel(DemoAccount account) {
        return messages.format("signin.demoAccount.item", account.displayName(),
                messages.get("role." + account.role().name()), account.login());
    }

    /** Fills the form the way the screen opens: a remembered server, maybe why we are back here. */
    public void prefill(String url, String reason) {
        serverUrl.set(url == null ? "" : url);
        login.set(settings.login().orElse(""));
        error.set(reason == null ? "" : reason);
    }

    public void signIn() {
        if (signInDisabled.get()) {
            return;
        }
        lastAttempt = this::signIn;
        String typedUrl = serverUrl.get();
        String typedLogin = login.get().strip();
        String typedPassword = password.get();
        start(messages.get("signin.progress.signingIn"));
        executor.execute(() -> {
            String url = ServerUrl.normalize(typedUrl);
            return new SignedIn(backend.signIn(url, typedLogin, typedPassword), url, false);
        }, signedIn -> {
            busy.set(false);
            password.set("");
            settings.saveServerUrl(signedIn.serverUrl());
            settings.saveLogin(typedLogin);
            onSignedIn.accept(signedIn);
        }, this::signInFailed);
    }

    /** The demo workspace needs no server: forget the saved one so the next start opens it too. */
    public void openDemo() {
        if (busy.get()) {
            return;
        }
        lastAttempt = this::openDemo;
        start(messages.get("signin.progress.startingDemo"));
        settings.clearServerUrl();
        String as = demoAccount.get().login();
        executor.execute(() -> demo.open(as), signedIn -> {
            busy.set(false);
            onSignedIn.accept(signedIn);
        }, failure -> {
            busy.set(false);
            error.set(messages.format("signin.error.demo", errors.describe(failure)));
            retryable.set(true);
        });
    }

    /** Repeats whatever failed to reach its server, with what is still typed. */
    public void retry() {
        lastAttempt.run();
    }

    private void start(String what) {
        error.set("");
        retryable.set(false);
        busyText.set(what);
        busy.set(true);
    }

    private void signInFailed(Exception failure) {
        busy.set(false);
        if (failure instanceof BackendException e && e.kind() == BackendException.Kind.PROBLEM) {
            switch (e.status()) {
                case 401 -> {
                    // Keep the login (the usual slip is the password) but never keep a wrong password around.
                    password.set("");
                    error.set(messages.get("signin.error.wrongCredentials"));
                }
                case 429 -> error.set(messages.get("signin.error.throttled"));
                default -> error.set(errors.describe(e));
            }
            return;
        }
        error.set(errors.describe(failure));
        retryable.set(failure instanceof BackendException e && e.kind() == BackendException.Kind.UNREACHABLE);
    }

    private static BooleanBinding blank(StringProperty text) {
        return Bindings.createBooleanBinding(() -> text.get() == null || text.get().isBlank(), text);
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty loginProperty() {
        return login;
    }

    /** The demo account "Open the demo workspace" signs in; the demo manager until another is picked. */
    public ObjectProperty<DemoAccount> demoAccountProperty() {
        return demoAccount;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty retryableProperty() {
        return retryable.getReadOnlyProperty();
    }

    public BooleanBinding signInDisabledProperty() {
        return signInDisabled;
    }
}
