package io.lineone.client.notices;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The session's last notifications, newest first, and how many of them nobody has looked at yet. Toasts leave after
 * a few seconds; this is where a notice is found again. FX thread only.
 */
public final class NoticeLog {

    /** Older notices give way beyond this many: the log is a recent history, not an archive. */
    static final int KEPT = 200;

    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper();
    private boolean watched;

    public void add(Notice notice) {
        notices.add(0, notice);
        if (notices.size() > KEPT) {
            notices.remove(KEPT, notices.size());
        }
        if (!watched) {
            unread.set(Math.min(unread.get() + 1, notices.size()));
        }
    }

    /**
     * Whether the user is looking at the log: while they are, every notice counts as read the moment it arrives.
     */
    public void setWatched(boolean watched) {
        this.watched = watched;
        if (watched) {
            unread.set(0);
        }
    }

    /** Newest first. */
    public ObservableList<Notice> notices() {
        return FXCollections.unmodifiableObservableList(notices);
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    /** Whether the notice at {@code index} (newest first) arrived after the user last looked. */
    public boolean isUnread(int index) {
        return index < unread.get();
    }

    public void clear() {
        notices.clear();
        unread.set(0);
    }
}
