package io.lineone.server.issues;

import io.javalin.http.Context;
import io.lineone.api.DuplicateLink;
import io.lineone.api.Issue;
import io.lineone.api.IssueReopen;
import io.lineone.api.IssueTransfer;
import io.lineone.api.Page;
import io.lineone.api.PriorityChange;
import io.lineone.server.core.IfMatch;
import io.lineone.server.http.Requests;
import io.lineone.server.http.RouteModule;
import io.lineone.server.http.Router;

/**
 * Managing issues, each step a sub-resource of the issue with {@code If-Match} (transfer, priority, reopen,
 * duplicate), and the team: {@code GET /team/load} and {@code GET /team/managers}.
 */
public record IssueManagementRoutes(IssueManagement management, TeamLoad team) implements RouteModule {

    @Override
    public void register(Router router) {
        router.post("/issues/{id}/transfer", (ctx, caller) -> tagged(ctx, management.transfer(caller,
                ctx.pathParam("id"), Requests.body(ctx, IssueTransfer.class), ifMatch(ctx))));
        router.post("/issues/{id}/priority", (ctx, caller) -> tagged(ctx, management.changePriority(caller,
                ctx.pathParam("id"), Requests.body(ctx, PriorityChange.class), ifMatch(ctx))));
        router.post("/issues/{id}/reopen", (ctx, caller) -> tagged(ctx, management.reopen(caller,
                ctx.pathParam("id"), Requests.body(ctx, IssueReopen.class), ifMatch(ctx))));
        router.post("/issues/{id}/duplicate", (ctx, caller) -> tagged(ctx, management.markDuplicate(caller,
                ctx.pathParam("id"), Requests.body(ctx, DuplicateLink.class), ifMatch(ctx))));
        router.get("/team/load", (ctx, caller) -> ctx.json(new Page<>(team.load(caller), null)));
        router.get("/team/managers", (ctx, caller) -> ctx.json(new Page<>(team.managers(caller), null)));
    }

    private static IfMatch ifMatch(Context ctx) {
        return IfMatch.parse(ctx.header("If-Match"));
    }

    private static void tagged(Context ctx, Issue issue) {
        ctx.header("ETag", IfMatch.etag(issue.version())).json(issue);
    }
}
