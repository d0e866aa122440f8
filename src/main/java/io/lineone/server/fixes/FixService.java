package io.lineone.server.fixes;

import io.lineone.api.EventTypes;
import io.lineone.api.Fix;
import io.lineone.api.FixKind;
import io.lineone.api.FixOption;
import io.lineone.api.FixPreview;
import io.lineone.api.FixRequest;
import io.lineone.api.FixStatus;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.Ledger;
import io.lineone.api.Merchant;
import io.lineone.api.NewFix;
import io.lineone.api.Page;
import io.lineone.api.Role;
import io.lineone.server.audit.Audit;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.auth.Visibility;
import io.lineone.server.core.Caller;
import io.lineone.server.core.Cursor;
import io.lineone.server.core.DomainException;
import io.lineone.server.core.Ids;
import io.lineone.server.core.Sha256;
import io.lineone.server.core.Validation;
import io.lineone.server.db.Database;
import io.lineone.server.db.IdempotencyKeys;
import io.lineone.server.db.StoreException;
import io.lineone.server.events.Committed;
import io.lineone.server.events.EventLog;
import io.lineone.server.events.EventPublisher;
import io.lineone.server.issues.IssueService;
import io.lineone.server.listings.FixTargets;
import io.lineone.server.merchants.MerchantService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One-click fixes: preview, apply (once per {@code Idempotency-Key}, only at the previewed version), undo within
 * 24 hours, and the ledger of loss averted. Applying writes the target, the fix, the audit entry, the issue it
 * resolves and every event in one transaction. Only the merchant's manager or a supervisor may preview, apply or
 * undo; anyone else is told NOT_FOUND, as if the target did not exist.
 */
public final class FixService {

    private static final String KEY_SCOPE = "fix";
    private static final Duration MAX_LEDGER_PERIOD = Duration.ofDays(3 * 366);

    private final Database db;
    private final FixStore fixes;
    private final FixTargets targets;
    private final MerchantService merchants;
    private final IssueService issues;
    private final IdempotencyKeys keys;
    private final EventLog events;
    private final AuditLog audit;
    private final EventPublisher publisher;
    private final Clock clock;

