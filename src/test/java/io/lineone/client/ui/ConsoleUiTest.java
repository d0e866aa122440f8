package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Merchant;
import io.lineone.api.Role;
import io.lineone.testing.ManagerBooks;
import io.lineone.testing.Screenshots;
import io.lineone.testing.TestServer;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/** The console in English against a real in-process backend. */
class ConsoleUiTest extends SeededConsoleTestBase {

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    private void openAtSignIn(String url) {
        open(Locale.ENGLISH, Optional.of(url), server, ManagerBooks.LI_NA);
    }

    @Test
    void signInShowsMyMerchantsOnlyAndTypingFiltersThem() throws TimeoutException {
        openAtSignIn(server.url());
        assertThat(stage.getTitle()).isEqualTo("LineOne — Sign in");
        assertThat(text("#serverUrl")).isEqualTo(server.url());

        clickOn("#login").write(ManagerBooks.LI_NA);
        clickOn("#password").write(TestServer.PASSWORD);
        Screenshots.save(stage.getScene(), "signin-en");
        type(KeyCode.ENTER);

        waitUntil(() -> showing("#merchantTable") && table().getItems().size() == 5);
        assertThat(shownNames()).containsExactlyInAnyOrderElementsOf(
                books.liNasMerchants().stream().map(Merchant::name).toList());
        assertThat(shownNames()).doesNotContain("杭州滨江数码有限公司", "深圳电子贸易有限公司");
        assertThat(text("#countLabel")).isEqualTo("5 merchants");
        assertThat(text("#userLabel")).isEqualTo("李娜 · Account manager");
        waitUntil(() -> !text("#versionLabel").isEmpty());
        assertThat(text("#versionLabel")).startsWith("Server ");
        waitUntil(() -> text("#connectionLabel").equals("Live · connected to " + server.url()));
        assertThat(showing("#demoBadge")).isFalse();
        assertThat(stage.getTitle()).isEqualTo("LineOne");
        assertThat(settings.serverUrl()).contains(server.url());

        clickOn("#searchField").write("杭州");
        waitUntil(() -> table().getItems().size() == 3);
        assertThat(shownNames()).containsExactlyInAnyOrder("杭州西湖茶叶有限公司", "杭州丝绸贸易有限公司", "义乌小商品有限公司");
        assertThat(text("#countLabel")).isEqualTo("3 of 5 merchants");

        clickOn("杭州西湖茶叶有限公司");
        waitUntil(() -> showing("#detailName") && text("#detailName").equals("杭州西湖茶叶有限公司"));
        assertThat(text("#detailShop")).isEqualTo("西湖龙井旗舰店");
        assertThat(text("#detailRegion")).isEqualTo("浙江");
        assertThat(text("#detailCategory")).isEqualTo("食品生鲜");
        assertThat(text("#detailScore")).matches("\\d+ · (Green|Blue|Amber|Red)");
        waitUntil(() -> showing("#detailShipping"));
        assertThat(text("#detailShipping")).endsWith(" h");
        assertThat(text("#detailDsr")).endsWith(" / 5");
        assertThat(fx(() -> lookup("#detailScore").query().getStyleClass())).contains("band-chip");
        Screenshots.save(stage.getScene(), "main-merchants-en");

        clickOn("#searchField").write(" 上海");
        waitUntil(() -> table().getItems().isEmpty());
        assertThat(showing("#noMatchLabel")).isTrue();
        assertThat(text("#noMatchLabel")).isEqualTo("No merchant matches “杭州 上海”.");
        Screenshots.save(stage.getScene(), "main-nomatch-en");

        // Esc clears the search, a second Esc goes to the table; / and Ctrl+F come back to the search.
        type(KeyCode.ESCAPE);
        waitUntil(() -> table().getItems().size() == 5);
        assertThat(text("#searchField")).isEmpty();
        type(KeyCode.ESCAPE);
        waitUntil(() -> fx(() -> lookup("#merchantTable").query().isFocused()));
        type(KeyCode.SLASH);
        waitUntil(() -> fx(() -> lookup("#searchField").query().isFocused()));
        assertThat(text("#searchField")).as("the / is a key, not a letter").isEmpty();
        type(KeyCode.DOWN);
        waitUntil(() -> fx(() -> lookup("#merchantTable").query().isFocused()));
        press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        waitUntil(() -> fx(() -> lookup("#searchField").query().isFocused()));

        clickOn("#signOutButton");
        waitUntil(() -> showing("#login"));
        assertThat(text("#login")).as("the login is remembered, the password never").isEqualTo(ManagerBooks.LI_NA);
        assertThat(text("#password")).isEmpty();
        waitUntil(() -> fx(() -> lookup("#password").query().isFocused()));
    }

    @Test
    void wrongPasswordSaysSoAndKeepsTheTypedLogin() throws TimeoutException {
        openAtSignIn(server.url());

        signIn(ManagerBooks.WANG_WEI, "not-the-password");

        waitUntil(() -> showing("#errorMessage"));
        assertThat(text("#errorMessage")).isEqualTo("Wrong login or password.");
        assertThat(text("#login")).isEqualTo(ManagerBooks.WANG_WEI);
        assertThat(text("#password")).isEmpty();
        assertThat(showing("#retryButton")).isFalse();
        Screenshots.save(stage.getScene(), "signin-wrong-password-en");

        write(TestServer.PASSWORD);
        type(KeyCode.ENTER);
        waitUntil(() -> showing("#merchantTable") && table().getItems().size() == 2);
    }

