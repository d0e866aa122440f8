package io.lineone.client.notices;

import static io.lineone.client.common.StatePanes.showWhen;

import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds the notification centre: a list of notices; Enter or a click opens the one selected. */
public final class NoticesController {

    private final NoticesViewModel model;

    @FXML private ListView<Notice> noticeList;
    @FXML private VBox emptyState;
    @FXML private Button clearButton;

    public NoticesController(NoticesViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        noticeList.setItems(model.notices());
        noticeList.setCellFactory(list -> new NoticeCell());
        showWhen(emptyState, model.emptyProperty());
        showWhen(noticeList, model.emptyProperty().not());
        clearButton.disableProperty().bind(model.emptyProperty());
        noticeList.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                openSelected();
            }
        });
        noticeList.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
                event.consume();
            }
        });
    }

    private void openSelected() {
        Notice notice = noticeList.getSelectionModel().getSelectedItem();
        if (notice != null) {
            model.open(notice);
        }
    }

    @FXML
    private void clear() {
        model.clear();
    }

    private final class NoticeCell extends ListCell<Notice> {

        private final FontIcon icon = new FontIcon();
        private final Label title = new Label();
        private final Label body = new Label();
        private final Label time = new Label();
        private final HBox row;

        NoticeCell() {
            title.getStyleClass().add("notice-title");
            body.getStyleClass().add("notice-body");
            body.setWrapText(true);
            time.getStyleClass().addAll("notice-time", "text-muted");
            VBox text = new VBox(2, title, body);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            icon.getStyleClass().add("notice-icon");
            row = new HBox(12, icon, text, time);
            row.getStyleClass().add("notice-row");
            // A cell wraps its body to the list's width instead of widening the list.
            row.prefWidthProperty().bind(noticeList.widthProperty().subtract(32));
            row.setMaxWidth(HBox.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(Notice notice, boolean empty) {
            super.updateItem(notice, empty);
            getStyleClass().removeIf(style -> style.startsWith("notice-kind-"));
            if (empty || notice == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            getStyleClass().add("notice-kind-" + notice.kind().name().toLowerCase(Locale.ROOT));
            icon.setIconLiteral(switch (notice.kind()) {
                case URGENT -> "fth-alert-octagon";
                case BELL -> "fth-bell";
                case MESSAGE -> "fth-message-circle";
                case ASSIGNMENT -> "fth-user-check";
            });
            title.setText(notice.title());
            body.setText(notice.body());
            body.setVisible(!notice.body().isBlank());
            body.setManaged(!notice.body().isBlank());
            time.setText(model.time(notice.at()));
            setAccessibleText(model.kindLabel(notice.kind()) + ": " + notice.title());
            setGraphic(row);
            setText(null);
        }
    }
}
