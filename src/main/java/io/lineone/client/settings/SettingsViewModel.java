package io.lineone.client.settings;

import io.lineone.api.Health;
import io.lineone.client.common.ConsoleControls;
import io.lineone.client.common.ConsoleSettings;
import io.lineone.client.common.ConsoleSettings.Language;
import io.lineone.client.common.ConsoleSettings.TextSize;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.Messages;
import io.lineone.client.common.ServerSettings;
import io.lineone.client.common.SignedIn;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.common.Theme;
import io.lineone.client.net.Backend;
import io.lineone.client.net.BackendException;
import io.lineone.client.net.ServerUrl;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings screen: the server the console signs in to (checked before it is kept), language, theme, text size,
 * notifications, signing out everywhere, resetting the demo workspace, and what the About section tells.
 */
public final class SettingsViewModel {

    /** How the server field's last check went. */
    public enum ServerCheck { NONE, CHECKING, SAVED, REFUSED }

    private final ConsoleSettings console;
    private final ServerSettings servers;
    private final Backend backend;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ConsoleControls controls;
    private final SignedIn signedIn;
    private final About about;

    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ServerCheck> serverCheck = new ReadOnlyObjectWrapper<>(ServerCheck.NONE);
    private final ReadOnlyStringWrapper serverMessage = new ReadOnlyStringWrapper("");
    /** The server just saved, to sign in to on request; null when there is none. */
    private final ReadOnlyStringWrapper savedServer = new ReadOnlyStringWrapper();
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final ObjectProperty<TextSize> textSize = new SimpleObjectProperty<>();
    private final BooleanProperty notifications = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper confirmingReset = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper backendVersion = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper confirmingSignOutEverywhere = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper signingOutEverywhere = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper sessionMessage = new ReadOnlyStringWrapper("");

    public SettingsViewModel(SettingsScreen screen, Backend backend, TaskExecutor executor, Messages messages) {
        this.console = screen.console();
        this.servers = screen.servers();
        this.backend = backend;
        this.executor = executor;
        this.messages = messages;
        this.controls = screen.controls();
        this.signedIn = screen.signedIn();
        this.about = screen.about();
        ConsoleSettings console = this.console;
        serverUrl.set(servers.serverUrl().orElse(signedIn.demo() ? "" : signedIn.serverUrl()));
        language.set(console.language());
        theme.set(console.theme());
        textSize.set(console.textSize());
        notifications.set(console.notifications());
        // Each choice takes effect as it is made: no Save button to forget.
        language.addListener((obs, old, now) -> {
            console.saveLanguage(now);
            controls.switchLanguage(now.locale(Locale.getDefault()));
        });
        theme.addListener((obs, old, now) -> {
            console.saveTheme(now);
            controls.switchTheme(now);
        });
        textSize.addListener((obs, old, now) -> {
            console.saveTextSize(now);
            controls.switchTextSize(now);
        });
        notifications.addListener((obs, old, now) -> {
            console.saveNotifications(now);
            controls.switchNotifications(now);
        });
        serverUrl.addListener((obs, old, now) -> {
            if (serverCheck.get() != ServerCheck.CHECKING) {
                serverCheck.set(ServerCheck.NONE);
                serverMessage.set("");
                savedServer.set(null);
            }
        });
    }

    /**
     * Keeps the typed server once it has answered {@code GET /health} as a LineOne server; an empty field means the
     * demo workspace at the next start. A URL that is malformed, unreachable or not LineOne is refused, and the
     * saved one stays.
     */
    public void checkAndSaveServer() {
        if (serverCheck.get() == ServerCheck.CHECKING) {
            return;
        }
        String typed = serverUrl.get() == null ? "" : serverUrl.get().strip();
        if (typed.isEmpty()) {
            servers.clearServerUrl();
            savedServer.set(null);
            report(ServerCheck.SAVED, messages.get("settings.server.demoNext"));
            return;
        }
        String normalized;
        try {
            normalized = ServerUrl.normalize(typed);
        } catch (BackendException e) {
            report(ServerCheck.REFUSED, new ErrorMessages(messages).describe(e));
            return;
        }
        report(ServerCheck.CHECKING, messages.format("settings.server.checking", normalized));
        executor.execute(() -> backend.health(normalized), health -> saved(normalized, health),
                failure -> report(ServerCheck.REFUSED, messages.format("settings.server.refused", normalized,
                        new ErrorMessages(messages).describe(failure))));
    }

