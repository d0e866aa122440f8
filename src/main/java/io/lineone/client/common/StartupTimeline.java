package io.lineone.client.common;

import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where one start of the console spends its time, each moment in milliseconds after the JVM started: the JavaFX
 * toolkit up, the window shown, the embedded backend listening, signed in, the merchants table's rows (from the
 * snapshot of the last session, then the server's first page), the table usable and then laid out on screen. Logged as one line once the live
 * book is in, which the cold-start benchmark prints. One per process: a start happens once; a later sign-in is not a
 * start and records nothing.
 */
public final class StartupTimeline {

    /** The moments, in the order the line gives them. */
    public enum Moment {
        TOOLKIT("toolkit"),
        WINDOW("window"),
        BACKEND_LISTENING("backend listening"),
        SIGNED_IN("signed in"),
        SNAPSHOT_ROWS("snapshot rows"),
        FIRST_PAGE("first page"),
        TABLE_READY("table ready"),
        /** The first layout pass after the table's rows: the table as the person sees it. */
        TABLE_SHOWN("table shown"),
        LIVE_BOOK("live book");

        private final String label;

        Moment(String label) {
            this.label = label;
        }
    }

    private static final System.Logger LOG = System.getLogger(StartupTimeline.class.getName());
    private static final Map<Moment, Long> AT = new LinkedHashMap<>();
    private static final Map<Moment, CompletableFuture<Void>> REACHED = new EnumMap<>(Moment.class);
    private static boolean logged;

    private StartupTimeline() {
    }

    /** Milliseconds since the JVM started. */
    public static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** Notes the first time {@code moment} happened (any thread; later calls are ignored). */
    public static void mark(Moment moment) {
        long since = sinceJvmStart();
        CompletableFuture<Void> reached;
        synchronized (AT) {
            if (!logged) {
                AT.putIfAbsent(moment, since);
            }
            reached = REACHED.computeIfAbsent(moment, m -> new CompletableFuture<>());
        }
        reached.complete(null);
    }

    /** Completes once {@code moment} has happened in this process (at once if it has). */
    public static CompletableFuture<Void> reached(Moment moment) {
        synchronized (AT) {
            return REACHED.computeIfAbsent(moment, m -> new CompletableFuture<>());
        }
    }

    /** Notes the live book's arrival and logs the whole line, once per process. */
    public static void finish() {
        mark(Moment.LIVE_BOOK);
        String line;
        synchronized (AT) {
            if (logged) {
                return;
            }
            logged = true;
            line = describe(AT);
        }
        LOG.log(System.Logger.Level.INFO, line);
    }

    /** "start-up: toolkit 812 ms, window 1,020, …" — the moments that happened, in their order. */
    static String describe(Map<Moment, Long> at) {
        StringBuilder line = new StringBuilder("start-up:");
        boolean first = true;
        for (Moment moment : Moment.values()) {
            Long ms = at.get(moment);
            if (ms != null) {
                line.append(first ? " " : ", ").append(moment.label).append(' ').append(ms).append(first ? " ms" : "");
                first = false;
            }
        }
        return line.append(" after JVM start").toString();
    }
}
