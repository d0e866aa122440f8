package io.lineone.server.issues;

import io.lineone.api.EventTypes;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.IssuePatch;
import io.lineone.api.IssueSource;
import io.lineone.api.IssueStatus;
import io.lineone.api.Merchant;
import io.lineone.api.NewIssue;
import io.lineone.api.Page;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.server.audit.Audit;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.auth.Visibility;
import io.lineone.server.core.Caller;
import io.lineone.server.core.Cursor;
import io.lineone.server.core.DomainException;
import io.lineone.server.core.Ids;
import io.lineone.server.core.IfMatch;
import io.lineone.server.db.Database;
import io.lineone.server.db.Tx;
import io.lineone.server.events.EventLog;
import io.lineone.server.events.EventPublisher;
import io.lineone.server.merchants.MerchantService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Issues: intake, the queue, claiming and the workflow. Every change writes its issue row, history, audit
 * entry and domain event in one transaction, and hands the committed event to the {@link EventPublisher}.
 * An issue is visible with its merchant's book ({@link Visibility}); one the caller may not see answers NOT_FOUND,
 * so its existence is not revealed.
 */
public final class IssueService {

    /** Issues cannot claim more money at risk than this (10 trillion CNY): a guard against overflow, not policy. */
    public static final long MAX_MONEY_CENTS = 1_000_000_000_000_000L;
    private static final int MAX_CLAIM_ATTEMPTS = 5;
    private static final Comparator<Issue> NEWEST_FIRST = Comparator.comparing(Issue::createdAt).reversed();

    /** Whose issues a list asks for. */
    public enum Assignee { ME, UNASSIGNED }

    /** Filters of {@code GET /issues}; null or empty sets match everything. */
    public record Filter(Set<IssueStatus> statuses, Set<Priority> priorities, Set<IssueCategory> categories,
                         String merchantId, String releaseId, Assignee assignee) {
    }

    private final Database db;
    private final IssueStore issues;
    private final MerchantService merchants;
    private final EventLog events;
    private final AuditLog audit;
    private final EventPublisher publisher;
    private final SlaPolicy sla;
    private final ReleaseDirectory releases;
    private final Clock clock;

    public IssueService(Database db, IssueStore issues, MerchantService merchants, EventLog events, AuditLog audit,
                        EventPublisher publisher, SlaPolicy sla, ReleaseDirectory releases, Clock clock) {
        this.db = db;
        this.issues = issues;
        this.merchants = merchants;
        this.events = events;
        this.audit = audit;
        this.publisher = publisher;
        this.sla = sla;
        this.releases = releases;
        this.clock = clock;
    }

    /** Opens an issue: SERVICE and ADMIN for any merchant, a MANAGER for one of their own. */
    public Issue create(Caller caller, NewIssue request) {
        caller.require(Role.SERVICE, Role.ADMIN, Role.MANAGER);
        IssueRequests.validate(request);
        Merchant merchant = merchants.get(caller, request.merchantId());
        requireRelease(request.releaseId());
        return insert(caller, request, merchant, now());
    }

    /** For the demo seed and simulator: no role check, and a creation time of the caller's choosing. */
    public Issue createUnchecked(Caller caller, NewIssue request, Instant createdAt) {
        IssueRequests.validate(request);
        requireRelease(request.releaseId());
        Merchant merchant = merchants.find(request.merchantId())
                .orElseThrow(() -> DomainException.notFound("merchant", request.merchantId()));
        return insert(caller, request, merchant, createdAt.truncatedTo(ChronoUnit.MILLIS));
    }

    private Issue insert(Caller caller, NewIssue request, Merchant merchant, Instant createdAt) {
        IssueStore.Row row = newRow(request, merchant, blankToNull(request.releaseId()), createdAt);
        Instant now = now();
        Issue issue = IssueWorkflow.view(row, now);
        List<EventLog.StoredEvent> committed = db.inTransaction(tx -> {
            issues.insert(tx, row);
            issues.appendHistory(tx, new IssueStore.HistoryStep(row.id(), createdAt, actor(caller), "created",
                    null, IssueStatus.NEW, null, null));
            audit.append(tx, Audit.entry(caller, "issue.create", "issue", row.id(), null, issue, now));
            return events.append(tx, List.of(event(EventTypes.ISSUE_CREATED, row, issue, now)));
        });
        publisher.published(committed);
        return issue;
    }

