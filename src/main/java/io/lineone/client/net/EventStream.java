package io.lineone.client.net;

import io.lineone.api.Bell;
import io.lineone.api.Fix;
import io.lineone.api.Issue;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.Listing;
import io.lineone.api.Merchant;
import io.lineone.api.Release;

/**
 * A live subscription to the server's domain events ({@code GET /events}) that keeps itself connected:
 * it resumes from the last event id after every drop, waiting longer between failed attempts.
 */
public interface EventStream extends AutoCloseable {

    /** What a new connection means for the events that came before it. */
    enum Opened {
        /** The stream's first connection. */
        FIRST,
        /** A reconnection with {@code Last-Event-ID}: the server replays everything missed, so nothing is lost. */
        RESUMED,
        /**
         * A reconnection from "now on": no event had arrived to resume from, or the server refused the id. Events
         * may have been missed, so the owner should read again whatever it shows.
         */
        RESTARTED
    }

    /** What a stream tells its owner, on the stream's own threads (never the UI thread). */
    interface Listener {

        /** The stream is connected and live; {@code how} says whether anything may have been missed before. */
        void onOpen(Opened how);

        /** An {@code issue.*} event; {@code issue} is the issue after the change. Ids only increase. */
        void onIssue(long eventId, String type, Issue issue);

        /** A {@code bell.*} event; {@code bell} is the bell after the change. Ignored unless overridden. */
        default void onBell(long eventId, String type, Bell bell) {
        }

        /**
         * A {@code release.*} event; {@code release} is the release after the change, without its bells and linked
         * issues. Ignored unless overridden.
         */
        default void onRelease(long eventId, String type, Release release) {
        }

        /** A {@code listing.updated} event; {@code listing} is the listing after the change. Ignored unless overridden. */
        default void onListing(long eventId, String type, Listing listing) {
        }

        /** A {@code fix.applied} or {@code fix.undone} event; {@code fix} as it is now. Ignored unless overridden. */
        default void onFix(long eventId, String type, Fix fix) {
        }

        /** A {@code merchant.updated} event; {@code merchant} after the change. Ignored unless overridden. */
        default void onMerchant(long eventId, String type, Merchant merchant) {
        }

        /**
         * An {@code issue.message} event: a message of an issue's conversation, new or with a new delivery state.
         * Ignored unless overridden.
         */
        default void onMessage(long eventId, IssueMessage message) {
        }

        /** An {@code issue.note} event: a new internal note. Ignored unless overridden. */
        default void onNote(long eventId, IssueNote note) {
        }

        /**
         * The stream dropped or could not connect; it tries again by itself.
         *
         * @param offline true once several attempts in a row have failed, false for the first ones
         */
        void onDown(boolean offline, Exception cause);

        /** The server refused the stream for good (session expired, role); nothing more will come. */
        void onStopped(BackendException reason);
    }

    /**
     * While the stream waits out its backoff after a drop, tries again at once (the user's "retry now"); does
     * nothing while it is connected or already connecting. Any thread.
     */
    void reconnectNow();

    /** The id of the last event received; 0 before the first. */
    long lastEventId();

    /** Ends the stream; no callback follows. */
    @Override
    void close();
}
