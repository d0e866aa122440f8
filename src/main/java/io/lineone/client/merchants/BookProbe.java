package io.lineone.client.merchants;

import io.lineone.client.common.AfterLayout;
import io.lineone.client.common.ProbeLog;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;

/**
 * The merchants benchmark's measurements, only with {@code -Dlineone.probe.merchants=FILE}; lines:
 * <ul>
 *   <li>{@code opened <epochMs>} when the screen asked for the book;</li>
 *   <li>{@code firstRows <epochMs> <ms> <listedMs> <layoutCpuMs>} when the first page was laid out in the table, ms
 *       after opening, and when it was put in the table's list (the rest of the way is the table's first layout),
 *       and the UI thread's CPU time over that rest;</li>
 *   <li>{@code allRows <epochMs> <ms> <count>} when the whole book was in;</li>
 *   <li>{@code keystroke <epochMs> <filteredMicros> <laidOutMicros> <shownRows> <uiCpuMicros>} per key typed in the
 *       search box: from the key event to the rows of its query shown, and to the table laid out with them (the next
 *       pulse); then the CPU time the UI thread itself spent over that span, which a machine short of cores does not
 *       inflate.</li>
 * </ul>
 */
public final class BookProbe {

    /** The system property that names the file. */
    public static final String PROPERTY = "lineone.probe.merchants";

    private final ProbeLog log;
    private long openedAt;
    private long pressedAt;
    private long pressedCpu;
    private String shownQuery = "";
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

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
        model.moments().onFirstRows(at -> {
            long listedCpu = threads.getCurrentThreadCpuTime();
            AfterLayout.run(table, () -> log.record("firstRows " + System.currentTimeMillis() + " "
                    + (System.nanoTime() - openedAt) / 1_000_000 + " " + (at - openedAt) / 1_000_000 + " "
                    + (threads.getCurrentThreadCpuTime() - listedCpu) / 1_000_000));
        });
        model.moments().onAllRows(() -> log.record("allRows " + System.currentTimeMillis() + " "
                + (System.nanoTime() - openedAt) / 1_000_000 + " " + model.visibleRows().size()));
        // The key is pressed before the text changes, and the rows are found as the text changes: a key counts if
        // it changed the text (not a shortcut pressed in the box), from its press.
        search.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            pressedAt = System.nanoTime();
            pressedCpu = threads.getCurrentThreadCpuTime();
        });
        model.moments().onFiltered(() -> {
            long key = pressedAt;
            long cpu = pressedCpu;
            pressedAt = 0;
            String query = model.filters().queryProperty().get();
            if (key == 0 || query.equals(shownQuery)) {
                return;
            }
            shownQuery = query;
            long filteredAt = System.nanoTime();
            AfterLayout.run(table, () -> log.record("keystroke " + System.currentTimeMillis() + " "
                    + (filteredAt - key) / 1_000 + " " + (System.nanoTime() - key) / 1_000 + " "
                    + model.visibleRows().size() + " " + (threads.getCurrentThreadCpuTime() - cpu) / 1_000));
        });
    }
}
