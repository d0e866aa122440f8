package io.lineone.client.queue;

import io.lineone.api.Issue;
import io.lineone.client.common.Messages;
import io.lineone.client.common.Toasts;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * A new P1, or a bell that concerns the user, as a notification: a toast in the console's window (a click on a P1's
 * opens it in the queue) and, where the desktop has a system tray (never when headless), a tray message that is seen
 * even with the console in the background. The toasts are the window's own nodes rather than a popup window: a popup
 * styled for another theme drew no background under this one.
 */
public final class DesktopAlerts implements LiveIssues.UrgentIssueAlert, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DesktopAlerts.class.getName());

    /** At most one toast this often: a burst of P1s (a mass pricing incident) must not bury the window. */
    static final long MIN_INTERVAL_MILLIS = 3_000;

    private final Messages messages;
    private final IssueText text;
    private final Toasts toasts;
    private final Consumer<String> openIssue;
    // Asking AWT whether there is a tray starts AWT's toolkit (half a second cold): that happens on this thread,
    // at the first P1, never on the FX thread and never on the way to the first screen.
    private final ExecutorService trayThread = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "lineone-tray");
        thread.setDaemon(true);
        return thread;
    });
    // Touched only on the tray thread.
    private Boolean useTray;
    // FX thread only: the P1s waiting for the next toast, and when the last one was shown.
    private final List<Issue> pending = new ArrayList<>();
    private boolean flushScheduled;
    private long lastShownMillis;
    // Touched only on the AWT event thread.
    private TrayIcon trayIcon;

    /**
     * @param toasts    where the window shows its toasts
     * @param openIssue shows an issue in the queue (a P1 toast's click)
     */
    /** Signed out: alerts still scheduled are dropped. FX thread. */
    private boolean closed;

    public DesktopAlerts(Messages messages, IssueText text, Toasts toasts, Consumer<String> openIssue) {
        this.messages = messages;
        this.text = text;
        this.toasts = toasts;
        this.openIssue = openIssue;
    }

    /** The tray only where AWT may run at all and the desktop has one. */
    static boolean trayAvailable() {
        try {
            return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Collects the P1s of one frame (and of a quiet interval) into one toast. */
    @Override
    public void newUrgentIssue(Issue issue) {
        pending.add(issue);
        if (!flushScheduled) {
            flushScheduled = true;
            long wait = Math.max(0, lastShownMillis + MIN_INTERVAL_MILLIS - System.currentTimeMillis());
            PauseTransition later = new PauseTransition(Duration.millis(wait));
            later.setOnFinished(event -> flush());
            later.play();
        }
    }

    private void flush() {
        flushScheduled = false;
        if (closed) {
            // The session ended while the burst waited for its toast: nobody is there to read it.
            pending.clear();
            return;
        }
        lastShownMillis = System.currentTimeMillis();
        String title;
        String body;
        // The click opens the most urgent of them: the queue shows the others right around it.
        String first = pending.stream().min(Comparator.comparing(Issue::firstResponseDueAt)).map(Issue::id)
                .orElseThrow();
        if (pending.size() == 1) {
            Issue issue = pending.get(0);
            title = messages.format("queue.alert.title", issue.merchantName());
            body = messages.format("queue.alert.text", issue.title(), text.money(issue.moneyAtRiskCents()));
        } else {
            title = messages.format("queue.alert.many", pending.size());
            body = pending.stream().limit(3).map(Issue::title).collect(Collectors.joining("\n"));
        }
        pending.clear();
        show(title, body, "toast-urgent", () -> openIssue.accept(first));
    }

    /**
     * Any other alert the console raises (a bell that concerns the user): a toast and a tray message alike. Bells
     * are few and each one matters, so they are not held back like a burst of P1s.
     */
    public void notify(String title, String body) {
        show(title, body, "toast-bell", null);
    }

    private void show(String title, String body, String kind, Runnable onOpen) {
        toasts.show(title, body, kind, onOpen);
        trayThread.execute(() -> {
            if (useTray == null) {
                useTray = trayAvailable();
            }
            if (useTray) {
                EventQueue.invokeLater(() -> showInTray(title, body));
            }
        });
    }

    private void showInTray(String title, String body) {
        try {
            if (trayIcon == null) {
                BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
                Graphics2D g = image.createGraphics();
                g.setColor(new Color(0xCF, 0x22, 0x2E));
                g.fillOval(1, 1, 14, 14);
                g.dispose();
                trayIcon = new TrayIcon(image, messages.get("app.name"));
                trayIcon.setImageAutoSize(true);
                SystemTray.getSystemTray().add(trayIcon);
            }
            trayIcon.displayMessage(title, body, TrayIcon.MessageType.WARNING);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot use the system tray", e);
        }
    }

    /** Takes the tray icon away again, so AWT does not keep the process alive after the window closed. */
    @Override
    public void close() {
        closed = true;
        trayThread.execute(() -> {
            if (Boolean.TRUE.equals(useTray)) {
                EventQueue.invokeLater(() -> {
                    if (trayIcon != null) {
                        SystemTray.getSystemTray().remove(trayIcon);
                        trayIcon = null;
                    }
                });
            }
        });
        trayThread.shutdown();
    }
}
