package io.lineone.client.fixes;

import io.lineone.api.Fix;
import io.lineone.api.Issue;
import io.lineone.api.Listing;
import io.lineone.api.Merchant;
import io.lineone.client.common.UiScheduler;
import io.lineone.client.net.BackendException;
import io.lineone.client.net.EventStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Listings, fixes and merchants as the session's event stream tells of them. The stream's threads only leave them
 * in an inbox; once a frame the UI thread takes the newest version of each and hands the batch to whoever listens
 * (the merchants' listings, the ledger, the undo toasts). An action's own answer takes the same path at once.
 * Listeners come and go with their screens; UI thread only, but for the stream's listener.
 */
public final class FixFeed implements AutoCloseable {

    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final UiScheduler ui;
    private final UiScheduler.Throttle drain;
    private final List<Consumer<Collection<Listing>>> listingListeners = new ArrayList<>();
    private final List<Consumer<Collection<Fix>>> fixListeners = new ArrayList<>();
    private final List<Consumer<Collection<Merchant>>> merchantListeners = new ArrayList<>();
    private final List<Runnable> reopenListeners = new ArrayList<>();
    private volatile boolean closed;

    public FixFeed(UiScheduler ui) {
        this.ui = ui;
        this.drain = ui.throttle(this::drain);
    }

    /** What the session's event stream tells this feed; hand it to whoever owns the stream. */
    public EventStream.Listener listener() {
        return new EventStream.Listener() {
            @Override
            public void onOpen(EventStream.Opened how) {
                // A resumed stream replays what was missed; a fresh one may have lost events: screens read again.
                if (how == EventStream.Opened.RESTARTED) {
                    ui.runLater(FixFeed.this::reopened);
                }
            }

            @Override
            public void onIssue(long eventId, String type, Issue issue) {
                // Issues have a model of their own.
            }

            @Override
            public void onListing(long eventId, String type, Listing listing) {
                inbox.add(listing);
                drain.request();
            }

            @Override
            public void onFix(long eventId, String type, Fix fix) {
                inbox.add(fix);
                drain.request();
            }

            @Override
            public void onMerchant(long eventId, String type, Merchant merchant) {
                inbox.add(merchant);
                drain.request();
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

    /** Called with each frame's listings, newest version of each. Returns what stops the calls. */
    public Runnable onListings(Consumer<Collection<Listing>> listener) {
        listingListeners.add(listener);
        return () -> listingListeners.remove(listener);
    }

    /** Called with each frame's fixes, newest version of each, and with every fix an action here applied or undid. */
    public Runnable onFixes(Consumer<Collection<Fix>> listener) {
        fixListeners.add(listener);
        return () -> fixListeners.remove(listener);
    }

    public Runnable onMerchants(Consumer<Collection<Merchant>> listener) {
        merchantListeners.add(listener);
        return () -> merchantListeners.remove(listener);
    }

    /** Called when the stream had to start afresh and may have missed events: read again. */
    public Runnable onReopen(Runnable listener) {
        reopenListeners.add(listener);
        return () -> reopenListeners.remove(listener);
    }

    /** A fix as the server just answered it (applied or undone here); listeners hear of it at once. UI thread. */
    public void put(Fix fix) {
        tell(fixListeners, List.of(fix));
    }

    /** A listing as the server just described it. UI thread. */
    public void put(Listing listing) {
        tell(listingListeners, List.of(listing));
    }

    private void reopened() {
        if (!closed) {
            List.copyOf(reopenListeners).forEach(Runnable::run);
        }
    }

    private void drain() {
        Map<String, Listing> listings = new LinkedHashMap<>();
        Map<String, Fix> fixes = new LinkedHashMap<>();
        Map<String, Merchant> merchants = new LinkedHashMap<>();
        Object next;
        while ((next = inbox.poll()) != null) {
            if (next instanceof Listing listing) {
                listings.merge(listing.id(), listing, (a, b) -> b.version() >= a.version() ? b : a);
            } else if (next instanceof Fix fix) {
                fixes.merge(fix.id(), fix, (a, b) -> b.version() >= a.version() ? b : a);
            } else if (next instanceof Merchant merchant) {
                merchants.merge(merchant.id(), merchant, (a, b) -> b.version() >= a.version() ? b : a);
            }
        }
        if (closed) {
            return;
        }
        if (!listings.isEmpty()) {
            tell(listingListeners, listings.values());
        }
        if (!fixes.isEmpty()) {
            tell(fixListeners, fixes.values());
        }
        if (!merchants.isEmpty()) {
            tell(merchantListeners, merchants.values());
        }
    }

    private <T> void tell(List<Consumer<Collection<T>>> listeners, Collection<T> batch) {
        if (closed) {
            return;
        }
        Collection<T> frozen = List.copyOf(batch);
        for (Consumer<Collection<T>> listener : List.copyOf(listeners)) {
            listener.accept(frozen);
        }
    }

    @Override
    public void close() {
        closed = true;
        inbox.clear();
    }
}
