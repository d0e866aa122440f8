package io.lineone.client.net;

import io.lineone.api.IssueCategory;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.Page;
import io.lineone.api.ReplyTemplate;
import java.util.List;

/** An issue's conversation with its merchant, its internal notes, and the saved replies. */
public interface ConversationApi {

    /** One page of an issue's conversation, oldest first. */
    Page<IssueMessage> messages(String issueId, String cursor, Integer limit) throws BackendException;

    /** An issue's whole conversation, oldest first. */
    default List<IssueMessage> allMessages(String issueId) throws BackendException {
        return Pages.all(cursor -> messages(issueId, cursor, Pages.MAX));
    }

    /**
     * Replies to the merchant (the text as the user saw it, a saved reply already filled in); the first reply is
     * the issue's first response. It leaves through the server's outbox, PENDING until delivered.
     *
     * The reply is sent once however often it is sent with the same {@code idempotencyKey}: one sent again after
     * its answer was lost (the backend went away) answers the first message and reaches the merchant once.
     *
     * @param templateId the saved reply the text started from, or null
     */
    IssueMessage sendMessage(String issueId, String text, String templateId, String idempotencyKey)
            throws BackendException;

    /** One page of an issue's internal notes, oldest first. */
    Page<IssueNote> notes(String issueId, String cursor, Integer limit) throws BackendException;

    default List<IssueNote> allNotes(String issueId) throws BackendException {
        return Pages.all(cursor -> notes(issueId, cursor, Pages.MAX));
    }

    /**
     * Adds an internal note: for the team, never sent to the merchant. With the same {@code idempotencyKey}, a retry
     * after an answer lost on the way (the backend went away) answers the first note instead of adding a second.
     */
    IssueNote addNote(String issueId, String text, String idempotencyKey) throws BackendException;

    /** The saved replies for a category (with those for every category), in both languages. */
    List<ReplyTemplate> replyTemplates(IssueCategory category) throws BackendException;
}
