package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.client.common.Theme;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/** The same screens under the dark theme: the app stylesheet uses only theme variables, so both work. */
class ConsoleDarkThemeTest extends ConsoleTestBase {

    private static TestBackend server;

    @BeforeAll
    static void startServer() throws IOException {
        server = TestBackend.seeded();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage primary) {
        prepare(primary);
        Theme.DARK.applyGlobally();
    }

    @AfterEach
    void backToLight() {
        interact(Theme.LIGHT::applyGlobally);
    }

    @Test
    void mainWindowInDark() throws TimeoutException {
        open(Locale.ENGLISH, Optional.empty(), server, TestBackend.LI_NA);

        waitUntil(() -> showing("#merchantTable") && table().getItems().size() == 5);
        // The rows exist before their cells are laid out: wait for the cell, not just the item.
        waitUntil(() -> showing("Chengdu Hotpot Foods"));
        clickOn("Chengdu Hotpot Foods");
        waitUntil(() -> showing("#detailName"));

        assertThat(text("#detailName")).isEqualTo("Chengdu Hotpot Foods");
        Screenshots.save(stage.getScene(), "main-merchants-dark-en");
    }
}
