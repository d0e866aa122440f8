package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.IssueCategory;
import io.lineone.api.Priority;
import io.lineone.client.common.ConsoleSettings;
import io.lineone.client.common.Theme;
import io.lineone.testing.ManagerBooks;
import io.lineone.testing.TestServer;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/** The settings screen, used as a person would: by keyboard and mouse, each choice seen to take effect. */
class SettingsUiTest extends SeededConsoleTestBase {

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    @AfterEach
    void lightAgain() {
        // The theme is the whole JavaFX runtime's: the next test class starts light.
        interact(Theme.LIGHT::applyGlobally);
    }

    private void openSettings() throws Exception {
        open(Locale.ENGLISH, Optional.empty(), server, ManagerBooks.LI_NA);
        waitUntil(() -> showing("#merchantTable"));
        clickOn("#navSettings");
        waitUntil(() -> showing("#settingsRoot") && showing("#serverField"));
    }

    /** The sections below the fold, brought into view as the scroll bar would. */
    private void scrollToTheEnd() {
        ScrollPane body = lookup(".settings-scroll").queryAs(ScrollPane.class);
        interact(() -> {
            body.layout();
            body.setVvalue(body.getVmax());
        });
    }

    private void typeServer(String url) {
        TextField field = lookup("#serverField").queryAs(TextField.class);
        interact(field::clear);
        clickOn(field).write(url);
        type(KeyCode.ENTER);
    }

    @Test
    void aServerIsSavedOnlyOnceItAnswersAndABadOneIsRefusedWithAReason() throws Exception {
        openSettings();
        assertThat(text("#serverField")).as("the demo: no server kept").isEmpty();

        typeServer("http://exa mple");
        waitUntil(() -> text("#serverMessage").startsWith("Enter a server address such as"));
        assertThat(fx(() -> lookup("#serverMessage").query().getStyleClass())).contains("settings-message-error");
        assertThat(settings.serverUrl()).isEmpty();

        typeServer("127.0.0.1:1");
        waitUntil(() -> text("#serverMessage").startsWith("Not saved: http://127.0.0.1:1 did not answer"));
        assertThat(settings.serverUrl()).isEmpty();
        assertThat(showing("#signInThereButton")).isFalse();

        typeServer(server.url() + "/api/v1/");
        waitUntil(() -> text("#serverMessage").startsWith("Saved. " + server.url() + " answers"));
        assertThat(settings.serverUrl()).contains(server.url());
        assertThat(text("#serverField")).isEqualTo(server.url());
        assertThat(showing("#signInThereButton")).as("the demo runs elsewhere: offer to go there").isTrue();

        clickOn("#signInThereButton");
        waitUntil(() -> showing("#login"));
        assertThat(text("#serverUrl")).isEqualTo(server.url());
    }

    @Test
    void theLanguageSwitchesLiveOnTheSameScreenStillSignedIn() throws Exception {
        openSettings();
        assertThat(text("#navSettings")).isEqualTo("Settings");

        @SuppressWarnings("unchecked")
        ComboBox<ConsoleSettings.Language> languages = lookup("#languageChoice").queryAs(ComboBox.class);
        clickOn(languages);
        clickOn("简体中文");

        waitUntil(() -> showing("#settingsRoot") && "设置".equals(text("#navSettings")));
        assertThat(text("#navMerchants")).isEqualTo("我的商家");
        assertThat(stage.getTitle()).contains("演示工作区");
        assertThat(new ConsoleSettings(settings.console()).language()).isEqualTo(ConsoleSettings.Language.CHINESE);
        clickOn("#navMerchants");
        waitUntil(() -> showing("#merchantTable") && !shownNames().isEmpty());

        // And back, by keyboard alone: Ctrl+6 to settings, Alt+L to the language, arrows to pick.
        press(KeyCode.SHORTCUT, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.SHORTCUT);
        waitUntil(() -> showing("#languageChoice"));
        interact(() -> lookup("#languageChoice").query().requestFocus());
        press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        waitUntil(() -> showing("#settingsRoot") && "Settings".equals(text("#navSettings")));
    }

