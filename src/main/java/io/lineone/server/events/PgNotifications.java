package io.lineone.server.events;

import io.lineone.server.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the backends that share one PostgreSQL database of each other's new events, with LISTEN/NOTIFY: every
 * backend listens on {@value #CHANNEL} and, after its writers commit, notifies the new highest id. A notification
 * is only a wake-up: the hub that hears it reads the rows from the log, so a lost, late or repeated one costs
 * latency, never an event (the hub's slow poll is the safety net).
 *
 * <p>Two dedicated connections outside the pool, each on a thread of its own and each reconnecting when it fails:
 * one listens ({@code PGConnection.getNotifications(timeout)} blocks on it), one sends. Writers never notify in
 * their own transaction: PostgreSQL serialises the commits of notifying transactions on one lock, which would bring
 * back the very serialisation the log's numbering avoids; here one sender per backend sends at most one
 * notification at a time, carrying the highest id reported meanwhile.
 */
public final class PgNotifications implements AutoCloseable {

    static final String CHANNEL = "lineone_events";

    private static final Logger LOG = LoggerFactory.getLogger(PgNotifications.class);
    private static final int LISTEN_TIMEOUT_MILLIS = 1_000;
    /** A silent link is checked this often, so a half-open connection is noticed and replaced. */
    private static final long VALIDATE_AFTER_MILLIS = 10_000;
    /** Shortest time between two notifications from this backend: adds at most this to another's delivery. */
    private static final long MIN_GAP_NANOS = 10_000_000L;
    private static final long FIRST_BACKOFF_MILLIS = 250;
    private static final long LAST_BACKOFF_MILLIS = 5_000;

    private final Database db;
    private final EventHub hub;
    private final Thread listener;
    private final Thread sender;
    private final Object sending = new Object();
    /** Highest id published here; and the highest one notified. Guarded by {@link #sending}. */
    private long toSend;
    private long sent;
    /** The server process id of our sending connection, whose own notifications need no answer. */
    private volatile int senderPid = -1;
    private volatile boolean closed;
    private volatile Connection listening;
    private volatile Connection notifying;

    private PgNotifications(Database db, EventHub hub) {
        this.db = db;
        this.hub = hub;
        this.listener = new Thread(this::listenLoop, "lineone-event-listen");
        this.sender = new Thread(this::sendLoop, "lineone-event-notify");
        listener.setDaemon(true);
        sender.setDaemon(true);
    }

    /**
     * Links the hub to the other backends on the same database; on H2 (one process) there are none, and the
     * returned link does nothing.
     */
    public static AutoCloseable start(Database db, EventHub hub) {
        if (db.kind() != Database.Kind.POSTGRESQL) {
            return () -> { };
        }
        PgNotifications link = new PgNotifications(db, hub);
        hub.announceTo(link::announce);
        link.listener.start();
        link.sender.start();
        return link;
    }

    private void announce(long highestId) {
        synchronized (sending) {
            if (highestId > toSend) {
                toSend = highestId;
                sending.notifyAll();
            }
        }
    }

    private void listenLoop() {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (!closed) {
            try (Connection connection = db.dedicatedConnection()) {
                listening = connection;
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                // Whatever was announced while we were not listening is in the log: have the hub look now.
                hub.heard(0);
                backoff = FIRST_BACKOFF_MILLIS;
                PGConnection pg = connection.unwrap(PGConnection.class);
                long quietSince = System.nanoTime();
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(LISTEN_TIMEOUT_MILLIS);
                    long highest = highestOfOthers(notifications);
                    if (highest >= 0) {
                        hub.heard(highest);
                    }
                    if (notifications != null && notifications.length > 0) {
                        quietSince = System.nanoTime();
                    } else if (System.nanoTime() - quietSince > VALIDATE_AFTER_MILLIS * 1_000_000L) {
                        if (!connection.isValid(2)) {
                            throw new SQLException("the listening connection stopped answering");
                        }
                        quietSince = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("event notifications from other backends interrupted ({}); reconnecting in {} ms",
                        e.getMessage(), backoff);
                if (!sleep(backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, LAST_BACKOFF_MILLIS);
            } finally {
                listening = null;
            }
        }
    }

    /** The highest id in notifications from other backends; -1 when there is none. */
    private long highestOfOthers(PGNotification[] notifications) {
        long highest = -1;
        if (notifications == null) {
            return highest;
        }
        for (PGNotification notification : notifications) {
            if (notification.getPID() == senderPid) {
                continue;
            }
            try {
                highest = Math.max(highest, Long.parseLong(notification.getParameter()));
            } catch (NumberFormatException e) {
                highest = Math.max(highest, 0);
            }
        }
        return highest;
    }

    private void sendLoop() {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (!closed) {
            try (Connection connection = db.dedicatedConnection()) {
                notifying = connection;
                connection.setAutoCommit(true);
                senderPid = connection.unwrap(PGConnection.class).getBackendPID();
                backoff = FIRST_BACKOFF_MILLIS;
                long lastSent = System.nanoTime() - MIN_GAP_NANOS;
                try (PreparedStatement notify = connection.prepareStatement("select pg_notify('" + CHANNEL + "', ?)")) {
                    while (!closed) {
                        long next;
                        synchronized (sending) {
                            while (toSend <= sent && !closed) {
                                sending.wait();
                            }
                            next = toSend;
                        }
                        if (closed) {
                            return;
                        }
                        // At most one notification per gap: each is a commit of its own (with a transaction id
                        // and a WAL flush), and a burst is told as well by its highest id.
                        long wait = lastSent + MIN_GAP_NANOS - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                            synchronized (sending) {
                                next = toSend;
                            }
                        }
                        notify.setString(1, Long.toString(next));
                        lastSent = System.nanoTime();
                        try (ResultSet ignored = notify.executeQuery()) {
                            synchronized (sending) {
                                sent = Math.max(sent, next);
                            }
                        }
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("cannot notify other backends of new events ({}); reconnecting in {} ms", e.getMessage(),
                        backoff);
                if (!sleep(backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, LAST_BACKOFF_MILLIS);
            } finally {
                notifying = null;
            }
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        hub.announceTo(null);
        synchronized (sending) {
            sending.notifyAll();
        }
        listener.interrupt();
        sender.interrupt();
        abort(listening);
        abort(notifying);
        try {
            listener.join(2_000);
            sender.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends a connection another thread may be blocked on. */
    private static void abort(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing a notification connection", e);
        }
    }
}
