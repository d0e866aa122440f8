package io.lineone.client.main;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;

/** Binds the main window's rail, content area and status bar to its view model. */
public final class MainController {

    private final MainViewModel model;
    private final Supplier<Parent> merchantsScreen;
    private final Supplier<Parent> issuesScreen;
    private final Map<Section, Node> screens = new EnumMap<>(Section.class);

    @FXML private ToggleGroup nav;
    @FXML private ToggleButton navMerchants;
    @FXML private ToggleButton navIssues;
    @FXML private ToggleButton navBells;
    @FXML private ToggleButton navLedger;
    @FXML private ToggleButton navSettings;
    @FXML private StackPane content;
    @FXML private Label placeholder;
    @FXML private Label demoBadge;
    @FXML private Label connectionLabel;
    @FXML private Label breachLabel;
    @FXML private Label userLabel;
    @FXML private Label versionLabel;
    @FXML private Button signOutButton;

    public MainController(MainViewModel model, Supplier<Parent> merchantsScreen, Supplier<Parent> issuesScreen) {
        this.model = model;
        this.merchantsScreen = merchantsScreen;
        this.issuesScreen = issuesScreen;
    }

    @FXML
    private void initialize() {
        Map<Toggle, Section> sections = Map.of(
                navMerchants, Section.MERCHANTS,
                navIssues, Section.ISSUES,
                navBells, Section.BELLS,
                navLedger, Section.LEDGER,
                navSettings, Section.SETTINGS);
        sections.forEach((toggle, section) -> toggle.setUserData(section));
        addSectionShortcuts(List.of(navMerchants, navIssues, navBells, navLedger, navSettings));
        nav.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // A rail always has one place selected; clicking the current one must not clear it.
                nav.selectToggle(old);
            } else {
                model.sectionProperty().set((Section) now.getUserData());
            }
        });
        model.sectionProperty().addListener((obs, old, now) -> show(now));
        navMerchants.setSelected(true);
        show(model.sectionProperty().get());

        placeholder.textProperty().bind(model.placeholderTextProperty());
        demoBadge.setVisible(model.demo());
        demoBadge.setManaged(model.demo());
        connectionLabel.textProperty().bind(model.connectionTextProperty());
        connectionLabel.getStyleClass().add("connection-checking");
        model.connection().stateProperty().addListener((obs, old, now) -> {
            connectionLabel.getStyleClass().removeIf(style -> style.startsWith("connection-"));
            connectionLabel.getStyleClass().add("connection-" + now.name().toLowerCase(java.util.Locale.ROOT));
        });
        breachLabel.textProperty().bind(model.breachTextProperty());
        showBreaches(model.hasBreaches());
        model.openBreachesProperty().addListener((obs, old, now) -> showBreaches(now.intValue() > 0));
        userLabel.setText(model.userText());
        versionLabel.textProperty().bind(model.serverVersionProperty());
        model.refreshHealth();
    }

    /** Ctrl+1 … Ctrl+5 (⌘ on macOS) move along the rail, in its order; each item's tooltip names its key. */
    private void addSectionShortcuts(List<ToggleButton> rail) {
        Map<KeyCombination, Runnable> shortcuts = new HashMap<>();
        for (int i = 0; i < rail.size(); i++) {
            ToggleButton item = rail.get(i);
            KeyCombination key = new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)),
                    KeyCombination.SHORTCUT_DOWN);
            shortcuts.put(key, () -> item.setSelected(true));
            item.setTooltip(new Tooltip(key.getDisplayText()));
        }
        navMerchants.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                shortcuts.keySet().forEach(old.getAccelerators()::remove);
            }
            if (scene != null) {
                scene.getAccelerators().putAll(shortcuts);
            }
        });
    }

    private void show(Section section) {
        Node screen = section.built() ? screens.computeIfAbsent(section, this::build) : placeholder;
        content.getChildren().setAll(screen);
    }

    private void showBreaches(boolean any) {
        breachLabel.getStyleClass().removeAll("breaches-none", "breaches-open");
        breachLabel.getStyleClass().add(any ? "breaches-open" : "breaches-none");
    }

    private Node build(Section section) {
        return switch (section) {
            case MERCHANTS -> merchantsScreen.get();
            case ISSUES -> issuesScreen.get();
            default -> placeholder;
        };
    }

    @FXML
    private void signOut() {
        signOutButton.setDisable(true);
        model.signOut();
    }
}
