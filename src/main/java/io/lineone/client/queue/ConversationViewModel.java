package io.lineone.client.queue;

import io.lineone.api.Issue;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.ReplyTemplate;
import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.Backend;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The drawer's conversation with the merchant and its internal notes, for the issue the drawer shows. Messages
 * arrive live (a frame's worth at a time from {@link LiveConversations}); a reply's delivery replaces it in place.
 * The drafts belong to their issue and outlive selection changes and outages; sending is refused while the stream
 * is down — with the reason shown — and never queued. A saved reply is filled in from the issue's facts before it
 * goes into the draft, so what is sent is exactly what the manager saw.
 */
public final class ConversationViewModel implements LiveConversations.Open {

    /** The server's limit on a message or a note, in characters. */
    public static final int MAX_TEXT = 4000;
    private static final Comparator<IssueMessage> OLDEST_FIRST = Comparator.comparing(IssueMessage::at);

    private final Backend backend;
    private final TaskExecutor executor;
    private final ErrorMessages errors;
    private final ConnectionStatus connection;
    private final LiveConversations live;
    private final ConversationText text;
    private final ObservableValue<Issue> shown;

    private final ObservableList<IssueMessage> messages = FXCollections.observableArrayList();
    private final ObservableList<IssueNote> notes = FXCollections.observableArrayList();
    // The views' read-only views of the lists, made once: a wrapper made per call would drop its listeners when
    // it is collected.
    private final ObservableList<IssueMessage> messagesShown = FXCollections.unmodifiableObservableList(messages);
    private final ObservableList<IssueNote> notesShown = FXCollections.unmodifiableObservableList(notes);
    private final SavedReplies replies;
    private final ReadOnlyObjectWrapper<ScreenState> state = new ReadOnlyObjectWrapper<>(ScreenState.LOADING);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper replyWanted = new ReadOnlyIntegerWrapper();
    private final DraftSender<IssueMessage> reply;
    private final DraftSender<IssueNote> note;

    private String issueId;
    /** The saved reply the current draft started from, sent with it; forgotten when the draft is emptied. */
    private String draftTemplateId;
    // Answers for an issue no longer shown are dropped.
    private int generation;

    public ConversationViewModel(Backend backend, TaskExecutor executor, ErrorMessages errors,
                                 ConnectionStatus connection, LiveConversations live, ConversationText text, User me,
                                 ObservableValue<Issue> shown) {
        this.backend = backend;
        this.executor = executor;
        this.errors = errors;
        this.connection = connection;
        this.live = live;
        this.text = text;
        this.shown = shown;
        this.replies = new SavedReplies(backend, executor, text, me, shown);
        boolean mayWrite = me.role() == Role.MANAGER || me.role() == Role.SUPERVISOR;
        reply = new DraftSender<>(executor, errors, connection,
                DraftSender.Drafts.of(live::replyDraft, live::keepReplyDraft), typed -> hint(mayWrite, typed),
                connection.streamProperty());
        note = new DraftSender<>(executor, errors, connection,
                DraftSender.Drafts.of(live::noteDraft, live::keepNoteDraft), typed -> hint(mayWrite, typed),
                connection.streamProperty());
        reply.draftProperty().addListener((obs, old, now) -> {
            if (now == null || now.isBlank()) {
                draftTemplateId = null;
            }
        });
        shown.addListener((obs, old, now) -> show(now));
        show(shown.getValue());
    }

    /** Why sending is refused now (offline, too long, not the user's to answer); empty when it is not. */
    private String hint(boolean mayWrite, String typed) {
        if (!mayWrite) {
            return text.messages().get("conversation.hint.role");
        }
        if (connection.streamProperty().get().behind()) {
            return text.messages().get("conversation.hint.offline");
        }
        int length = typed == null ? 0 : typed.strip().codePointCount(0, typed.strip().length());
        if (length > MAX_TEXT) {
            return text.messages().format("conversation.hint.tooLong", length - MAX_TEXT);
        }
        return "";
    }

    // --------------------------------------------------------------------------------- what is shown

    private void show(Issue issue) {
        String id = issue == null ? null : issue.id();
        if (Objects.equals(id, issueId)) {
            // A newer version of the same issue: only the saved replies' facts move with it (bound to shown).
            return;
        }
        issueId = id;
        int mine = ++generation;
        live.show(id == null ? null : this);
        messages.clear();
        notes.clear();
        error.set("");
        reply.show(id);
        note.show(id);
        draftTemplateId = null;
        if (id == null) {
            return;
        }
        state.set(ScreenState.LOADING);
        replies.offer(issue.category(), () -> mine == generation);
        executor.execute(() -> new Loaded(backend.conversation().allMessages(id), backend.conversation().allNotes(id)), loaded -> {
            if (mine == generation) {
                connection.reportSuccess();
                // Live ones may have landed first: merge, the newest state of each wins.
                List<IssueMessage> early = List.copyOf(messages);
                List<IssueNote> earlyNotes = List.copyOf(notes);
                messages.setAll(loaded.messages());
                notes.setAll(loaded.notes());
                early.forEach(this::upsert);
                earlyNotes.forEach(this::upsert);
                settle();
            }
        }, failure -> {
            if (mine == generation) {
                connection.reportFailure(failure);
                error.set(errors.describe(failure));
                state.set(ScreenState.ERROR);
            }
        });
    }

    private record Loaded(List<IssueMessage> messages, List<IssueNote> notes) {
    }

    /** Reads the conversation again (after an error). */
    public void retry() {
        Issue issue = shown.getValue();
        issueId = null;
        show(issue);
    }

    @Override
    public String issueId() {
        return issueId;
    }

    /** A frame's live news of the shown issue (from {@link LiveConversations}). */
    @Override
    public void arrived(List<IssueMessage> newMessages, List<IssueNote> newNotes) {
        newMessages.forEach(this::upsert);
        newNotes.forEach(this::upsert);
        if (state.get() != ScreenState.LOADING) {
            settle();
        }
    }

    private void settle() {
        state.set(messages.isEmpty() && notes.isEmpty() ? ScreenState.EMPTY : ScreenState.READY);
    }

    /** A message in its place (oldest first); a newer state of one already shown replaces it. */
    private void upsert(IssueMessage message) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).id().equals(message.id())) {
                IssueMessage known = messages.get(i);
                // A delivered reply stays delivered, whatever order its two events and the send's answer came in.
                if (known.deliveredAt() == null || message.deliveredAt() != null) {
                    messages.set(i, message);
                }
                return;
            }
        }
        int at = messages.size();
        while (at > 0 && OLDEST_FIRST.compare(messages.get(at - 1), message) > 0) {
            at--;
        }
        messages.add(at, message);
    }

    private void upsert(IssueNote note) {
        if (notes.stream().noneMatch(n -> n.id().equals(note.id()))) {
            notes.add(note);
        }
    }

    // --------------------------------------------------------------------------------------- commands

    /** Puts the chosen saved reply, filled in, into the draft (after what is typed already). */
    public void insertTemplate() {
        ReplyTemplate chosen = replies.templateProperty().get();
        if (chosen == null || issueId == null) {
            return;
        }
        String filled = replies.previewProperty().get();
        String typed = reply.draftProperty().get();
        reply.draftProperty().set(typed == null || typed.isBlank() ? filled : typed.stripTrailing() + "\n" + filled);
        draftTemplateId = chosen.id();
    }

    /** The user wants to reply (M in the queue): the view shows the conversation and puts the caret in the box. */
    public void askToReply() {
        replyWanted.set(replyWanted.get() + 1);
    }

    /** Moves each time the user asks to reply. */
    public ReadOnlyIntegerProperty replyWantedProperty() {
        return replyWanted.getReadOnlyProperty();
    }

    /** Chooses the {@code index}-th saved reply (from 0) and inserts it; false if there is none. */
    public boolean insertTemplate(int index) {
        if (!replies.choose(index)) {
            return false;
        }
        insertTemplate();
        return true;
    }

    /** Sends the draft to the merchant; it stays a draft until the server took it. */
    public void send() {
        String templateId = draftTemplateId;
        reply.send(templateId, (to, body, key) -> backend.conversation().sendMessage(to, body, templateId, key),
                sent -> {
                    upsert(sent);
                    settle();
                });
    }

    /** Adds the note draft as an internal note: the team sees it, the merchant never does. */
    public void addNote() {
        note.send("", (to, body, key) -> backend.conversation().addNote(to, body, key), added -> {
            upsert(added);
            settle();
        });
    }

    // ------------------------------------------------------------------------------------- properties

    public ConversationText text() {
        return text;
    }

    public ObservableList<IssueMessage> messages() {
        return messagesShown;
    }

    public ObservableList<IssueNote> notes() {
        return notesShown;
    }

    /** The saved replies offered for the shown issue. */
    public SavedReplies savedReplies() {
        return replies;
    }

    public StringProperty draftProperty() {
        return reply.draftProperty();
    }

    public StringProperty noteDraftProperty() {
        return note.draftProperty();
    }

    public ReadOnlyObjectProperty<ScreenState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return reply.busyProperty();
    }

    public BooleanBinding canSendProperty() {
        return reply.canSendProperty();
    }

    public BooleanBinding canAddNoteProperty() {
        return note.canSendProperty();
    }

    /** Why sending is refused right now; empty when it is not. */
    public StringBinding sendHintProperty() {
        return reply.hintProperty();
    }

    public StringBinding noteHintProperty() {
        return note.hintProperty();
    }

    /** Why the last send failed (the draft is kept); empty otherwise. */
    public ReadOnlyStringProperty sendErrorProperty() {
        return reply.errorProperty();
    }

    public ReadOnlyStringProperty noteErrorProperty() {
        return note.errorProperty();
    }
}