    private void saved(String url, Health health) {
        servers.saveServerUrl(url);
        serverUrl.set(url);
        // From the demo, signing in there means with one's own account, even to the demo's own address.
        savedServer.set(signedIn.demo() || !url.equals(signedIn.serverUrl()) ? url : null);
        report(ServerCheck.SAVED, messages.format("settings.server.saved", url, health.version()));
    }

    private void report(ServerCheck check, String message) {
        serverCheck.set(check);
        serverMessage.set(message);
    }

    /** Signs out and opens sign-in for the server just saved. */
    public void signInToSavedServer() {
        if (savedServer.get() != null) {
            controls.signInTo(savedServer.get());
        }
    }

    /** Resetting throws data away: the first press only asks. */
    public void askReset() {
        confirmingReset.set(true);
    }

    public void cancelReset() {
        confirmingReset.set(false);
    }

    public void confirmReset() {
        if (confirmingReset.get()) {
            confirmingReset.set(false);
            controls.resetDemo();
        }
    }

    /** Signing out everywhere ends the user's sessions on their other computers too: the first press only asks. */
    public void askSignOutEverywhere() {
        sessionMessage.set("");
        confirmingSignOutEverywhere.set(true);
    }

    public void cancelSignOutEverywhere() {
        confirmingSignOutEverywhere.set(false);
    }

    /**
     * Revokes every token of the user on the server, then leaves for sign-in. If the server cannot be told, this
     * session stays and says so: the other computers may still be signed in.
     */
    public void confirmSignOutEverywhere() {
        if (!confirmingSignOutEverywhere.get() || signingOutEverywhere.get()) {
            return;
        }
        signingOutEverywhere.set(true);
        executor.execute(() -> {
            backend.signOutEverywhere();
            return null;
        }, done -> {
            signingOutEverywhere.set(false);
            confirmingSignOutEverywhere.set(false);
            controls.signedOutEverywhere();
        }, failure -> {
            signingOutEverywhere.set(false);
            sessionMessage.set(messages.format("settings.session.failed", new ErrorMessages(messages).describe(failure)));
        });
    }

    /** Asks the signed-in server for its version, for the About section. */
    public void refreshAbout() {
        executor.execute(backend::health, health -> backendVersion.set(health.version()),
                failure -> backendVersion.set(messages.get("settings.about.backendUnknown")));
    }

    public void openLogFile() {
        about.logFile().ifPresent(controls::open);
    }

    public void openDataDirectory() {
        controls.open(about.dataDirectory());
    }

    public boolean demo() {
        return signedIn.demo();
    }

    public String consoleVersion() {
        return about.consoleVersion();
    }

    public String dataDirectory() {
        return about.dataDirectory().toString();
    }

    public String logFile() {
        return about.logFile().map(Path::toString).orElse(messages.get("settings.about.noLog"));
    }

    public boolean hasLogFile() {
        return about.logFile().isPresent();
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public ReadOnlyObjectProperty<ServerCheck> serverCheckProperty() {
        return serverCheck.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverMessageProperty() {
        return serverMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty savedServerProperty() {
        return savedServer.getReadOnlyProperty();
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObjectProperty<TextSize> textSizeProperty() {
        return textSize;
    }

    public BooleanProperty notificationsProperty() {
        return notifications;
    }

    public ReadOnlyBooleanProperty confirmingResetProperty() {
        return confirmingReset.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty confirmingSignOutEverywhereProperty() {
        return confirmingSignOutEverywhere.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty signingOutEverywhereProperty() {
        return signingOutEverywhere.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionMessageProperty() {
        return sessionMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backendVersionProperty() {
        return backendVersion.getReadOnlyProperty();
    }
}
