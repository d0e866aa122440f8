package io.lineone.client.common;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;

/** Opens a file or folder with the desktop's own program, where the desktop offers that. */
public final class DesktopFiles {

    private static final System.Logger LOG = System.getLogger(DesktopFiles.class.getName());

    private DesktopFiles() {
    }

    /**
     * Opens {@code file} on a thread of its own: AWT's toolkit starts cold in half a second, and some desktops take
     * longer to answer, neither of which the FX thread may wait for.
     */
    public static void open(Path file) {
        Thread opener = new Thread(() -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                    Desktop.getDesktop().open(file.toFile());
                } else {
                    LOG.log(System.Logger.Level.INFO, "this desktop cannot open files; the file is " + file);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.INFO, "cannot open " + file + ": " + e.getMessage());
            }
        }, "lineone-open-file");
        opener.setDaemon(true);
        opener.start();
    }
}
