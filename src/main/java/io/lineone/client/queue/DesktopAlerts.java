package io.lineone.client.queue;

import io.lineone.api.Issue;
import io.lineone.api.IssueMessage;
import io.lineone.client.common.Messages;
import io.lineone.client.common.Toasts;
import io.lineone.client.notices.Notice;
import io.lineone.client.notices.NoticeLog;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.time.Instant;
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
 * A new P1, a merchant's message on an issue not open in the drawer, or a bell that concerns the user, as a notification: a toast in the console's window (a click on a P1's
 * opens it in the queue) and, where the desktop has a system tray (never when headless), a tray message that is seen
 * even with the console in the background; every notice is also kept in the session's notification centre, where it
 * can be found again after its toast has gone. The toasts are the window's own nodes rather than a popup window: a popup
 * styled for another theme drew no background under this one.
 */
public final class DesktopAlerts implements UrgentIssueAlert, LiveConversations.MessageAlert, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DesktopAlerts.class.getName());

    /** At most one toast this often: a burst of P1s (a mass pricing incident) must not bury the window. */
    static final long MIN_INTERVAL_MILLIS = 3_000;

    private final Messages messages;
    private final IssueText text;
    private final Toasts toasts;
    private final NoticeLog log;
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
    private final PauseTransition flushLater = new PauseTransition();
    // Set by whichever thread closes the session; a toast still waiting for its turn then shows nothing.
    private volatile boolean closed;
    // FX thread only: the user's setting. Off, notices still go to the centre but nothing pops up.
    private boolean popUp = true;
    private long lastShownMillis;
    // FX thread only: merchants' messages waiting for the next toast, and when the last one was shown.
    private final List<IssueMessage> pendingMessages = new ArrayList<>();
    private boolean messagesScheduled;
    private long lastMessageMillis;
    // Touched only on the AWT event thread.
    private TrayIcon trayIcon;

    /**
     * @param toasts    where the window shows its toasts
     * @param log       the notification centre, which keeps every notice
     * @param openIssue shows an issue in the queue (a P1 toast's click)
     */
    public DesktopAlerts(Messages messages, IssueText text, Toasts toasts, NoticeLog log,
                         Consumer<String> openIssue) {
        this.messages = messages;
        this.text = text;
        this.toasts = toasts;
        this.log = log;
        this.openIssue = openIssue;
        flushLater.setOnFinished(event -> flush());
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
        // The centre keeps each P1 on its own, so each can be opened from there even when one toast told of many.
        log.add(new Notice(Notice.Kind.URGENT, messages.format("queue.alert.title", issue.merchantName()),
                messages.format("queue.alert.text", issue.title(), text.money(issue.moneyAtRiskCents())), issue.id(),
                Instant.now()));
        pending.add(issue);
        if (!flushScheduled) {
            flushScheduled = true;
            long wait = Math.max(0, lastShownMillis + MIN_INTERVAL_MILLIS - System.currentTimeMillis());
            flushLater.setDuration(Duration.millis(wait));
            flushLater.playFromStart();
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
     * A merchant wrote on an issue the drawer does not show: a toast whose click opens that issue. Like P1s, the
     * messages of a busy moment share one toast, at most one every {@link #MIN_INTERVAL_MILLIS}.
     */
    @Override
    public void merchantWrote(IssueMessage message) {
        // The centre keeps each message on its own, so each opens its own issue from there.
        log.add(new Notice(Notice.Kind.MESSAGE, messages.format("conversation.alert.title", message.authorName()),
                shortened(message.text()), message.issueId(), Instant.now()));
        pendingMessages.add(message);
        if (!messagesScheduled) {
            messagesScheduled = true;
            long wait = Math.max(0, lastMessageMillis + MIN_INTERVAL_MILLIS - System.currentTimeMillis());
            PauseTransition later = new PauseTransition(Duration.millis(wait));
            later.setOnFinished(event -> flushMessages());
            later.play();
        }
    }

    private void flushMessages() {
        messagesScheduled = false;
        lastMessageMillis = System.currentTimeMillis();
        IssueMessage last = pendingMessages.get(pendingMessages.size() - 1);
        String title;
        String body;
        if (pendingMessages.size() == 1) {
            title = messages.format("conversation.alert.title", last.authorName());
            body = shortened(last.text());
        } else {
            title = messages.format("conversation.alert.many", pendingMessages.size());
            body = pendingMessages.stream().skip(Math.max(0, pendingMessages.size() - 3L))
                    .map(m -> m.authorName() + messages.get("conversation.alert.separator") + shortened(m.text()))
                    .collect(Collectors.joining("\n"));
        }
        pendingMessages.clear();
        show(title, body, "toast-message", () -> openIssue.accept(last.issueId()));
    }

    private static String shortened(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.codePointCount(0, line.length()) <= 80 ? line
                : line.substring(0, line.offsetByCodePoints(0, 79)) + "…";
    }

    /**
     * Any other alert the console raises (a bell that concerns the user): a toast and a tray message alike. Bells
     * are few and each one matters, so they are not held back like a burst of P1s.
     */
    public void notify(String title, String body) {
        log.add(new Notice(Notice.Kind.BELL, title, body, null, Instant.now()));
        show(title, body, "toast-bell", null);
    }

    /** An issue handed over to the user: a toast whose click opens it, a tray message, and an entry in the centre. */
    @Override
    public void handedOver(Issue issue) {
        String title = messages.format("queue.alert.handedOver", issue.merchantName());
        log.add(new Notice(Notice.Kind.ASSIGNMENT, title, issue.title(), issue.id(), Instant.now()));
        show(title, issue.title(), "toast-assignment", () -> openIssue.accept(issue.id()));
    }

    /** Whether notices pop up as toasts and tray messages (the user's setting); the centre keeps them either way. */
    public void popUp(boolean on) {
        popUp = on;
    }

    private void show(String title, String body, String kind, Runnable onOpen) {
        if (closed || !popUp) {
            // The session has ended (signed out), or the user turned pop-ups off: the centre has it, nothing shows.
            return;
        }
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
