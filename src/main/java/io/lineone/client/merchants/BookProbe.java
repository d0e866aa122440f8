package io.lineone.client.merchants;

import io.lineone.client.common.ProbeLog;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;

/**
 * The merchants benchmark's measurements, only with {@code -Dlineone.probe.merchants=FILE}; lines:
 * <ul>
 *   <li>{@code opened <epochMs>} when the screen asked for the book;</li>
 *   <li>{@code firstRows <epochMs> <ms>} when the first page was laid out in the table, ms after opening;</li>
 *   <li>{@code allRows <epochMs> <ms> <count>} when the whole book was in;</li>
 *   <li>{@code keystroke <epochMs> <filteredMicros> <laidOutMicros> <shownRows>} per key typed in the search box:
 *       from the key event to the shown rows rewritten, and to the table laid out with them (the next pulse).</li>
 * </ul>
 */
public final class BookProbe {

    /** The system property that names the file. */
    public static final String PROPERTY = "lineone.probe.merchants";

    private final ProbeLog log;
    private long openedAt;
    private long keyAt;
    private long filteredAt;
    private boolean waitingForLayout;

    private BookProbe(ProbeLog log) {
        this.log = log;
    }

    /** A probe if the property names a file; none otherwise. */
    public static Optional<BookProbe> fromSystemProperty() {
        return ProbeLog.fromSystemProperty(PROPERTY).map(BookProbe::new);
    }

    void attach(MerchantsViewModel model, TableView<MerchantRow> table, TextField search) {
        openedAt = System.nanoTime();
        log.record("opened " + System.currentTimeMillis());
        model.onFirstRows(at -> afterLayout(table, () -> log.record("firstRows " + System.currentTimeMillis() + " "
                + (System.nanoTime() - openedAt) / 1_000_000)));
        model.onAllRows(() -> log.record("allRows " + System.currentTimeMillis() + " "
                + (System.nanoTime() - openedAt) / 1_000_000 + " " + model.visibleRows().size()));
        // The key event comes before the text changes, and the filter runs as the text changes.
        search.addEventFilter(KeyEvent.ANY, event -> {
            if (event.getEventType() != KeyEvent.KEY_RELEASED && !waitingForLayout) {
                keyAt = System.nanoTime();
            }
        });
        model.filters().queryProperty().addListener((obs, old, now) -> {
            if (keyAt == 0) {
                return;
            }
            filteredAt = System.nanoTime();
            if (!waitingForLayout) {
                waitingForLayout = true;
                long key = keyAt;
                afterLayout(table, () -> {
                    long laidOut = System.nanoTime();
                    log.record("keystroke " + System.currentTimeMillis() + " " + (filteredAt - key) / 1_000 + " "
                            + (laidOut - key) / 1_000 + " " + model.visibleRows().size());
                    waitingForLayout = false;
                    keyAt = 0;
                });
            }
        });
    }

    /** Runs {@code then} once, after the next pulse has laid the scene out. */
    private static void afterLayout(TableView<?> table, Runnable then) {
        Scene scene = table.getScene();
        if (scene == null) {
            Platform.runLater(then);
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            then.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }
}