    /** A NEW issue of {@code merchant} as {@code request} describes it, its SLA clocks starting at {@code createdAt}. */
    private IssueStore.Row newRow(NewIssue request, Merchant merchant, String releaseId, Instant createdAt) {
        IssueStore.State state = new IssueStore.State(IssueStatus.NEW, null, null, createdAt, null, null, 0, 0, null, 1);
        return new IssueStore.Row(Ids.next("iss"), merchant.id(), merchant.name(), merchant.assignedManagerId(),
                request.category(), request.source() == null ? IssueSource.MERCHANT : request.source(),
                request.priority(), request.title().strip(),
                request.description() == null ? "" : request.description().strip(), blankToNull(request.listingId()),
                releaseId, request.moneyAtRiskCents() == null ? 0 : request.moneyAtRiskCents(), createdAt,
                sla.firstResponseDue(request.priority(), createdAt), sla.resolutionBaseDue(request.priority(), createdAt),
                state, null);
    }

    /** An issue a detector opened or resolved in its own transaction, and the event to append last in it. */
    public record InTransaction(Issue issue, EventLog.NewEvent event) {
    }

    /**
     * Opens an issue inside the caller's transaction (a detector's): history and audit are written here, the
     * event is returned for the caller to append last, with whatever else its transaction changed.
     */
    public InTransaction openIn(Tx tx, Caller caller, NewIssue request, Merchant merchant, Instant now) {
        IssueRequests.validate(request);
        IssueStore.Row row = newRow(request, merchant, null, now);
        Issue issue = IssueWorkflow.view(row, now);
        issues.insert(tx, row);
        issues.appendHistory(tx, new IssueStore.HistoryStep(row.id(), now, actor(caller), "created",
                null, IssueStatus.NEW, null, null));
        audit.append(tx, Audit.entry(caller, "issue.create", "issue", row.id(), null, issue, now));
        return new InTransaction(issue, event(EventTypes.ISSUE_CREATED, row, issue, now));
    }