    public FixService(Database db, FixStore fixes, FixTargets targets, MerchantService merchants, IssueService issues,
                      IdempotencyKeys keys, EventLog events, AuditLog audit, EventPublisher publisher, Clock clock) {
        this.db = db;
        this.fixes = fixes;
        this.targets = targets;
        this.merchants = merchants;
        this.issues = issues;
        this.keys = keys;
        this.events = events;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    public FixPreview preview(Caller caller, FixRequest request) {
        validate(request == null ? null : request.kind(), request == null ? null : request.targetId(),
                request == null ? null : request.issueId());
        String merchantId = actorMerchant(caller, request.kind(), request.targetId());
        requireIssue(caller, request.issueId(), merchantId);
        FixTargets.Target t = targets.preview(request.kind(), request.targetId());
        return new FixPreview(t.kind(), t.targetId(), blankToNull(request.issueId()), t.merchantId(), t.before(),
                t.after(), t.lossAvertedCents(), t.version());
    }

    /**
     * Applies a fix once per key: a retry (or a concurrent duplicate) answers the first fix, the same key with
     * another body is UNPROCESSABLE, and a target that moved on since {@code targetVersion} is PRECONDITION_FAILED
     * (preview again to see it as it is now).
     */
    public Fix apply(Caller caller, String idempotencyKey, NewFix request) {
        if (idempotencyKey == null) {
            throw DomainException.invalid("Idempotency-Key", "is required, so a retried fix is never applied twice");
        }
        validate(request.kind(), request.targetId(), request.issueId());
        String issueId = blankToNull(request.issueId());
        String merchantId = actorMerchant(caller, request.kind(), request.targetId());
        requireIssue(caller, issueId, merchantId);
        String hash = Sha256.hex(request.kind() + "\n" + request.targetId() + "\n" + issueId + "\n"
                + request.targetVersion());
        Optional<Fix> replay = replay(caller, idempotencyKey, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        Instant now = now();
        String id = Ids.next("fix");
        String why = caller.user().displayName() + " 一键修复：" + request.kind() + "（" + id + "）。";
        try {
            return db.inTransaction(tx -> {
                keys.claim(tx, KEY_SCOPE, caller.id(), idempotencyKey, new IdempotencyKeys.Claim(hash, id), now);
                Merchant merchant = merchants.lockIn(tx, merchantId);
                FixTargets.Target target = targets.previewIn(tx, request.kind(), request.targetId());
                if (target.version() != request.targetVersion()) {
                    throw stale(target.version());
                }
                FixTargets.Change change;
                try {
                    change = targets.apply(tx, caller, target, why, now);
                } catch (FixTargets.VersionMismatch e) {
                    throw stale(e.current());
                }
                List<EventLog.NewEvent> appended = new ArrayList<>(change.events());
                if (issueId != null && change.resolved().stream().noneMatch(i -> i.id().equals(issueId))) {
                    issues.resolveIn(tx, caller, issueId, "fix:" + request.kind(), why, now)
                            .ifPresent(r -> appended.add(r.event()));
                }
                Fix fix = new Fix(id, target.kind(), target.targetId(), target.title(), merchantId, merchant.name(),
                        issueId, caller.id(), caller.user().displayName(), target.before(), target.after(),
                        target.lossAvertedCents(), FixStatus.APPLIED, now, null, now.plus(FixStore.UNDO_WINDOW), 1);
                fixes.insert(tx, fix, merchant.assignedManagerId(), change.versionAfter());
                audit.append(tx, Audit.entry(caller, "fix.apply", "fix", id, null, fix, now));
                appended.add(EventLog.NewEvent.of(EventTypes.FIX_APPLIED, merchantId, merchant.assignedManagerId(),
                        fix, now));
                return new Committed<>(fix, events.append(tx, appended));
            }).publishTo(publisher);
        } catch (StoreException e) {
            if (IdempotencyKeys.lostTheRace(e)) {
                return replay(caller, idempotencyKey, hash).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** Puts back what a fix changed: within 24 hours, by its author or a supervisor, if the target did not move on. */
    public Fix undo(Caller caller, String id) {
        FixStore.Row row = visible(caller, id);
        Fix fix = row.fix();
        boolean author = caller.id().equals(fix.requestedBy()) && caller.is(Role.MANAGER)
                && caller.id().equals(row.managerId());
        if (!author && !caller.is(Role.SUPERVISOR)) {
            throw DomainException.of(DomainException.Kind.FORBIDDEN, "fix.undoAuthorOnly", fix.requestedByName());
        }
        if (fix.status() == FixStatus.UNDONE) {
            throw DomainException.of(DomainException.Kind.CONFLICT, "fix.undone");
        }
        Instant now = now();
        if (!now.isBefore(fix.undoableUntil())) {
            throw DomainException.of(DomainException.Kind.CONFLICT, "fix.undoExpired");
        }
        String why = caller.user().displayName() + " 撤销了修复 " + id + "。";
        return db.inTransaction(tx -> {
            merchants.lockIn(tx, fix.merchantId());
            FixStore.Row current = fixes.find(tx, id).orElseThrow();
            if (current.fix().status() == FixStatus.UNDONE) {
                throw DomainException.of(DomainException.Kind.CONFLICT, "fix.undone");
            }
            FixTargets.Change change;
            try {
                if (targets.versionOf(tx, fix.kind(), fix.targetId()) != current.targetVersionAfter()) {
                    throw DomainException.of(DomainException.Kind.CONFLICT, "fix.undoTargetChanged");
                }
                change = targets.undo(tx, caller, fix.kind(), fix.targetId(), fix.merchantId(), fix.before(),
                        current.targetVersionAfter(), why, now);
            } catch (FixTargets.VersionMismatch e) {
                throw DomainException.of(DomainException.Kind.CONFLICT, "fix.undoTargetChanged");
            }
            if (!fixes.markUndone(tx, id, now, caller.id(), current.fix().version())) {
                throw DomainException.of(DomainException.Kind.CONFLICT, "fix.undone");
            }
            Fix after = fixes.find(tx, id).orElseThrow().fix();
            audit.append(tx, Audit.entry(caller, "fix.undo", "fix", id, fix, after, now));
            List<EventLog.NewEvent> appended = new ArrayList<>(change.events());
            appended.add(EventLog.NewEvent.of(EventTypes.FIX_UNDONE, fix.merchantId(), current.managerId(), after, now));
            return new Committed<>(after, events.append(tx, appended));
        }).publishTo(publisher);
    }

    public Fix get(Caller caller, String id) {
        return visible(caller, id).fix();
    }

    public Page<Fix> list(Caller caller, String merchantId, String issueId, Cursor cursor, int limit) {
        if (merchantId != null) {
            merchants.get(caller, merchantId);
        }
        List<FixStore.Row> rows = fixes.list(Visibility.of(caller), merchantId, issueId, cursor.afterId(), limit + 1);
        return Cursor.page(rows.stream().map(FixStore.Row::fix).toList(), limit, Fix::id);
    }

    /** The fixes that apply to an issue (its listing's, or the merchant's cash) or to a listing. */
    public Page<FixOption> options(Caller caller, String issueId, String listingId) {
        if ((issueId == null) == (listingId == null)) {
            throw DomainException.invalid(issueId == null ? "issueId" : "listingId",
                    "give exactly one of issueId and listingId");
        }
        List<FixOption> options = new ArrayList<>();
        if (listingId != null) {
            String merchantId = targets.merchantOf(FixKind.DELIST_LISTING, listingId);
            visibleMerchant(caller, merchantId, "listing", listingId);
            options.addAll(targets.forListing(listingId, null));
        } else {
            Issue issue = issues.get(caller, issueId);
            if (issue.listingId() != null) {
                try {
                    if (targets.merchantOf(FixKind.DELIST_LISTING, issue.listingId()).equals(issue.merchantId())) {
                        options.addAll(targets.forListing(issue.listingId(), issue.category()));
                    }
                } catch (DomainException unknownListing) {
                    // An issue may name a listing the feed never sent: then no listing fix applies.
                }
            }
            if (issue.category() == IssueCategory.CASH_FLOW) {
                targets.forMerchant(issue.merchantId()).ifPresent(options::add);
            }
        }
        return new Page<>(options, null);
    }

    public Ledger ledger(Caller caller, Instant from, Instant to, String groupBy) {
        if (caller.is(Role.PRODUCT_OWNER)) {
            throw DomainException.of(DomainException.Kind.FORBIDDEN, "merchant.productOwnerHasNoBook");
        }
        Instant end = to != null ? to : now().plusMillis(1);
        Instant start = from != null ? from : end.minus(Duration.ofDays(31));
        if (!start.isBefore(end)) {
            throw DomainException.invalid("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_LEDGER_PERIOD) > 0) {
            throw DomainException.invalid("from", "must be at most " + MAX_LEDGER_PERIOD.toDays() + " days before to");
        }
        LedgerGrouping grouping = LedgerGrouping.parse(groupBy);
        return grouping.ledger(start, end, fixes.ledger(Visibility.of(caller), start, end));
    }

    private Optional<Fix> replay(Caller caller, String key, String hash) {
        Optional<IdempotencyKeys.Claim> claim = keys.find(KEY_SCOPE, caller.id(), key);
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        if (!claim.get().requestHash().equals(hash)) {
            throw DomainException.of(DomainException.Kind.UNPROCESSABLE, "fix.keyReused");
        }
        return fixes.find(claim.get().resourceId()).map(FixStore.Row::fix);
    }

    /**
     * The merchant of a fix's target, if the caller may fix it: that merchant's MANAGER or a SUPERVISOR. Whoever
     * may not see the merchant is told the target does not exist; a role that sees it but may not fix (ADMIN,
     * SERVICE) is refused as such, since for them the target plainly exists.
     */
    private String actorMerchant(Caller caller, FixKind kind, String targetId) {
        String merchantId = targets.merchantOf(kind, targetId);
        String what = switch (kind) {
            case DISABLE_COUPON_STACKING -> "coupon";
            case PAUSE_AUTO_DEDUCTION -> "merchant";
            default -> "listing";
        };
        Merchant merchant = visibleMerchant(caller, merchantId, what, targetId);
        boolean manager = caller.is(Role.MANAGER) && caller.id().equals(merchant.assignedManagerId());
        if (!manager && !caller.is(Role.SUPERVISOR)) {
            throw DomainException.of(DomainException.Kind.FORBIDDEN, "fix.managerOrSupervisorOnly");
        }
        return merchantId;
    }

    private Merchant visibleMerchant(Caller caller, String merchantId, String what, String id) {
        try {
            return merchants.get(caller, merchantId);
        } catch (DomainException e) {
            throw DomainException.notFound(what, id);
        }
    }

    private void requireIssue(Caller caller, String issueId, String merchantId) {
        if (issueId == null || issueId.isBlank()) {
            return;
        }
        Issue issue = issues.get(caller, issueId.strip());
        if (!issue.merchantId().equals(merchantId)) {
            throw DomainException.invalid("issueId", "is about another merchant than the target");
        }
    }

    private FixStore.Row visible(Caller caller, String id) {
        return fixes.find(id).filter(r -> Visibility.seesBookOf(caller, r.managerId()))
                .orElseThrow(() -> DomainException.notFound("fix", id));
    }

    private static void validate(FixKind kind, String targetId, String issueId) {
        Validation v = new Validation().required("kind", kind).text("targetId", targetId, 40);
        if (issueId != null && !issueId.isBlank()) {
            v.text("issueId", issueId, 40);
        }
        v.throwIfInvalid();
    }

    private static DomainException stale(long current) {
        return DomainException.of(DomainException.Kind.PRECONDITION_FAILED, "fix.stale", current);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
