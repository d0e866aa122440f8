package io.lineone.client.queue;

import io.lineone.api.Issue;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The ticking SLA countdown; a paused one (waiting on the merchant) shows a pause sign and stands still. Every
 * cell listens to the one shared clock of the live issues (moved once a second by one timeline), not to a timer
 * of its own; it redraws only while it shows a row.
 */
final class SlaCell extends TableCell<IssueRow, Issue> {

    static final String[] STYLES = {"sla-ok", "sla-warning", "sla-breached", "sla-paused", "sla-met", "sla-missed",
        "sla-late-reply"};

    private final ObservableValue<Instant> now;
    private final Function<Sla, String> text;
    private final Function<Sla, String> target;
    private final Function<Sla, String> tooltip;
    // Held here: the clock keeps only a weak reference, so cells the table drops are not kept alive.
    private final InvalidationListener redraw = o -> redraw();
    private final Tooltip tip = new Tooltip();
    private final FontIcon pauseIcon = new FontIcon("fth-pause");
    // A first response that came late keeps a mark while the clock counts the resolution.
    private final FontIcon lateIcon = new FontIcon("fth-alert-circle");
    // Which target the clock counts, small and plain before the bold digits.
    private final Label targetLabel = new Label();
    private final HBox graphic = new HBox(4);

    SlaCell(ObservableValue<Instant> now, Function<Sla, String> text, Function<Sla, String> target,
            Function<Sla, String> tooltip) {
        this.now = now;
        this.text = text;
        this.target = target;
        this.tooltip = tooltip;
        targetLabel.getStyleClass().add("sla-target");
        graphic.setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("sla-cell");
        now.addListener(new WeakInvalidationListener(redraw));
    }

    @Override
    protected void updateItem(Issue issue, boolean empty) {
        super.updateItem(issue, empty);
        redraw();
    }

    private void redraw() {
        IssueRow row = getTableRow() == null ? null : getTableRow().getItem();
        getStyleClass().removeAll(STYLES);
        if (isEmpty() || getItem() == null || row == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            return;
        }
        Sla sla = row.sla(now.getValue());
        setText(text.apply(sla));
        boolean lateReply = sla.breached() && !sla.firstResponseLateBy().isZero();
        targetLabel.setText(target.apply(sla));
        graphic.getChildren().clear();
        if (sla.kind() == Sla.Kind.PAUSED) {
            graphic.getChildren().add(pauseIcon);
        } else if (lateReply) {
            graphic.getChildren().add(lateIcon);
        }
        if (!targetLabel.getText().isEmpty()) {
            graphic.getChildren().add(targetLabel);
        }
        setGraphic(graphic.getChildren().isEmpty() ? null : graphic);
        getStyleClass().add("sla-" + sla.kind().name().toLowerCase(Locale.ROOT));
        if (lateReply) {
            getStyleClass().add("sla-late-reply");
        }
        tip.setText(tooltip.apply(sla));
        setTooltip(tip);
    }
}