    @Test
    void theThemeAndTextSizeChangeTheWholeWindowAtOnce() throws Exception {
        openSettings();
        var lightBackground = background("#content");

        @SuppressWarnings("unchecked")
        ComboBox<Theme> themes = lookup("#themeChoice").queryAs(ComboBox.class);
        clickOn(themes);
        clickOn("Dark");

        waitUntil(() -> fx(Application::getUserAgentStylesheet).contains("primer-dark"));
        waitUntil(() -> !background("#content").equals(lightBackground));
        assertThat(new ConsoleSettings(settings.console()).theme()).isEqualTo(Theme.DARK);

        double normal = fx(() -> lookup("#navSettings").queryLabeled().getFont().getSize());
        clickOn("#textSizeChoice");
        clickOn("Larger");
        waitUntil(() -> fx(() -> {
            Node label = lookup("#navSettings").query();
            label.applyCss();
            return lookup("#navSettings").queryLabeled().getFont().getSize();
        }) > normal);
    }

    @Test
    void withNotificationsOffANewP1PopsNothingUpButTheCentreKeepsIt() throws Exception {
        openSettings();
        waitUntil(() -> fx(() -> lookup("#connectionLabel").query().getStyleClass().contains("connection-live")));
        clickOn("#notificationsToggle");
        assertThat(new ConsoleSettings(settings.console()).notifications()).isFalse();

        server.issue(books.liNasMerchants().get(0), Priority.P1, IssueCategory.PRICING_ERROR, "Kettle at ¥0.99",
                50_000_00);

        waitUntil(() -> showing("#unreadBadge") && "1".equals(text("#unreadBadge")));
        assertThat(lookup(".toast").tryQuery()).as("no toast").isEmpty();
    }

    @Test
    void resettingTheDemoAsksFirstAndCancelLeavesItAlone() throws Exception {
        openSettings();
        assertThat(showing("#resetConfirm")).isFalse();

        clickOn("#resetDemoButton");
        waitUntil(() -> showing("#resetConfirm"));
        type(KeyCode.ESCAPE);
        waitUntil(() -> !showing("#resetConfirm"));
        assertThat(demo.resets()).isZero();

        clickOn("#resetDemoButton");
        waitUntil(() -> showing("#confirmResetButton"));
        type(KeyCode.ENTER);
        waitUntil(() -> demo.resets() == 1);
        waitUntil(() -> showing("#settingsRoot") && showing("#demoSection"));
        assertThat(showing("#demoBadge")).as("the demo opened again, signed in").isTrue();
    }

    @Test
    void signingOutEverywhereAsksFirstThenEndsThisAndEveryOtherSessionOfTheUser() throws Exception {
        openSettings();
        String elsewhere = server.signIn(ManagerBooks.LI_NA, TestServer.PASSWORD);
        assertThat(server.api().get("/me", elsewhere).status()).isEqualTo(200);
        assertThat(showing("#signOutEverywhereConfirm")).isFalse();

        scrollToTheEnd();
        clickOn("#signOutEverywhereButton");
        waitUntil(() -> showing("#signOutEverywhereConfirm"));
        type(KeyCode.ESCAPE);
        waitUntil(() -> !showing("#signOutEverywhereConfirm"));
        assertThat(server.api().get("/me", elsewhere).status()).as("cancelled: nothing ended").isEqualTo(200);

        clickOn("#signOutEverywhereButton");
        waitUntil(() -> showing("#confirmSignOutEverywhereButton"));
        scrollToTheEnd();
        clickOn("#confirmSignOutEverywhereButton");

        waitUntil(() -> showing("#login"));
        assertThat(server.api().get("/me", elsewhere).status()).as("the other computer's session is over too")
                .isEqualTo(401);
    }
}
