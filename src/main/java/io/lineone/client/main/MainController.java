package io.lineone.client.main;

import static io.lineone.client.common.StatePanes.showWhen;

import io.lineone.client.common.ConnectionStatus.State;
import io.lineone.client.common.FocusHome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Binds the main window's rail, content area and status bar to its view model. Each rail item names its
 * {@link Section} in its {@code userData}; a section's screen is built the first time it is shown.
 */
public final class MainController {

    private static final KeyCombination FOLD_RAIL = new KeyCodeCombination(KeyCode.BACK_SLASH,
            KeyCombination.SHORTCUT_DOWN);

    private final MainViewModel model;
    private final Function<Section, Parent> build;
    private final Map<Section, Node> screens = new EnumMap<>(Section.class);
    private final Map<Section, Toggle> items = new EnumMap<>(Section.class);

    @FXML private ToggleGroup nav;
    @FXML private ToggleButton navMerchants;
    @FXML private StackPane content;
    @FXML private Label brand;
    @FXML private Label demoBadge;
    @FXML private Label unreadBadge;
    @FXML private Label connectionLabel;
    @FXML private Button reconnectButton;
    @FXML private Label breachLabel;
    @FXML private Label userLabel;
    @FXML private Label versionLabel;
    @FXML private Button signOutButton;
    @FXML private VBox rail;
    @FXML private ToggleButton collapseRail;
    @FXML private FontIcon collapseIcon;

    /** @param build loads a built section's screen */
    public MainController(MainViewModel model, Function<Section, Parent> build) {
        this.model = model;
        this.build = build;
    }

