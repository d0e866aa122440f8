package io.lineone.client.merchants;

import io.lineone.api.Issue;
import io.lineone.api.IssueMessage;
import io.lineone.api.Merchant;
import io.lineone.client.common.UiScheduler;
import io.lineone.client.net.BackendException;
import io.lineone.client.net.EventStream;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Keeps the book current from what the session's event stream already brings, without reading anything again:
 * {@code merchant.updated} replaces a row (or adds it, or — for a manager — takes away a merchant moved to another
 * book); issue events move each merchant's open-issue count and money at risk; messages either way move its last
 * contact. The server does not push counts as merchant events, so they are kept here by difference: every open
 * issue heard of is remembered with its money, and a new version of it adds or takes away the difference. Each
 * source arrives once a frame (the issues' and merchants' feeds drain per frame; messages wait in an inbox here).
 * UI thread, but for the stream listener.
 */
final class LiveBook implements AutoCloseable {

    /** What an open issue adds to its merchant's counts. */
    private record Open(String merchantId, long moneyCents, long version, boolean open) {
    }

    private final MerchantBook book;
    private final String keepManagerId;
    private final Map<String, Open> issues = new HashMap<>();
    private final ConcurrentLinkedQueue<IssueMessage> inbox = new ConcurrentLinkedQueue<>();
    private final UiScheduler.Throttle drain;
    private Consumer<String> removed = id -> { };
    private Runnable changed = () -> { };
    private volatile boolean closed;

    /**
     * @param keepManagerId a manager's own id: merchants moved to another manager leave this book; null keeps every
     *                      merchant (a supervisor's book is everyone's)
     */
    LiveBook(MerchantBook book, UiScheduler ui, String keepManagerId) {
        this.book = book;
        this.keepManagerId = keepManagerId;
        this.drain = ui.throttle(this::drainMessages);
    }

    /** Told of each merchant that left the book (UI thread). */
    void onRemoved(Consumer<String> listener) {
        this.removed = listener;
    }

    /** Told after each change this makes to the book (UI thread). */
    void onChanged(Runnable listener) {
        this.changed = listener;
    }

    /** The open issues already known when the screen opened; the book's counts from the server include them. */
    void seed(Collection<Issue> known) {
        for (Issue issue : known) {
            remember(issue);
        }
    }

    /**
     * The issues a frame's events (or an action's answer) changed: each merchant's counts move by the difference. The
     * list as read ({@code list}) is only remembered: the book's counts came from the server too.
     */
    void issues(Collection<Issue> changedIssues, boolean list) {
        boolean any = false;
        for (Issue issue : changedIssues) {
            Open before = issues.get(issue.id());
            if (before != null && issue.version() <= before.version()) {
                continue;
            }
            Open after = remember(issue);
            if (list) {
                continue;
            }
            int count = (after.open() ? 1 : 0) - (before != null && before.open() ? 1 : 0);
            long money = (after.open() ? after.moneyCents() : 0) - (before != null && before.open() ? before.moneyCents() : 0);
            if (count == 0 && money == 0) {
                continue;
            }
            MerchantRow row = book.find(issue.merchantId());
            if (row != null) {
                Merchant m = row.merchant();
                book.recount(row, counted(m, Math.max(0, m.openIssues() + count),
                        Math.max(0, m.moneyAtRiskCents() + money), m.lastContactAt()));
                any = true;
            }
        }
        if (any) {
            changed.run();
        }
    }

    private Open remember(Issue issue) {
        Open open = new Open(issue.merchantId(), issue.moneyAtRiskCents(), issue.version(), issue.status().isOpen());
        issues.put(issue.id(), open);
        return open;
    }

    /** A frame's {@code merchant.updated} events (or a move's answer), newest version of each. */
    void merchants(Collection<Merchant> merchants) {
        for (Merchant merchant : merchants) {
            if (keepManagerId != null && !keepManagerId.equals(merchant.assignedManagerId())) {
                if (book.find(merchant.id()) != null) {
                    book.remove(merchant.id());
                    removed.accept(merchant.id());
                }
            } else {
                book.put(merchant);
            }
        }
        if (!merchants.isEmpty()) {
            changed.run();
        }
    }

    /** Hears the session's stream for messages (stream threads); hand it to whoever owns the stream. */
    EventStream.Listener listener() {
        return new EventStream.Listener() {
            @Override
            public void onOpen(EventStream.Opened how) {
                // The screen reads the book again when the stream restarts (it hears that from the fix feed).
            }

            @Override
            public void onIssue(long eventId, String type, Issue issue) {
                // Issues come through the live issues, once a frame.
            }

            @Override
            public void onMessage(long eventId, IssueMessage message) {
                if (!closed) {
                    inbox.add(message);
                    drain.request();
                }
            }

            @Override
            public void onDown(boolean offline, Exception cause) {
                // The connection model hears of drops from the issue feed.
            }

            @Override
            public void onStopped(BackendException reason) {
                // Likewise.
            }
        };
    }

    private void drainMessages() {
        Map<String, Instant> latest = new HashMap<>();
        IssueMessage next;
        while ((next = inbox.poll()) != null) {
            if (next.merchantId() != null && next.at() != null) {
                latest.merge(next.merchantId(), next.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (closed) {
            return;
        }
        boolean any = false;
        for (Map.Entry<String, Instant> contact : latest.entrySet()) {
            MerchantRow row = book.find(contact.getKey());
            if (row != null) {
                Merchant m = row.merchant();
                if (m.lastContactAt() == null || m.lastContactAt().isBefore(contact.getValue())) {
                    book.recount(row, counted(m, m.openIssues(), m.moneyAtRiskCents(), contact.getValue()));
                    any = true;
                }
            }
        }
        if (any) {
            changed.run();
        }
    }

    /** The merchant with other counts; everything else, its version included, as it was. */
    static Merchant counted(Merchant m, int openIssues, long moneyAtRiskCents, Instant lastContactAt) {
        return new Merchant(m.id(), m.name(), m.shopName(), m.tier(), m.category(), m.region(),
                m.assignedManagerId(), m.assignedManagerName(), m.metrics(), m.lighthouseScore(), m.band(),
                openIssues, moneyAtRiskCents, lastContactAt, m.autoDeductionPaused(), m.version());
    }

    @Override
    public void close() {
        closed = true;
        inbox.clear();
    }
}
