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
 *   <li>{@code firstRows <epochMs> <ms> <listedMs>} when the first page was laid out in the table, ms after opening,
 *       and when it was put in the table's list (the rest of the way is the table's first layout);</li>
 *   <li>{@code allRows <epochMs> <ms> <count>} when the whole book was in;</li>
 *   <li>{@code keystroke <epochMs> <filteredMicros> <laidOutMicros> <shownRows>} per key typed in the search box:
 *       from the key event to the rows of the newest query shown (made on the UI thread or on a worker), and to the
 *       table laid out with them (the next pulse). Keys typed while a pass is under way count from the first.</li>
 * </ul>
 */
public final class BookProbe {

    /** The system property that names the file. */
    public static final String PROPERTY = "lineone.probe.merchants";

    private final ProbeLog log;
    private long openedAt;
    private long pressedAt;
    private long keyAt;

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
                + (System.nanoTime() - openedAt) / 1_000_000 + " " + (at - openedAt) / 1_000_000)));
        model.onAllRows(() -> log.record("allRows " + System.currentTimeMillis() + " "
                + (System.nanoTime() - openedAt) / 1_000_000 + " " + model.visibleRows().size()));
        // The key is pressed before the text changes, and the search starts as the text changes: a key counts if it
        // changed the text (not a shortcut pressed in the box), from its press.
        search.addEventFilter(KeyEvent.KEY_PRESSED, event -> pressedAt = System.nanoTime());
        model.filters().queryProperty().addListener((obs, old, now) -> {
            if (keyAt == 0 && pressedAt != 0) {
                keyAt = pressedAt;
            }
            pressedAt = 0;
        });
        model.onFiltered(() -> {
            if (keyAt == 0) {
                return;
            }
            long key = keyAt;
            keyAt = 0;
            long filteredAt = System.nanoTime();
            afterLayout(table, () -> log.record("keystroke " + System.currentTimeMillis() + " "
                    + (filteredAt - key) / 1_000 + " " + (System.nanoTime() - key) / 1_000 + " "
                    + model.visibleRows().size()));
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
