package io.lineone.client.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Session;
import io.lineone.client.common.ConsoleControls;
import io.lineone.client.common.ConsoleSettings;
import io.lineone.client.common.ConsoleSettings.Language;
import io.lineone.client.common.ConsoleSettings.TextSize;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.InMemoryServerSettings;
import io.lineone.client.common.Messages;
import io.lineone.client.common.SignedIn;
import io.lineone.client.common.Theme;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.settings.SettingsViewModel.ServerCheck;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {

    private final FakeBackend backend = new FakeBackend();
    private final InMemoryServerSettings servers = new InMemoryServerSettings("http://team:7070");
    private final ConsoleSettings console = new ConsoleSettings(servers.console());
    private final List<String> asked = new ArrayList<>();
    private final ConsoleControls controls = new ConsoleControls() {
        @Override
        public void switchLanguage(Locale language) {
            asked.add("language " + language.toLanguageTag());
        }

        @Override
        public void switchTheme(Theme theme) {
            asked.add("theme " + theme);
        }

        @Override
        public void switchTextSize(TextSize size) {
            asked.add("text " + size);
        }

        @Override
        public void switchNotifications(boolean on) {
            asked.add("notifications " + on);
        }

        @Override
        public void signInTo(String serverUrl) {
            asked.add("sign in to " + serverUrl);
        }

        @Override
        public void signedOutEverywhere() {
            asked.add("signed out everywhere");
        }

        @Override
        public void resetDemo() {
            asked.add("reset");
        }

        @Override
        public void open(Path file) {
            asked.add("open " + file.getFileName());
        }
    };

    private SettingsViewModel model(boolean demo) {
        Session session = new Session("t", Instant.parse("2030-01-01T00:00:00Z"), FakeBackend.USER);
        SignedIn signedIn = new SignedIn(session, demo ? "http://127.0.0.1:5555" : "http://team:7070", demo);
        About about = new About("1.2.3", Path.of("/data/lineone"), Optional.of(Path.of("/data/lineone/logs/console.log")));
        return new SettingsViewModel(new SettingsScreen(console, servers, controls, signedIn, about), backend,
                new CurrentThreadTaskExecutor(), Messages.forLocale(Locale.ENGLISH));
    }

    @Test
    void aServerIsKeptOnlyOnceItAnswersAsALineOneServer() {
        SettingsViewModel model = model(false);
        assertThat(model.serverUrlProperty().get()).isEqualTo("http://team:7070");

        model.serverUrlProperty().set("http://exa mple");
        model.checkAndSaveServer();
        assertThat(model.serverCheckProperty().get()).isEqualTo(ServerCheck.REFUSED);
        assertThat(model.serverMessageProperty().get()).isNotBlank();
        assertThat(servers.serverUrl()).contains("http://team:7070");

        model.serverUrlProperty().set("other.example:7070/");
        backend.failNext(FakeBackend.unreachable());
        model.checkAndSaveServer();
        assertThat(model.serverCheckProperty().get()).isEqualTo(ServerCheck.REFUSED);
        assertThat(model.serverMessageProperty().get()).startsWith("Not saved: http://other.example:7070 did not answer");
        assertThat(servers.serverUrl()).as("the saved one stays").contains("http://team:7070");

        model.checkAndSaveServer();
        assertThat(model.serverCheckProperty().get()).isEqualTo(ServerCheck.SAVED);
        assertThat(model.serverMessageProperty().get()).contains("http://other.example:7070", "0.1.0-test");
        assertThat(servers.serverUrl()).contains("http://other.example:7070");
        assertThat(model.serverUrlProperty().get()).as("shown as kept").isEqualTo("http://other.example:7070");

        model.signInToSavedServer();
        assertThat(asked).containsExactly("sign in to http://other.example:7070");
    }

    @Test
    void anEmptyServerMeansTheDemoWorkspaceAtTheNextStart() {
        SettingsViewModel model = model(false);
        model.serverUrlProperty().set("  ");
        model.checkAndSaveServer();

        assertThat(model.serverCheckProperty().get()).isEqualTo(ServerCheck.SAVED);
        assertThat(servers.serverUrl()).isEmpty();
        assertThat(model.savedServerProperty().get()).isNull();
    }

    @Test
    void eachChoiceIsKeptAndTakesEffectAtOnce() {
        SettingsViewModel model = model(false);
        assertThat(model.languageProperty().get()).isEqualTo(Language.SYSTEM);
        assertThat(model.notificationsProperty().get()).isTrue();

        model.languageProperty().set(Language.CHINESE);
        model.themeProperty().set(Theme.DARK);
        model.textSizeProperty().set(TextSize.LARGER);
        model.notificationsProperty().set(false);

        assertThat(asked).containsExactly("language zh-CN", "theme DARK", "text LARGER", "notifications false");
        ConsoleSettings next = new ConsoleSettings(servers.console());
        assertThat(next.language()).isEqualTo(Language.CHINESE);
        assertThat(next.theme()).isEqualTo(Theme.DARK);
        assertThat(next.textSize()).isEqualTo(TextSize.LARGER);
        assertThat(next.notifications()).isFalse();
        assertThat(model(false).themeProperty().get()).as("a new screen shows what was chosen").isEqualTo(Theme.DARK);
    }

    @Test
    void resettingTheDemoAsksFirst() {
        SettingsViewModel model = model(true);
        assertThat(model.demo()).isTrue();

        model.confirmReset();
        assertThat(asked).as("not without asking").isEmpty();

        model.askReset();
        assertThat(model.confirmingResetProperty().get()).isTrue();
        model.cancelReset();
        model.confirmReset();
        assertThat(asked).as("cancelled").isEmpty();

        model.askReset();
        model.confirmReset();
        assertThat(asked).containsExactly("reset");
        assertThat(model.confirmingResetProperty().get()).isFalse();
    }

    @Test
    void aboutTellsBothVersionsAndWhereTheDataAndLogAre() {
        SettingsViewModel model = model(false);
        model.refreshAbout();

        assertThat(model.consoleVersion()).isEqualTo("1.2.3");
        assertThat(model.backendVersionProperty().get()).isEqualTo("0.1.0-test");
        assertThat(model.dataDirectory()).isEqualTo(Path.of("/data/lineone").toString());
        model.openLogFile();
        model.openDataDirectory();
        assertThat(asked).containsExactly("open console.log", "open lineone");

        backend.failNext(FakeBackend.unreachable());
        model.refreshAbout();
        assertThat(model.backendVersionProperty().get()).isEqualTo("unknown (the server did not answer)");
    }

    @Test
    void storedChoicesThatCannotBeReadAreAsIfNeverMade() {
        servers.console().put("theme", "PURPLE");
        servers.console().put("window", "1,2,three,4,false");
        assertThat(console.theme()).isEqualTo(Theme.LIGHT);
        assertThat(console.window()).isEmpty();

        console.saveWindow(new ConsoleSettings.WindowBounds(10, 20, 1100, 700, true));
        assertThat(console.window()).contains(new ConsoleSettings.WindowBounds(10, 20, 1100, 700, true));
    }

    @Test
    void signingOutEverywhereAsksFirstAndLeavesOnlyOnceTheServerHasEndedEverySession() {
        SettingsViewModel model = model(false);
        model.confirmSignOutEverywhere();
        assertThat(backend.signOutEverywhereCalls).as("not asked yet: nothing sent").isZero();

        model.askSignOutEverywhere();
        assertThat(model.confirmingSignOutEverywhereProperty().get()).isTrue();
        model.cancelSignOutEverywhere();
        model.confirmSignOutEverywhere();
        assertThat(backend.signOutEverywhereCalls).isZero();

        model.askSignOutEverywhere();
        backend.failNext(FakeBackend.unreachable());
        model.confirmSignOutEverywhere();
        assertThat(backend.signOutEverywhereCalls).isEqualTo(1);
        assertThat(asked).as("the server was not told: this session stays").isEmpty();
        assertThat(model.sessionMessageProperty().get()).startsWith("Not signed out:");
        assertThat(model.confirmingSignOutEverywhereProperty().get()).as("ready to try again").isTrue();
        assertThat(model.signingOutEverywhereProperty().get()).isFalse();

        model.confirmSignOutEverywhere();
        assertThat(backend.signOutEverywhereCalls).isEqualTo(2);
        assertThat(asked).containsExactly("signed out everywhere");
        assertThat(model.confirmingSignOutEverywhereProperty().get()).isFalse();
    }
}
