package io.lineone.client.common;

import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The keys of a screen's search box, alike on every screen: {@code /} or Ctrl+F (⌘F) go to it; in it, Esc clears
 * what was typed and a second Esc, Enter or ↓ go to the results.
 */
public final class SearchKeys {

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private SearchKeys() {
    }

    /** Ctrl+F anywhere on {@code screen}, and {@code /} where nobody is typing, focus {@code search}. */
    public static void focusKeys(Node screen, TextField search) {
        screen.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (FIND.match(event)) {
                event.consume();
                focus(search);
            }
        });
        screen.addEventHandler(KeyEvent.KEY_TYPED, event -> {
            boolean typing = screen.getScene() != null && screen.getScene().getFocusOwner() instanceof TextInputControl;
            if ("/".equals(event.getCharacter()) && !typing && !event.isControlDown() && !event.isMetaDown()) {
                // Consumed here, so the "/" is not typed into the field that gets the focus.
                event.consume();
                focus(search);
            }
        });
    }

    /** Esc, Enter and ↓ in {@code search}, as above; the screen may handle Esc itself first ({@link #leave}). */
    public static void leaveKeys(TextField search, Node results) {
        search.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                leave(search, results);
            } else if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.DOWN) {
                event.consume();
                results.requestFocus();
            }
        });
    }

    /** Esc in the search box: clears it if anything is typed, else goes to the results. */
    public static void leave(TextField search, Node results) {
        if (search.getText() != null && !search.getText().isEmpty()) {
            search.clear();
        } else {
            results.requestFocus();
        }
    }

    private static void focus(TextField search) {
        search.requestFocus();
        search.selectAll();
    }
}
