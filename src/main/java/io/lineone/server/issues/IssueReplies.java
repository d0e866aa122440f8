package io.lineone.server.issues;

import io.lineone.api.EventTypes;
import io.lineone.api.Issue;
import io.lineone.api.IssueStatus;
import io.lineone.server.audit.Audit;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.auth.Visibility;
import io.lineone.server.core.Caller;
import io.lineone.server.core.DomainException;
import io.lineone.server.db.Tx;
import io.lineone.server.events.EventLog;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What the conversation feature asks of an issue: its facts for a message or note, and — inside the transaction of a
 * reply to the merchant — the first reply as the issue's first response.
 */
public final class IssueReplies {

    private final IssueStore issues;
    private final AuditLog audit;
    private final Clock clock;

    public IssueReplies(IssueStore issues, AuditLog audit, Clock clock) {
        this.issues = issues;
        this.audit = audit;
        this.clock = clock;
    }

    /** An issue the caller may change, with its merchant's manager (whose stream hears of it). */
    public record Subject(Issue issue, String managerId) {
    }

    /** The issue as it is after a reply, and the events the reply's transaction must append for it (maybe none). */
    public record Answered(Issue issue, List<EventLog.NewEvent> events) {
    }

    /**
     * An issue of the caller's book, for attaching a message or a note to it.
     *
     * @throws DomainException NOT_FOUND for an unknown issue or one of another book
     */
    public Subject subject(Caller caller, String id) {
        IssueStore.Row row = issues.find(id).filter(r -> Visibility.seesBookOf(caller, r.managerId()))
                .orElseThrow(() -> DomainException.notFound("issue", id));
        return new Subject(IssueWorkflow.view(row, clock.instant().truncatedTo(ChronoUnit.MILLIS)), row.managerId());
    }

    /**
     * Inside the transaction of a reply to the merchant: the first reply is the issue's first response. A NEW
     * issue moves to ACKNOWLEDGED (which sets {@code firstResponseAt}), taken by the replier if nobody has it, with
     * its history and audit entry written here and its event returned for the caller to append last.
     *
     * @throws DomainException PRECONDITION_FAILED when the issue changed since it was read in this transaction
     *                         (the caller retries the whole transaction)
     */
    public Answered answered(Tx tx, Caller caller, String id, Instant now) {
        IssueStore.Row before = issues.find(tx, id).orElseThrow(() -> DomainException.notFound("issue", id));
        IssueStore.State s = before.state();
        if (s.firstResponseAt() != null || s.status() != IssueStatus.NEW) {
            return new Answered(IssueWorkflow.view(before, now), List.of());
        }
        IssueStore.State moved = IssueWorkflow.move(s, IssueStatus.ACKNOWLEDGED, now);
        List<IssueStore.HistoryStep> steps = new ArrayList<>();
        String assigneeId = s.assigneeId();
        String assigneeName = before.assigneeName();
        if (assigneeId == null) {
            assigneeId = caller.id();
            assigneeName = caller.user().displayName();
            steps.add(new IssueStore.HistoryStep(id, now, caller.id(), "claimed", null, null, null, null));
        }
        steps.add(new IssueStore.HistoryStep(id, now, caller.id(), "status", IssueStatus.NEW,
                IssueStatus.ACKNOWLEDGED, null, null));
        IssueStore.State after = new IssueStore.State(moved.status(), s.rootCause(), assigneeId, now,
                moved.firstResponseAt(), moved.resolvedAt(), moved.pauseCount(), moved.pausedMillis(),
                moved.pausedSince(), s.version() + 1);
        IssueStore.Row row = before.with(after, assigneeName, before.releaseId());
        Issue issue = IssueWorkflow.view(row, now);
        if (!issues.update(tx, id, after, before.releaseId(), s.version())) {
            throw DomainException.of(DomainException.Kind.PRECONDITION_FAILED, "issue.staleUnknown");
        }
        for (IssueStore.HistoryStep step : steps) {
            issues.appendHistory(tx, step);
        }
        audit.append(tx, Audit.entry(caller, "issue.firstResponse", "issue", id, IssueWorkflow.view(before, now),
                issue, now));
        return new Answered(issue, List.of(EventLog.NewEvent.of(EventTypes.ISSUE_UPDATED, row.merchantId(),
                row.managerId(), issue, now)));
    }
}
