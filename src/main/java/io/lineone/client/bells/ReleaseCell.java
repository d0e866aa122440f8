package io.lineone.client.bells;

import io.lineone.api.Gate;
import io.lineone.api.Release;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A release in the list: name and version, stage, exposure and owner, and the gate as a badge that reads at a
 * glance — red BLOCKED with the number of bells, green OPEN. The cell follows its row's newer versions.
 */
final class ReleaseCell extends ListCell<LiveRow<Release>> {

    private final BellText text;
    private final Label name = new Label();
    private final Label facts = new Label();
    private final Label gate = new Label();
    private final Label owner = new Label();
    private final VBox box;
    private final ChangeListener<Release> redraw = (obs, old, now) -> show(now);
    private LiveRow<Release> shown;

    ReleaseCell(BellText text) {
        this.text = text;
        name.getStyleClass().add("release-name");
        name.setWrapText(true);
        facts.getStyleClass().add("text-muted");
        gate.getStyleClass().addAll("chip", "gate-badge");
        gate.setMinWidth(Region.USE_PREF_SIZE);
        facts.setWrapText(true);
        // The badge leads the second line, where the eye runs down the list; names wrap rather than cut off.
        HBox line = new HBox(6, gate, facts);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(facts, Priority.ALWAYS);
        owner.getStyleClass().add("text-muted");
        box = new VBox(4, name, line, owner);
        getStyleClass().add("release-cell");
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(LiveRow<Release> row, boolean empty) {
        super.updateItem(row, empty);
        if (shown != null) {
            shown.valueProperty().removeListener(redraw);
        }
        shown = empty ? null : row;
        if (shown == null) {
            setGraphic(null);
            return;
        }
        shown.valueProperty().addListener(redraw);
        show(shown.get());
        setGraphic(box);
    }

    private void show(Release release) {
        name.setText(text.releaseName(release));
        facts.setText(text.releaseFacts(release));
        owner.setText(text.messages().format("bells.release.owner", release.ownerName()));
        gate.setText(release.gate() == Gate.BLOCKED
                ? text.messages().format("bells.gate.blockedBy", release.blockingBells())
                : text.gate(release.gate()));
        gate.getStyleClass().removeIf(style -> style.startsWith("gate-") && !style.equals("gate-badge"));
        gate.getStyleClass().add("gate-" + release.gate().name().toLowerCase(Locale.ROOT));
    }
}
