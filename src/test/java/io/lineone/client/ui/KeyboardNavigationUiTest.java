package io.lineone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.testing.ManagerBooks;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/** Every screen reached and worked from the keyboard alone, the focus always where it can be seen. */
class KeyboardNavigationUiTest extends SeededConsoleTestBase {

    @Start
    void start(Stage primary) {
        prepare(primary);
    }

    private Node focusOwner() {
        return fx(() -> stage.getScene().getFocusOwner());
    }

    private boolean focusInside(String query) {
        return fx(() -> {
            Node root = lookup(query).query();
            for (Node n = stage.getScene().getFocusOwner(); n != null; n = n.getParent()) {
                if (n == root) {
                    return true;
                }
            }
            return false;
        });
    }

    @Test
    void ctrlAndANumberReachEachScreenAndTheKeysGoToIt() throws Exception {
        open(Locale.ENGLISH, Optional.empty(), server, ManagerBooks.LI_NA);
        waitUntil(() -> showing("#merchantTable"));

        Map<KeyCode, String> screens = new LinkedHashMap<>();
        screens.put(KeyCode.DIGIT2, "#queueRoot");
        screens.put(KeyCode.DIGIT3, "#bellsRoot");
        screens.put(KeyCode.DIGIT4, "#ledgerRoot");
        screens.put(KeyCode.DIGIT5, ".notices-root");
        screens.put(KeyCode.DIGIT6, "#settingsRoot");
        screens.put(KeyCode.DIGIT1, "#merchantsRoot");
        for (Map.Entry<KeyCode, String> screen : screens.entrySet()) {
            press(KeyCode.SHORTCUT, screen.getKey()).release(screen.getKey(), KeyCode.SHORTCUT);
            waitUntil(() -> showing(screen.getValue()));
            try {
                waitUntil(() -> focusInside(screen.getValue()));
            } catch (TimeoutException e) {
                throw new AssertionError("the keys should go to " + screen.getValue() + ", not " + focusOwner());
            }

            // Tab walks on inside the window, and the focus shows where it is.
            type(KeyCode.TAB);
            waitUntil(() -> focusOwner() != null && fx(() -> focusOwner().isFocusVisible()));
            assertThat(fx(() -> focusOwner().getScene())).isSameAs(stage.getScene());
        }

        // From the settings, a keyboard-only change: Ctrl+6, then Tab to the server field and type.
        press(KeyCode.SHORTCUT, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.SHORTCUT);
        waitUntil(() -> showing("#serverField") && fx(() -> lookup("#serverField").query().isFocused()));
        write("127.0.0.1:1");
        type(KeyCode.ENTER);
        waitUntil(() -> text("#serverMessage").startsWith("Not saved"));
    }
}
