package io.lineone.client.net;

import static io.lineone.client.net.HttpJson.paged;
import static io.lineone.client.net.HttpJson.query;

import io.lineone.api.IssueCategory;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.NewMessage;
import io.lineone.api.NewNote;
import io.lineone.api.Page;
import io.lineone.api.ReplyTemplate;
import java.util.List;
import okhttp3.Request;

/** {@link ConversationApi} over HTTP. */
final class ConversationClient implements ConversationApi {

    private final HttpJson http;

    ConversationClient(HttpJson http) {
        this.http = http;
    }

    @Override
    public Page<IssueMessage> messages(String issueId, String cursor, Integer limit) throws BackendException {
        return http.page(paged(http.path("issues", issueId, "messages"), cursor, limit), IssueMessage.class);
    }

    @Override
    public IssueMessage sendMessage(String issueId, String text, String templateId, String idempotencyKey)
            throws BackendException {
        return http.send(new Request.Builder().url(http.path("issues", issueId, "messages").build())
                .header("Idempotency-Key", idempotencyKey)
                .post(http.jsonBody(new NewMessage(text, templateId))), IssueMessage.class);
    }

    @Override
    public Page<IssueNote> notes(String issueId, String cursor, Integer limit) throws BackendException {
        return http.page(paged(http.path("issues", issueId, "notes"), cursor, limit), IssueNote.class);
    }

    @Override
    public IssueNote addNote(String issueId, String text, String idempotencyKey) throws BackendException {
        return http.send(new Request.Builder().url(http.path("issues", issueId, "notes").build())
                .header("Idempotency-Key", idempotencyKey)
                .post(http.jsonBody(new NewNote(text))), IssueNote.class);
    }

    @Override
    public List<ReplyTemplate> replyTemplates(IssueCategory category) throws BackendException {
        return http.items(query(http.path("reply-templates"), "category", category), ReplyTemplate.class);
    }
}