    @FXML
    private void initialize() {
        List<Toggle> rail = new ArrayList<>();
        for (Toggle item : nav.getToggles()) {
            Section section = Section.valueOf((String) item.getUserData());
            item.setUserData(section);
            items.put(section, item);
            boolean reachable = model.reachable(section);
            if (item instanceof ToggleButton button) {
                button.setVisible(reachable);
                button.setManaged(reachable);
            }
            if (reachable) {
                rail.add(item);
            }
        }
        navMerchants.setText(model.merchantsNavText());
        addSectionShortcuts(rail);
        nav.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // A rail always has one place selected; clicking the current one must not clear it, and hands the
                // keys back to its screen.
                nav.selectToggle(old);
                focusInto(screens.get(model.sectionProperty().get()));
            } else {
                model.sectionProperty().set((Section) now.getUserData());
            }
        });
        model.sectionProperty().addListener((obs, old, now) -> show(now));
        nav.selectToggle(items.get(model.sectionProperty().get()));
        show(model.sectionProperty().get());

        unreadBadge.textProperty().bind(Bindings.createStringBinding(
                () -> model.unreadBadge(model.unreadNoticesProperty().get()), model.unreadNoticesProperty()));
        showWhen(unreadBadge, model.unreadNoticesProperty().greaterThan(0));
        connectionLabel.textProperty().bind(model.connectionTextProperty());
        connectionLabel.getStyleClass().add("connection-checking");
        model.connection().stateProperty().addListener((obs, old, now) -> {
            connectionLabel.getStyleClass().removeIf(style -> style.startsWith("connection-"));
            connectionLabel.getStyleClass().add("connection-" + now.name().toLowerCase(Locale.ROOT));
        });
        // "Retry now" only while the stream waits to try again: not when live, nor when the session has ended.
        var stream = model.connection().streamProperty();
        showWhen(reconnectButton, stream.isEqualTo(State.RECONNECTING).or(stream.isEqualTo(State.OFFLINE)));
        breachLabel.textProperty().bind(model.breachTextProperty());
        showBreaches(model.hasBreaches());
        model.openBreachesProperty().addListener((obs, old, now) -> showBreaches(now.intValue() > 0));
        userLabel.setText(model.userText());
        setUpRail();
        versionLabel.textProperty().bind(model.serverVersionProperty());
        model.refreshHealth();
    }

    /**
     * The rail folds to its icons (each keeps its name as a tooltip and for screen readers), by the toggle at its
     * foot or Ctrl+\, so a small window leaves the room to the screen; the choice is remembered.
     */
    private void setUpRail() {
        collapseRail.selectedProperty().bindBidirectional(model.railCollapsedProperty());
        model.railCollapsedProperty().addListener((obs, was, collapsed) -> foldRail(collapsed));
        foldRail(model.railCollapsedProperty().get());
        content.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(FOLD_RAIL);
            }
            if (scene != null) {
                scene.getAccelerators().put(FOLD_RAIL, collapseRail::fire);
            }
        });
    }

    private void foldRail(boolean collapsed) {
        if (collapsed) {
            rail.getStyleClass().add("collapsed");
        } else {
            rail.getStyleClass().remove("collapsed");
        }
        collapseIcon.setIconLiteral(collapsed ? "fth-chevrons-right" : "fth-chevrons-left");
        brand.setVisible(!collapsed);
        brand.setManaged(!collapsed);
        demoBadge.setVisible(model.demo() && !collapsed);
        demoBadge.setManaged(model.demo() && !collapsed);
        for (Node node : rail.getChildren()) {
            if (node instanceof Labeled item && item.getStyleClass().contains("nav-item")) {
                item.setContentDisplay(collapsed ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
                item.setAccessibleText(item.getText());
                if (collapsed && item.getTooltip() == null) {
                    item.setTooltip(new Tooltip(item.getText()));
                }
            }
        }
    }

    @FXML
    private void reconnectNow() {
        model.connection().reconnectNow();
    }

    /** Ctrl+1 … Ctrl+5 (⌘ on macOS) move along the rail, in its order; each item's tooltip names its key. */
    private void addSectionShortcuts(List<Toggle> rail) {
        Map<KeyCombination, Runnable> shortcuts = new HashMap<>();
        for (int i = 0; i < rail.size(); i++) {
            Toggle item = rail.get(i);
            KeyCombination key = new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)),
                    KeyCombination.SHORTCUT_DOWN);
            shortcuts.put(key, () -> item.setSelected(true));
            if (item instanceof ToggleButton button) {
                button.setTooltip(new Tooltip(button.getText() + " (" + key.getDisplayText() + ")"));
            }
        }
        content.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                shortcuts.keySet().forEach(old.getAccelerators()::remove);
            }
            if (scene != null) {
                scene.getAccelerators().putAll(shortcuts);
            }
        });
    }

    private void show(Section section) {
        Node screen = screens.computeIfAbsent(section, build);
        content.getChildren().setAll(screen);
        focusInto(screen);
    }

    /**
     * Keys go to the screen just shown (a screen that takes them itself, like the queue's table, has by now): after
     * Ctrl+3 or a click on the rail the next key works there, not on the rail or on the screen that left.
     */
    private void focusInto(Node screen) {
        if (screen == null) {
            return;
        }
        Platform.runLater(() -> {
            Node owner = screen.getScene() == null ? null : screen.getScene().getFocusOwner();
            if (screen.getParent() == content && (owner == null || !inside(owner, screen))) {
                // A screen still loading has nothing to focus yet: it takes the keys itself until it has.
                FocusHome.of(screen).or(() -> firstFocusable(screen)).orElse(screen).requestFocus();
            }
        });
    }

    private static boolean inside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The first control a Tab would reach in {@code node}, in the order of the scene graph. */
    private static Optional<Node> firstFocusable(Node node) {
        if (!node.isVisible() || node.isDisabled()) {
            return Optional.empty();
        }
        if (node.isFocusTraversable()) {
            return Optional.of(node);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Optional<Node> found = firstFocusable(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private void showBreaches(boolean any) {
        breachLabel.getStyleClass().removeAll("breaches-none", "breaches-open");
        breachLabel.getStyleClass().add(any ? "breaches-open" : "breaches-none");
    }

    @FXML
    private void signOut() {
        signOutButton.setDisable(true);
        model.signOut();
    }
}