    @Test
    void unreachableServerSaysSoAndRetryConnectsOnceItIsUp() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        openAtSignIn(url);

        signIn(ManagerBooks.LI_NA, TestServer.PASSWORD);

        waitUntil(() -> showing("#retryButton"));
        assertThat(text("#errorMessage")).startsWith("Cannot reach the server at " + url);
        assertThat(text("#login")).isEqualTo(ManagerBooks.LI_NA);
        Screenshots.save(stage.getScene(), "signin-unreachable-en");

        try (TestServer late = TestServer.onH2().systemClock().port(port).start()) {
            late.account(Role.MANAGER, ManagerBooks.LI_NA, "李娜");
            clickOn("#retryButton");
            waitUntil(() -> showing("#emptyState"));
            waitUntil(() -> text("#connectionLabel").equals("Live · connected to " + url));
        }
    }

    @Test
    void anEmptyBookShowsTheEmptyState() throws TimeoutException {
        openAtSignIn(server.url());

        signIn(ManagerBooks.NOBODY, TestServer.PASSWORD);

        waitUntil(() -> showing("#emptyState"));
        assertThat(showing("#merchantTable")).isFalse();
        assertThat(lookup("No merchants yet").tryQuery()).isPresent();
        assertThat(text("#countLabel")).isEqualTo("No merchants");
        Screenshots.save(stage.getScene(), "main-empty-en");
    }

    @Test
    void theDemoWorkspaceIsLabelledAndSignOutReturnsToSignIn() throws TimeoutException {
        settings.saveServerUrl("http://team.example:7070");
        openAtSignIn(server.url());

        clickOn("#demoButton");

        waitUntil(() -> showing("#demoBadge") && table().getItems().size() == 5);
        assertThat(stage.getTitle()).isEqualTo("LineOne — Demo workspace");
        assertThat(settings.serverUrl()).isEmpty();
        waitUntil(() -> text("#connectionLabel").equals("Live · demo workspace on this computer"));

        clickOn("#signOutButton");

        waitUntil(() -> showing("#login"));
        assertThat(stage.getTitle()).isEqualTo("LineOne — Sign in");
        assertThat(fx(() -> lookup("#serverUrl").queryAs(TextField.class).getText())).isEmpty();
    }

    @Test
    void withNoServerConfiguredTheDemoWorkspaceOpensStraightAway() throws TimeoutException {
        open(Locale.ENGLISH, Optional.empty(), server, ManagerBooks.LI_NA);

        waitUntil(() -> showing("#demoBadge") && showing("#merchantTable"));
        Screenshots.save(stage.getScene(), "main-demo-en");

        clickOn("#navIssues");
        waitUntil(() -> showing("#queueRoot") && showing("#emptyState"));
        assertThat(text("#breachLabel")).isEqualTo("No SLA breaches");
        clickOn("#navBells");
        waitUntil(() -> showing("#bellsRoot") && showing("#emptyState"));
        clickOn("#navLedger");
        waitUntil(() -> showing("#ledgerRoot") && !showing("#loadingState"));
        clickOn("#navSettings");
        waitUntil(() -> showing("#settingsRoot") && showing("#serverField"));
        assertThat(text("#consoleVersion")).isEqualTo("test");
        clickOn("#navMerchants");
        waitUntil(() -> showing("#merchantTable"));

        press(KeyCode.SHORTCUT, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.SHORTCUT);
        waitUntil(() -> showing("#queueRoot"));
        assertThat(fx(() -> lookup("#navIssues").queryAs(ToggleButton.class).isSelected())).isTrue();
        press(KeyCode.SHORTCUT, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.SHORTCUT);
        waitUntil(() -> showing("#merchantTable"));
    }

    @Test
    void focusReachedByTheKeyboardIsOutlinedOnTheRailAndTheTable() throws TimeoutException {
        open(Locale.ENGLISH, Optional.empty(), server, ManagerBooks.LI_NA);
        waitUntil(() -> showing("#merchantTable") && table().getItems().size() == 5);

        Set<String> outlined = new TreeSet<>();
        for (int i = 0; i < 40 && !(outlined.contains("rail") && outlined.contains("table")); i++) {
            type(KeyCode.TAB);
            fx(() -> {
                Node focus = stage.getScene().getFocusOwner();
                if (focus instanceof Region region && region.getBorder() != null
                        && region.getBorder().getStrokes().stream().anyMatch(stroke ->
                                stroke.getTopStroke() instanceof Color c && c.getOpacity() > 0.5
                                        && stroke.getWidths().getTop() >= 2)) {
                    outlined.add(focus.getStyleClass().contains("nav-item") ? "rail"
                            : focus instanceof TableView<?> ? "table" : focus.getClass().getSimpleName());
                }
                return null;
            });
        }
        assertThat(outlined).as("Tab reaches the rail and the table, each outlined").contains("rail", "table");
    }
}
