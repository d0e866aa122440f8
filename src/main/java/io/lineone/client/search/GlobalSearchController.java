package io.lineone.client.search;

import static io.lineone.client.common.StatePanes.showWhen;

import java.time.Instant;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The global search over the whole window: Ctrl+K (⌘K) opens it from any screen; typing filters, ↑/↓ move, Enter
 * opens, Esc clears what was typed and then closes. Whatever had the focus before gets it back on close.
 */
public final class GlobalSearchController {

    public static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);

    private final GlobalSearchViewModel model;
    private Node focusBefore;

    @FXML private StackPane searchOverlay;
    @FXML private VBox searchCard;
    @FXML private TextField globalSearchField;
    @FXML private ProgressIndicator searchProgress;
    @FXML private ListView<SearchHit> searchResults;
    @FXML private Label searchStatus;

    public GlobalSearchController(GlobalSearchViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        searchOverlay.setVisible(false);
        globalSearchField.textProperty().bindBidirectional(model.queryProperty());
        searchResults.setItems(model.hits());
        searchResults.setCellFactory(list -> new HitCell());
        searchResults.setFocusTraversable(false);
        showWhen(searchProgress, model.loadingBookProperty());
        searchStatus.textProperty().bind(model.statusProperty());
        // The best result is always the one Enter opens.
        model.hits().addListener((ListChangeListener<SearchHit>) change -> {
            if (!model.hits().isEmpty() && searchResults.getSelectionModel().getSelectedIndex() < 0) {
                searchResults.getSelectionModel().select(0);
            }
        });
        globalSearchField.addEventFilter(KeyEvent.KEY_PRESSED, this::keyInField);
        searchResults.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                openSelected();
            }
        });
        // A click on the dimmed window beside the card closes the search.
        searchOverlay.setOnMouseClicked(event -> {
            if (event.getTarget() == searchOverlay) {
                close();
            }
        });
    }

    private void keyInField(KeyEvent event) {
        switch (event.getCode()) {
            case DOWN -> move(1);
            case UP -> move(-1);
            case ENTER -> openSelected();
            case ESCAPE -> {
                if (globalSearchField.getText().isEmpty()) {
                    close();
                } else {
                    globalSearchField.clear();
                }
            }
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void move(int by) {
        int size = searchResults.getItems().size();
        if (size == 0) {
            return;
        }
        int next = Math.floorMod(searchResults.getSelectionModel().getSelectedIndex() + by, size);
        searchResults.getSelectionModel().select(next);
        searchResults.scrollTo(next);
    }

    /** Opens the search over the window it is in (it must be in one), or selects what was typed if it is open. */
    public void show() {
        if (searchOverlay.isVisible()) {
            globalSearchField.selectAll();
            return;
        }
        Scene scene = searchOverlay.getScene();
        focusBefore = scene == null ? null : scene.getFocusOwner();
        searchResults.getSelectionModel().clearSelection();
        model.begin(Instant.now());
        searchOverlay.setVisible(true);
        globalSearchField.requestFocus();
    }

    private void openSelected() {
        SearchHit hit = searchResults.getSelectionModel().getSelectedItem();
        if (hit != null) {
            focusBefore = null;
            close();
            model.open(hit);
        }
    }

    private void close() {
        searchOverlay.setVisible(false);
        if (focusBefore != null && focusBefore.getScene() != null) {
            focusBefore.requestFocus();
        }
        focusBefore = null;
    }

    private final class HitCell extends ListCell<SearchHit> {

        private final FontIcon icon = new FontIcon();
        private final Label title = new Label();
        private final Label detail = new Label();
        private final HBox row;

        HitCell() {
            title.getStyleClass().add("search-hit-title");
            detail.getStyleClass().add("text-muted");
            VBox text = new VBox(1, title, detail);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            row = new HBox(10, icon, text);
            row.getStyleClass().add("search-hit");
        }

        @Override
        protected void updateItem(SearchHit hit, boolean empty) {
            super.updateItem(hit, empty);
            setText(null);
            if (empty || hit == null) {
                setGraphic(null);
                return;
            }
            icon.setIconLiteral(hit.kind() == SearchHit.Kind.MERCHANT ? "fth-shopping-bag" : "fth-list");
            title.setText(hit.title());
            detail.setText(hit.detail());
            setGraphic(row);
        }
    }
}
