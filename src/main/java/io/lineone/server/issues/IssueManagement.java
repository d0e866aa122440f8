package io.lineone.server.issues;

import io.lineone.api.DuplicateLink;
import io.lineone.api.EventTypes;
import io.lineone.api.Issue;
import io.lineone.api.IssueReopen;
import io.lineone.api.IssueStatus;
import io.lineone.api.IssueTransfer;
import io.lineone.api.PriorityChange;
import io.lineone.api.Role;
import io.lineone.api.User;
import io.lineone.server.audit.Audit;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.auth.UserStore;
import io.lineone.server.auth.Visibility;
import io.lineone.server.core.Caller;
import io.lineone.server.core.DomainException;
import io.lineone.server.core.IfMatch;
import io.lineone.server.db.Database;
import io.lineone.server.events.EventLog;
import io.lineone.server.events.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Managing an issue rather than working it: handing it to another manager's queue, changing its priority, reopening
 * it, and resolving it as a duplicate of another. A MANAGER does this to the issues of their queue, a SUPERVISOR or
 * an ADMIN to any; every step needs {@code If-Match}, and writes the issue, its history, the audit entry and the
 * domain events in one transaction.
 */
public final class IssueManagement {

    private final Database db;
    private final IssueStore issues;
    private final UserStore users;
    private final EventLog events;
    private final AuditLog audit;
    private final EventPublisher publisher;
    private final SlaPolicy sla;
    private final Clock clock;

    public IssueManagement(Database db, IssueStore issues, UserStore users, EventLog events, AuditLog audit,
                           EventPublisher publisher, SlaPolicy sla, Clock clock) {
        this.db = db;
        this.issues = issues;
        this.users = users;
        this.events = events;
        this.audit = audit;
        this.publisher = publisher;
        this.sla = sla;
        this.clock = clock;
    }

    /**
     * Hands the issue to another manager: it leaves this queue for theirs, with them as its assignee. The old queue's
     * stream hears of it too, so a console there lets the row go.
     */
    public Issue transfer(Caller caller, String id, IssueTransfer body, IfMatch ifMatch) {
        IssueStore.Row before = changeable(caller, id, ifMatch);
        ManagementRequests.validate(body);
        IssueStore.State s = before.state();
        if (s.status() == IssueStatus.RESOLVED) {
            throw DomainException.of(DomainException.Kind.CONFLICT, "issue.manageResolved");
        }
        User target = users.find(body.managerId().strip()).filter(u -> u.role() == Role.MANAGER)
                .orElseThrow(() -> DomainException.invalid("managerId", "names no manager"));
        if (target.id().equals(before.managerId()) && target.id().equals(s.assigneeId())) {
            throw DomainException.of(DomainException.Kind.CONFLICT, "issue.transferSame", target.displayName());
        }
        Instant now = now();
        IssueStore.State after = state(s, s.status(), target.id(), now, s.resolvedAt());
        IssueStore.Row row = before.managed(target.id(), before.priority(), before.firstResponseDueAt(),
                before.resolutionBaseDueAt(), after, target.displayName(), before.duplicateOf());
        return write(caller, before, row, target.id(), "issue.transfer", List.of(new IssueStore.HistoryStep(id, now,
                caller.id(), "transferred", null, null, body.note().strip(), null, target.displayName())), now);
    }

    /** A new priority with its reason; both SLA due times are counted again from creation with its targets. */
    public Issue changePriority(Caller caller, String id, PriorityChange body, IfMatch ifMatch) {
        IssueStore.Row before = changeable(caller, id, ifMatch);
        ManagementRequests.validate(body);
        IssueStore.State s = before.state();
        if (s.status() == IssueStatus.RESOLVED) {
            throw DomainException.of(DomainException.Kind.CONFLICT, "issue.manageResolved");
        }
        Instant now = now();
        if (body.priority() == before.priority()) {
            return IssueWorkflow.view(before, now);
        }
        IssueStore.State after = state(s, s.status(), s.assigneeId(), now, s.resolvedAt());
        IssueStore.Row row = before.managed(before.managerId(), body.priority(),
                sla.firstResponseDue(body.priority(), before.createdAt()),
                sla.resolutionBaseDue(body.priority(), before.createdAt()), after, before.assigneeName(),
                before.duplicateOf());
        String change = before.priority() + "\u2192" + body.priority();
        return write(caller, before, row, null, "issue.priority", List.of(new IssueStore.HistoryStep(id, now,
                caller.id(), "priority", null, null, body.reason().strip(), null, change)), now);
    }