    /**
     * Resolves an issue inside the caller's transaction with a note saying why (a detector whose cause is gone,
     * a fix that removed it); empty when it is resolved already or unknown. The event is the caller's to append.
     */
    public Optional<InTransaction> resolveIn(Tx tx, Caller caller, String id, String rootCause, String note,
                                                       Instant now) {
        for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
            IssueStore.Row before = issues.find(tx, id).orElse(null);
            if (before == null || before.state().status() == IssueStatus.RESOLVED) {
                return Optional.empty();
            }
            IssueStore.State s = before.state();
            IssueStore.State moved = IssueWorkflow.move(s, IssueStatus.RESOLVED, now);
            IssueStore.State after = new IssueStore.State(moved.status(),
                    s.rootCause() != null ? s.rootCause() : rootCause, s.assigneeId(), now, moved.firstResponseAt(),
                    moved.resolvedAt(), moved.pauseCount(), moved.pausedMillis(), moved.pausedSince(), s.version() + 1);
            if (!issues.update(tx, id, after, before.releaseId(), s.version())) {
                continue;
            }
            issues.appendHistory(tx, new IssueStore.HistoryStep(id, now, actor(caller), "status", s.status(),
                    IssueStatus.RESOLVED, note, after.rootCause()));
            IssueStore.Row row = before.with(after, before.assigneeName(), before.releaseId());
            Issue issue = IssueWorkflow.view(row, now);
            audit.append(tx, Audit.entry(caller, "issue.update", "issue", id, IssueWorkflow.view(before, now), issue,
                    now));
            return Optional.of(new InTransaction(issue, event(EventTypes.ISSUE_UPDATED, row, issue, now)));
        }
        return Optional.empty();
    }

    /**
     * The issues naming a release that the caller may see — the first {@code limit} of them, shown newest first;
     * all of them for the release's owner, none for another role without a book of merchants.
     */
    public List<Issue> linkedTo(Caller caller, String releaseId, int limit) {
        Visibility shown = Visibility.of(caller);
        if (shown.kind() == Visibility.Kind.NONE) {
            if (!releases.answersFor(caller.id(), "", releaseId)) {
                return List.of();
            }
            shown = Visibility.EVERYTHING;
        }
        Instant now = now();
        List<IssueStore.Row> rows = issues.list(new IssueStore.Query(shown, null, releaseId, Set.of(), Set.of(),
                Set.of(), null, false, null, limit));
        return rows.stream().map(r -> IssueWorkflow.view(r, now)).sorted(NEWEST_FIRST).toList();
    }

    private void requireRelease(String releaseId) {
        if (releaseId != null && !releaseId.isBlank() && !releases.exists(releaseId.strip())) {
            throw DomainException.invalid("releaseId", "names no release");
        }
    }

    public Issue get(Caller caller, String id) {
        return IssueWorkflow.view(readable(caller, id), now());
    }

    public List<IssueHistoryEntry> history(Caller caller, String id) {
        readable(caller, id);
        return issues.history(id);
    }

    public Page<Issue> list(Caller caller, Filter filter, Cursor cursor, int limit) {
        if (caller.is(Role.PRODUCT_OWNER)) {
            throw DomainException.of(DomainException.Kind.FORBIDDEN, "issue.productOwnerHasNoQueue");
        }
        if (filter.merchantId() != null) {
            merchants.get(caller, filter.merchantId());
        }
        List<IssueStore.Row> rows = issues.list(new IssueStore.Query(Visibility.of(caller), filter.merchantId(),
                filter.releaseId(), filter.statuses(), filter.priorities(), filter.categories(),
                filter.assignee() == Assignee.ME ? caller.id() : null, filter.assignee() == Assignee.UNASSIGNED,
                cursor.afterId(), limit + 1));
        Instant now = now();
        return Cursor.page(rows.stream().map(r -> IssueWorkflow.view(r, now)).toList(), limit, Issue::id);
    }

    /**
     * Makes the caller the assignee. Claiming is not a response to the merchant: the status stays as it is.
     * {@code ifMatch} is optional here (null skips the check).
     */
    public Issue claim(Caller caller, String id, IfMatch ifMatch) {
        for (int attempt = 1; ; attempt++) {
            IssueStore.Row before = visible(caller, id);
            caller.require(Role.MANAGER, Role.SUPERVISOR, Role.ADMIN);
            IssueStore.State s = before.state();
            if (ifMatch != null && !ifMatch.matches(s.version())) {
                throw stale(s.version());
            }
            if (caller.id().equals(s.assigneeId())) {
                return IssueWorkflow.view(before, now());
            }
            if (s.status() == IssueStatus.RESOLVED) {
                throw DomainException.of(DomainException.Kind.CONFLICT, "issue.claimResolved");
            }
            if (s.assigneeId() != null) {
                throw DomainException.of(DomainException.Kind.CONFLICT, "issue.claimedBy", before.assigneeName());
            }
            Instant now = now();
            IssueStore.State after = new IssueStore.State(s.status(), s.rootCause(), caller.id(), now,
                    s.firstResponseAt(), s.resolvedAt(), s.pauseCount(), s.pausedMillis(), s.pausedSince(),
                    s.version() + 1);
            Issue result = write(caller, before, after, caller.user().displayName(), before.releaseId(), "issue.claim",
                    List.of(new IssueStore.HistoryStep(id, now, caller.id(), "claimed", null, null, null, null)), now);
            if (result != null) {
                return result;
            }
            if (ifMatch != null || attempt >= MAX_CLAIM_ATTEMPTS) {
                throw stale(-1);
            }
            // Someone else changed the issue between our read and write: look again.
        }
    }

    /**
     * Applies a status move, a note, a root-cause tag and/or a link to a release, if the issue is still at a
     * version {@code ifMatch} names.
     *
     * @throws DomainException PRECONDITION_REQUIRED without {@code ifMatch}, PRECONDITION_FAILED when stale,
     *                         CONFLICT for a move the workflow forbids, INVALID for a resolution without a root cause
     */
    public Issue patch(Caller caller, String id, IssuePatch patch, IfMatch ifMatch) {
        IssueRequests.validate(patch);
        if (ifMatch == null) {
            throw DomainException.of(DomainException.Kind.PRECONDITION_REQUIRED, "issue.ifMatchRequired");
        }
        IssueStore.Row before = visible(caller, id);
        caller.require(Role.MANAGER, Role.SUPERVISOR, Role.ADMIN, Role.SERVICE);
        IssueStore.State s = before.state();
        if (!ifMatch.matches(s.version())) {
            throw stale(s.version());
        }
        Instant now = now();
        String note = blankToNull(patch.note());
        String rootCause = patch.rootCause() == null ? null : patch.rootCause().strip();
        boolean moves = patch.status() != null && patch.status() != s.status();
        boolean tags = rootCause != null && !rootCause.equals(s.rootCause());
        String release = patch.releaseId() == null ? before.releaseId() : blankToNull(patch.releaseId());
        boolean links = !Objects.equals(release, before.releaseId());
        if (!moves && !tags && !links && note == null) {
            return IssueWorkflow.view(before, now);
        }
        if (links) {
            requireRelease(release);
        }
        IssueStore.State after = moves ? IssueWorkflow.move(s, patch.status(), now) : s;
        String finalRootCause = tags ? rootCause : s.rootCause();
        if (after.status() == IssueStatus.RESOLVED && finalRootCause == null) {
            throw DomainException.invalid("rootCause", "is required to resolve an issue");
        }
        List<IssueStore.HistoryStep> steps = new ArrayList<>();
        String assigneeId = s.assigneeId();
        String assigneeName = before.assigneeName();
        // Working on an unassigned issue takes it, so the queue shows who is on it.
        if (moves && assigneeId == null && caller.is(Role.MANAGER, Role.SUPERVISOR, Role.ADMIN)) {
            assigneeId = caller.id();
            assigneeName = caller.user().displayName();
            steps.add(new IssueStore.HistoryStep(id, now, caller.id(), "claimed", null, null, null, null));
        }
        if (links) {
            steps.add(new IssueStore.HistoryStep(id, now, actor(caller), "release", null, null, release, null));
        }
        if (moves || tags || note != null) {
            String action = moves ? "status" : tags ? "rootCause" : "note";
            steps.add(new IssueStore.HistoryStep(id, now, actor(caller), action, moves ? s.status() : null,
                    moves ? after.status() : null, note, tags ? rootCause : null));
        }
        IssueStore.State written = new IssueStore.State(after.status(), finalRootCause, assigneeId, now,
                after.firstResponseAt(), after.resolvedAt(), after.pauseCount(), after.pausedMillis(),
                after.pausedSince(), s.version() + 1);
        Issue result = write(caller, before, written, assigneeName, release, "issue.update", steps, now);
        if (result == null) {
            throw stale(-1);
        }
        return result;
    }

    /** Writes a new state with its history, audit and event; null if the issue changed since {@code before}. */
    private Issue write(Caller caller, IssueStore.Row before, IssueStore.State after, String assigneeName,
                        String releaseId, String auditAction, List<IssueStore.HistoryStep> steps, Instant now) {
        IssueStore.Row row = before.with(after, assigneeName, releaseId);
        Issue issue = IssueWorkflow.view(row, now);
        Issue old = IssueWorkflow.view(before, now);
        List<EventLog.StoredEvent> committed = db.inTransaction(tx -> {
            if (!issues.update(tx, before.id(), after, releaseId, before.state().version())) {
                return null;
            }
            for (IssueStore.HistoryStep step : steps) {
                issues.appendHistory(tx, step);
            }
            audit.append(tx, Audit.entry(caller, auditAction, "issue", before.id(), old, issue, now));
            return events.append(tx, List.of(event(EventTypes.ISSUE_UPDATED, row, issue, now)));
        });
        if (committed == null) {
            return null;
        }
        publisher.published(committed);
        return issue;
    }

    /** The domain event of a change; appended last in its transaction, since that locks the event counter. */
    private EventLog.NewEvent event(String type, IssueStore.Row row, Issue payload, Instant now) {
        return EventLog.NewEvent.of(type, row.merchantId(), row.managerId(), payload, now);
    }

    /**
     * An issue the caller may read: one of their book, or — for a product owner, who has no book — one naming
     * their release or cited by a bell on it, since that owner must answer those customers. Changing an issue
     * stays with the book ({@link #visible}).
     */
    private IssueStore.Row readable(Caller caller, String id) {
        return issues.find(id).filter(r -> Visibility.seesBookOf(caller, r.managerId())
                        || caller.role() == Role.PRODUCT_OWNER && releases.answersFor(caller.id(), id, r.releaseId()))
                .orElseThrow(() -> DomainException.notFound("issue", id));
    }

    /** An issue the caller may change: one of their book; one they only read is refused, one they cannot is not found. */
    private IssueStore.Row visible(Caller caller, String id) {
        IssueStore.Row row = readable(caller, id);
        if (!Visibility.seesBookOf(caller, row.managerId())) {
            throw DomainException.of(DomainException.Kind.FORBIDDEN, "issue.ownerReadsOnly");
        }
        return row;
    }


    private static DomainException stale(long current) {
        return current >= 0
                ? DomainException.of(DomainException.Kind.PRECONDITION_FAILED, "issue.stale", current)
                : DomainException.of(DomainException.Kind.PRECONDITION_FAILED, "issue.staleUnknown");
    }

    private Instant now() {
        // Milliseconds: what every database here stores exactly, so an answer equals a later read.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String actor(Caller caller) {
        return caller == null ? null : caller.id();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
