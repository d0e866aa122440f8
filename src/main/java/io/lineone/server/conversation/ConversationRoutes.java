package io.lineone.server.conversation;

import io.lineone.api.IssueCategory;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.NewMessage;
import io.lineone.api.NewNote;
import io.lineone.api.NewReplyTemplate;
import io.lineone.api.Page;
import io.lineone.api.ReplyTemplate;
import io.lineone.server.http.Requests;
import io.lineone.server.http.RouteModule;
import io.lineone.server.http.Router;

/**
 * {@code /issues/{id}/messages} (the conversation with the merchant), {@code /outbox} (the replies the
 * marketplace connector has yet to deliver), {@code /issues/{id}/notes} (internal) and {@code /reply-templates}.
 */
public record ConversationRoutes(ConversationService conversation) implements RouteModule {

    @Override
    public void register(Router router) {
        router.get("/issues/{id}/messages", (ctx, caller) -> ctx.json(conversation.messages(caller,
                ctx.pathParam("id"), Requests.cursor(ctx), Requests.limit(ctx))));
        router.post("/issues/{id}/messages", (ctx, caller) -> {
            IssueMessage message = conversation.post(caller, ctx.pathParam("id"), Requests.idempotencyKey(ctx),
                    Requests.body(ctx, NewMessage.class));
            ctx.status(201).json(message);
        });
        router.get("/outbox", (ctx, caller) -> ctx.json(conversation.outbox(caller, Requests.limit(ctx))));
        router.post("/outbox/{messageId}/delivered", (ctx, caller) ->
                ctx.json(conversation.delivered(caller, ctx.pathParam("messageId"))));
        router.get("/issues/{id}/notes", (ctx, caller) -> ctx.json(conversation.notes(caller,
                ctx.pathParam("id"), Requests.cursor(ctx), Requests.limit(ctx))));
        router.post("/issues/{id}/notes", (ctx, caller) -> {
            IssueNote note = conversation.addNote(caller, ctx.pathParam("id"), Requests.idempotencyKey(ctx),
                    Requests.body(ctx, NewNote.class));
            ctx.status(201).json(note);
        });
        router.get("/reply-templates", (ctx, caller) -> ctx.json(new Page<>(conversation.templates(caller,
                Requests.enumParam(ctx, "category", IssueCategory.class)), null)));
        router.post("/reply-templates", (ctx, caller) -> {
            ReplyTemplate template = conversation.addTemplate(caller, Requests.body(ctx, NewReplyTemplate.class));
            ctx.status(201).json(template);
        });
    }
}