    /**
     * A resolved issue back IN_PROGRESS, its resolution time and any duplicate link cleared. Its SLA clocks run on
     * from where they were: a reopened issue is honestly as late as it is.
     */
    public Issue reopen(Caller caller, String id, IssueReopen body, IfMatch ifMatch) {
        IssueStore.Row before = changeable(caller, id, ifMatch);
        ManagementRequests.validate(body);
        IssueStore.State s = before.state();
        if (s.status() != IssueStatus.RESOLVED) {
            throw DomainException.of(DomainException.Kind.CONFLICT, "issue.reopenOpen", s.status());
        }
        Instant now = now();
        List<IssueStore.HistoryStep> steps = new ArrayList<>();
        String assigneeId = s.assigneeId();
        String assigneeName = before.assigneeName();
        if (assigneeId == null && caller.is(Role.MANAGER)) {
            assigneeId = caller.id();
            assigneeName = caller.user().displayName();
            steps.add(new IssueStore.HistoryStep(id, now, caller.id(), "claimed", null, null, null, null));
        }
        steps.add(new IssueStore.HistoryStep(id, now, caller.id(), "reopened", IssueStatus.RESOLVED,
                IssueStatus.IN_PROGRESS, body.reason().strip(), null));
        IssueStore.State after = state(s, IssueStatus.IN_PROGRESS, assigneeId, now, null);
        IssueStore.Row row = before.managed(before.managerId(), before.priority(), before.firstResponseDueAt(),
                before.resolutionBaseDueAt(), after, assigneeName, null);
        return write(caller, before, row, null, "issue.reopen", steps, now);
    }

    /**
     * Resolves the issue as a duplicate of another the caller may change (root cause {@code duplicate} unless it has
     * one); the original's history names the duplicate, and its version moves on so open drawers show it.
     */
    public Issue markDuplicate(Caller caller, String id, DuplicateLink body, IfMatch ifMatch) {
        IssueStore.Row before = changeable(caller, id, ifMatch);
        ManagementRequests.validate(body);
        String originalId = body.originalId().strip();
        if (originalId.equals(id)) {
            throw DomainException.invalid("originalId", "must name another issue");
        }
        IssueStore.Row original = issues.find(originalId).filter(r -> Visibility.seesBookOf(caller, r.managerId()))
                .orElseThrow(() -> DomainException.invalid("originalId", "names no issue you can see"));
        if (original.duplicateOf() != null) {
            throw DomainException.of(DomainException.Kind.CONFLICT, "issue.duplicateOfDuplicate", originalId,
                    original.duplicateOf());
        }
        IssueStore.State s = before.state();
        if (s.status() == IssueStatus.RESOLVED) {
            throw DomainException.of(DomainException.Kind.CONFLICT, "issue.manageResolved");
        }
        Instant now = now();
        IssueStore.State moved = IssueWorkflow.move(s, IssueStatus.RESOLVED, now);
        String assigneeId = s.assigneeId() != null || !caller.is(Role.MANAGER) ? s.assigneeId() : caller.id();
        String assigneeName = Objects.equals(assigneeId, s.assigneeId()) ? before.assigneeName()
                : caller.user().displayName();
        IssueStore.State after = new IssueStore.State(moved.status(), s.rootCause() != null ? s.rootCause() : "duplicate",
                assigneeId, now, moved.firstResponseAt(), moved.resolvedAt(), moved.pauseCount(),
                moved.pausedMillis(), moved.pausedSince(), s.version() + 1);
        IssueStore.Row row = before.managed(before.managerId(), before.priority(), before.firstResponseDueAt(),
                before.resolutionBaseDueAt(), after, assigneeName, originalId);
        String note = body.note() == null || body.note().isBlank() ? null : body.note().strip();
        Issue issue = IssueWorkflow.view(row, now);
        Issue old = IssueWorkflow.view(before, now);
        List<EventLog.StoredEvent> committed = db.inTransaction(tx -> {
            if (!issues.updateManaged(tx, row, null, s.version())) {
                return null;
            }
            // The original as it is now, not as read before: its own If-Match is not the caller's business.
            IssueStore.Row current = issues.find(tx, originalId).orElseThrow();
            IssueStore.State o = current.state();
            IssueStore.Row linked = current.managed(current.managerId(), current.priority(),
                    current.firstResponseDueAt(), current.resolutionBaseDueAt(),
                    state(o, o.status(), o.assigneeId(), now, o.resolvedAt()), current.assigneeName(),
                    current.duplicateOf());
            if (!issues.updateManaged(tx, linked, null, o.version())) {
                throw stale();
            }
            issues.appendHistory(tx, new IssueStore.HistoryStep(id, now, caller.id(), "duplicate",
                    s.status(), IssueStatus.RESOLVED, note, after.rootCause(), originalId));
            issues.appendHistory(tx, new IssueStore.HistoryStep(originalId, now, caller.id(), "duplicated",
                    null, null, note, null, id));
            audit.append(tx, Audit.entry(caller, "issue.duplicate", "issue", id, old, issue, now));
            return events.append(tx, List.of(event(row, issue, row.managerId(), now),
                    event(linked, IssueWorkflow.view(linked, now), linked.managerId(), now)));
        });
        if (committed == null) {
            throw stale();
        }
        publisher.published(committed);
        return issue;
    }

