package io.lineone.client.queue;

import io.lineone.api.Issue;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.MessageDirection;
import io.lineone.client.common.UiScheduler;
import io.lineone.client.net.BackendException;
import io.lineone.client.net.EventStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The session's side of every issue's conversation: the stream's {@code issue.message} and {@code issue.note} events,
 * taken from the stream's threads into an inbox and handed on once a frame — to the conversation open in the drawer,
 * or, for a merchant's new message on any other issue, to the alerts — and the unsent drafts of every issue, kept
 * while the user looks at other issues, other screens, or waits out an outage. Everything but the stream's
 * callbacks runs on the UI thread.
 */
public final class LiveConversations implements EventStream.Listener, AutoCloseable {

    /** Told of a merchant's new message on an issue the drawer does not show (UI thread). */
    public interface MessageAlert {
        void merchantWrote(IssueMessage message);
    }

    /** What the drawer's conversation hears: a frame's messages and notes of the issue it shows (UI thread). */
    interface Open {
        String issueId();

        void arrived(List<IssueMessage> messages, List<IssueNote> notes);
    }

    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final UiScheduler.Throttle drain;
    private MessageAlert alert;
    private final Map<String, String> replyDrafts = new HashMap<>();
    private final Map<String, String> noteDrafts = new HashMap<>();
    private Open open;
    private Consumer<List<IssueMessage>> appliedListener;
    private volatile boolean closed;

    public LiveConversations(UiScheduler ui) {
        this.drain = ui.throttle(this::drain);
    }

    /** Who hears of merchants' messages on issues not open in the drawer; null: nobody. */
    public void alertWith(MessageAlert alert) {
        this.alert = alert;
    }

    // ---------------------------------------------------------------------------- the stream's threads

    @Override
    public void onMessage(long eventId, IssueMessage message) {
        inbox.add(message);
        drain.request();
    }

    @Override
    public void onNote(long eventId, IssueNote note) {
        inbox.add(note);
        drain.request();
    }

    @Override
    public void onIssue(long eventId, String type, Issue issue) {
        // The issues themselves are LiveIssues' business.
    }

    @Override
    public void onOpen(EventStream.Opened how) {
        // The drawer reads its conversation again when it needs to; nothing is kept here but drafts.
    }

    @Override
    public void onDown(boolean offline, Exception cause) {
    }

    @Override
    public void onStopped(BackendException reason) {
    }

    // ---------------------------------------------------------------------------------------- UI thread

    /** Once a frame: the open conversation gets its issue's news in one go; merchants' other messages alert. */
    private void drain() {
        Map<String, IssueMessage> messages = new LinkedHashMap<>();
        List<IssueNote> notes = new ArrayList<>();
        Object next;
        while ((next = inbox.poll()) != null) {
            if (next instanceof IssueMessage message) {
                // A reply's delivery comes as the same message again: the newest state of each wins. A merchant's
                // message comes once (the stream drops ids it has seen), so each one is news.
                messages.remove(message.id());
                messages.put(message.id(), message);
                String shown = open == null ? null : open.issueId();
                if (message.direction() == MessageDirection.INBOUND && alert != null && !closed
                        && !message.issueId().equals(shown)) {
                    alert.merchantWrote(message);
                }
            } else if (next instanceof IssueNote note) {
                notes.add(note);
            }
        }
        if (closed) {
            return;
        }
        if (open != null) {
            String shown = open.issueId();
            List<IssueMessage> mine = messages.values().stream().filter(m -> m.issueId().equals(shown)).toList();
            List<IssueNote> myNotes = notes.stream().filter(n -> n.issueId().equals(shown)).toList();
            if (!mine.isEmpty() || !myNotes.isEmpty()) {
                open.arrived(mine, myNotes);
                if (appliedListener != null && !mine.isEmpty()) {
                    appliedListener.accept(mine);
                }
            }
        }
    }

    /** The drawer shows this conversation now (null: none); its issue's news goes there, not to the alerts. */
    void show(Open conversation) {
        this.open = conversation;
    }

    /** For the benchmark's latency probe: each frame's messages shown in the drawer, as they were handed to it. */
    public void setAppliedListener(Consumer<List<IssueMessage>> listener) {
        this.appliedListener = listener;
    }

    String replyDraft(String issueId) {
        return replyDrafts.getOrDefault(issueId, "");
    }

    void keepReplyDraft(String issueId, String text) {
        keep(replyDrafts, issueId, text);
    }

    String noteDraft(String issueId) {
        return noteDrafts.getOrDefault(issueId, "");
    }

    void keepNoteDraft(String issueId, String text) {
        keep(noteDrafts, issueId, text);
    }

    /** Every issue's unsent reply and note, to carry into a session built again (another language). */
    public Drafts drafts() {
        return new Drafts(Map.copyOf(replyDrafts), Map.copyOf(noteDrafts));
    }

    public void restore(Drafts drafts) {
        replyDrafts.putAll(drafts.replies());
        noteDrafts.putAll(drafts.notes());
    }

    /** Unsent replies and notes by issue id. */
    public record Drafts(Map<String, String> replies, Map<String, String> notes) {
    }

    private static void keep(Map<String, String> drafts, String issueId, String text) {
        if (text == null || text.isBlank()) {
            drafts.remove(issueId);
        } else {
            drafts.put(issueId, text);
        }
    }

    @Override
    public void close() {
        closed = true;
        inbox.clear();
    }
}
