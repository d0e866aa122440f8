package io.lineone.server.issues;

import io.javalin.http.Context;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueStatus;
import io.lineone.api.NewIssue;
import io.lineone.api.Page;
import io.lineone.api.Priority;
import io.lineone.server.core.DomainException;
import io.lineone.server.core.IfMatch;
import io.lineone.server.http.Requests;
import io.lineone.server.http.RouteModule;
import io.lineone.server.http.Router;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /issues}. Answers with one issue carry its version as {@code ETag}; {@code PATCH} needs it back in
 * {@code If-Match}. The history of an issue is a route of its own, {@code GET /issues/{id}/history}, so that an
 * issue has the same shape everywhere (lists, detail and events).
 */
public record IssueRoutes(IssueService issues) implements RouteModule {

    @Override
    public void register(Router router) {
        router.get("/issues", (ctx, caller) -> ctx.json(issues.list(caller, new IssueService.Filter(
                        enumSet(ctx, "status", IssueStatus.class),
                        enumSet(ctx, "priority", Priority.class),
                        enumSet(ctx, "category", IssueCategory.class),
                        Requests.textParam(ctx, "merchantId", 40),
                        Requests.textParam(ctx, "releaseId", 40),
                        Requests.enumParam(ctx, "assignee", IssueService.Assignee.class)),
                Requests.cursor(ctx),
                Requests.limit(ctx))));
        router.post("/issues", (ctx, caller) -> {
            Issue issue = issues.create(caller, Requests.body(ctx, NewIssue.class));
            tagged(ctx.status(201).header("Location", Router.BASE + "/issues/" + issue.id()), issue);
        });
        router.get("/issues/{id}", (ctx, caller) -> tagged(ctx, issues.get(caller, ctx.pathParam("id"))));
        router.get("/issues/{id}/history", (ctx, caller) ->
                ctx.json(new Page<>(issues.history(caller, ctx.pathParam("id")), null)));
        router.post("/issues/{id}/claim", (ctx, caller) -> tagged(ctx,
                issues.claim(caller, ctx.pathParam("id"), IfMatch.parse(ctx.header("If-Match")))));
        router.patch("/issues/{id}", (ctx, caller) -> {
            IssuePatch patch = Requests.body(ctx, IssuePatch.class);
            tagged(ctx, issues.patch(caller, ctx.pathParam("id"), patch, IfMatch.parse(ctx.header("If-Match"))));
        });
    }

    private static void tagged(Context ctx, Issue issue) {
        ctx.header("ETag", IfMatch.etag(issue.version())).json(issue);
    }

    /**
     * A filter that takes one value or several separated by commas ({@code status=NEW,ACKNOWLEDGED}).
     * {@code status} also takes {@code OPEN}: every status but RESOLVED.
     */
    static <E extends Enum<E>> Set<E> enumSet(Context ctx, String name, Class<E> type) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        if (text.length() > 200) {
            throw DomainException.invalid(name, "must be at most 200 characters");
        }
        EnumSet<E> values = EnumSet.noneOf(type);
        for (String part : text.split(",")) {
            String value = part.strip().toUpperCase(Locale.ROOT);
            if (type == IssueStatus.class && value.equals("OPEN")) {
                for (E status : type.getEnumConstants()) {
                    if (((IssueStatus) status).isOpen()) {
                        values.add(status);
                    }
                }
                continue;
            }
            try {
                values.add(Enum.valueOf(type, value));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid(name, "must be one or more, separated by commas, of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                        + (type == IssueStatus.class ? ", or OPEN" : ""));
            }
        }
        return values;
    }
}