    /** The issue if the caller may manage it and {@code ifMatch} names its version. */
    private IssueStore.Row changeable(Caller caller, String id, IfMatch ifMatch) {
        caller.require(Role.MANAGER, Role.SUPERVISOR, Role.ADMIN);
        IssueStore.Row row = issues.find(id).filter(r -> Visibility.seesBookOf(caller, r.managerId()))
                .orElseThrow(() -> DomainException.notFound("issue", id));
        if (ifMatch == null) {
            throw DomainException.of(DomainException.Kind.PRECONDITION_REQUIRED, "issue.ifMatchRequired");
        }
        if (!ifMatch.matches(row.state().version())) {
            throw DomainException.of(DomainException.Kind.PRECONDITION_FAILED, "issue.stale", row.state().version());
        }
        return row;
    }

    /**
     * Writes the row with its history, audit entry and event; when the issue changed queues, the old queue gets the
     * event as well.
     */
    private Issue write(Caller caller, IssueStore.Row before, IssueStore.Row row, String handlerId, String action,
                        List<IssueStore.HistoryStep> steps, Instant now) {
        Issue issue = IssueWorkflow.view(row, now);
        Issue old = IssueWorkflow.view(before, now);
        List<EventLog.StoredEvent> committed = db.inTransaction(tx -> {
            if (!issues.updateManaged(tx, row, handlerId, before.state().version())) {
                return null;
            }
            for (IssueStore.HistoryStep step : steps) {
                issues.appendHistory(tx, step);
            }
            audit.append(tx, Audit.entry(caller, action, "issue", row.id(), old, issue, now));
            List<EventLog.NewEvent> news = new ArrayList<>();
            news.add(event(row, issue, row.managerId(), now));
            if (before.managerId() != null && !before.managerId().equals(row.managerId())) {
                news.add(event(row, issue, before.managerId(), now));
            }
            return events.append(tx, news);
        });
        if (committed == null) {
            throw stale();
        }
        publisher.published(committed);
        return issue;
    }

    private static EventLog.NewEvent event(IssueStore.Row row, Issue payload, String managerId, Instant now) {
        return EventLog.NewEvent.of(EventTypes.ISSUE_UPDATED, row.merchantId(), managerId, payload, now);
    }

    /** {@code s} with another status, assignee and resolution time, updated now, one version on. */
    private static IssueStore.State state(IssueStore.State s, IssueStatus status, String assigneeId, Instant now,
                                          Instant resolvedAt) {
        return new IssueStore.State(status, s.rootCause(), assigneeId, now, s.firstResponseAt(), resolvedAt,
                s.pauseCount(), s.pausedMillis(), s.pausedSince(), s.version() + 1);
    }

    private static DomainException stale() {
        return DomainException.of(DomainException.Kind.PRECONDITION_FAILED, "issue.staleUnknown");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
