package io.lineone.server.releases;

import io.lineone.api.Bell;
import io.lineone.api.BellComment;
import io.lineone.api.BellMetrics;
import io.lineone.api.BellStatus;
import io.lineone.api.BellStep;
import io.lineone.api.EventTypes;
import io.lineone.api.EvidenceAddition;
import io.lineone.api.NewBell;
import io.lineone.api.NewComment;
import io.lineone.api.Page;
import io.lineone.api.Release;
import io.lineone.api.ReleaseStage;
import io.lineone.api.Role;
import io.lineone.server.audit.Audit;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.core.Caller;
import io.lineone.server.core.Cursor;
import io.lineone.server.core.DomainException;
import io.lineone.server.core.Ids;
import io.lineone.server.core.Sha256;
import io.lineone.server.core.Validation;
import io.lineone.server.db.Database;
import io.lineone.server.db.IdempotencyKeys;
import io.lineone.server.db.StoreException;
import io.lineone.server.db.Tx;
import io.lineone.server.events.Committed;
import io.lineone.server.events.EventLog;
import io.lineone.server.events.EventPublisher;
import io.lineone.server.issues.IssueService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bells (拉铃): pulled by the people who hear the customers, with issues as evidence, stopping the release until
 * it is fixed and the puller agrees — or a supervisor overrules. Every step writes the bell, a comment, an audit
 * entry and its events in one transaction; the release's gate follows in the same one.
 */
public final class BellService {

    private static final Logger LOG = LoggerFactory.getLogger(BellService.class);
    static final int MIN_REASON = 20;
    private static final int MAX_TEXT = 2000;
    private static final int MAX_EVIDENCE = 100;
    private static final String KEY_SCOPE = "bell";
    private static final String COMMENT_KEY_SCOPE = "bell.comment";
    private static final Duration MAX_METRICS_PERIOD = Duration.ofDays(3 * 366);

    private final Database db;
    private final BellStore bells;
    private final ReleaseStore releases;
    private final IssueService issues;
    private final IdempotencyKeys keys;
    private final EventLog events;
    private final AuditLog audit;
    private final EventPublisher publisher;
    private final BellPolicy policy;
    private final Clock clock;

    public BellService(Database db, BellStore bells, ReleaseStore releases, IssueService issues, IdempotencyKeys keys,
                       EventLog events, AuditLog audit, EventPublisher publisher, BellPolicy policy, Clock clock) {
        this.db = db;
        this.bells = bells;
        this.releases = releases;
        this.issues = issues;
        this.keys = keys;
        this.events = events;
        this.audit = audit;
        this.publisher = publisher;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Pulls a bell. With an {@code idempotencyKey}, a retry of the same request answers the first bell and a
     * concurrent duplicate makes no second one; the same key with another request is UNPROCESSABLE.
     */
    public Bell pull(Caller caller, String releaseId, String idempotencyKey, NewBell request) {
        caller.require(Role.MANAGER, Role.SUPERVISOR, Role.ADMIN);
        List<String> evidence = validate(request);
        Release release = releases.find(releaseId).map(ReleaseStore.Row::release)
                .orElseThrow(() -> DomainException.notFound("release", releaseId));
        if (release.stage() == ReleaseStage.ROLLED_BACK) {
            throw DomainException.of(DomainException.Kind.CONFLICT, "bell.rolledBack");
        }
        evidence.forEach(issueId -> issues.get(caller, issueId));
        String hash = Sha256.hex(releaseId + "\n" + request.severity() + "\n" + String.join(",", evidence) + "\n"
                + request.reason().strip());
        if (idempotencyKey != null) {
            Optional<Bell> replay = replay(caller, idempotencyKey, hash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Instant now = now();
        Bell bell = new Bell(Ids.next("bel"), release.id(), release.name(), caller.id(), caller.user().displayName(),
                request.reason().strip(), request.severity(), BellStatus.OPEN, evidence, 0, 0, null, List.of(), now,
                now, policy.acknowledgeDue(request.severity(), now), null, null, null, false, 1);
        try {
            return db.inTransaction(tx -> {
                if (idempotencyKey != null) {
                    keys.claim(tx, KEY_SCOPE, caller.id(), idempotencyKey, new IdempotencyKeys.Claim(hash, bell.id()), now);
                }
                Release before = lockRelease(tx, releaseId);
                bells.insert(tx, bell);
                bells.addEvidence(tx, bell.id(), evidence, now);
                return commit(tx, caller, "bell.pull", EventTypes.BELL_PULLED, null, bell.id(), before, now);
            }).publishTo(publisher);
        } catch (StoreException e) {
            if (idempotencyKey != null && IdempotencyKeys.lostTheRace(e)) {
                return replay(caller, idempotencyKey, hash).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    public Bell get(String id) {
        return bells.find(id, now()).orElseThrow(() -> DomainException.notFound("bell", id));
    }

    public Page<Bell> list(BellStatus status, String releaseId, boolean overdue, Cursor cursor, int limit) {
        return Cursor.page(bells.list(new BellStore.Query(status, releaseId, overdue, cursor.afterId(), limit + 1),
                now()), limit, Bell::id);
    }

    /**
     * How the bells pulled in {@code [from, to)} went, by product area and month; the last year by default. A
     * period longer than {@link #MAX_METRICS_PERIOD} is refused, so one request cannot read the whole history.
     */
    public BellMetrics metrics(Instant from, Instant to) {
        // By default up to now, this very millisecond included.
        Instant end = to != null ? to : now().plusMillis(1);
        Instant start = from != null ? from : end.minus(Duration.ofDays(365));
        if (!start.isBefore(end)) {
            throw DomainException.invalid("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_METRICS_PERIOD) > 0) {
            throw DomainException.invalid("from", "must be at most " + MAX_METRICS_PERIOD.toDays() + " days before to");
        }
        return new BellMetrics(start, end, BellStatistics.byAreaAndMonth(bells.samples(start, end)));
    }

    /** One step of the workflow, with an optional note (a required justification to overrule). */
    public Bell step(Caller caller, String id, BellWorkflow step, BellStep body) {
        Bell current = get(id);
        Release release = releases.find(current.releaseId()).map(ReleaseStore.Row::release).orElseThrow();
        step.requireParty(caller, current, release);
        String note = body == null ? null : body.note();
        String justification = body == null ? null : body.justification();
        Validation v = new Validation().optionalLongText("note", note, MAX_TEXT);
        if (step == BellWorkflow.OVERRULE) {
            v.text("justification", justification == null ? null : justification.strip(), MAX_TEXT);
        } else {
            // Not kept by any other step, but still held to the same rules: a broken field is refused, not dropped.
            v.optionalLongText("justification", justification, MAX_TEXT);
        }
        v.throwIfInvalid();
        Instant now = now();
        String text = step == BellWorkflow.OVERRULE ? justification.strip() : note == null ? "" : note.strip();
        return db.inTransaction(tx -> {
            Release before = lockRelease(tx, current.releaseId());
            Bell bell = bells.find(tx, id, now).orElseThrow();
            Bell after = step.apply(bell, text, now, policy);
            if (!bells.update(tx, after, bell.version())) {
                throw DomainException.of(DomainException.Kind.CONFLICT, "bell.changed", step);
            }
            bells.addComment(tx, id, new BellComment(caller.id(), null, text, step.path(), now));
            return commit(tx, caller, "bell." + step.path(), EventTypes.BELL_UPDATED, bell, id, before, now);
        }).publishTo(publisher);
    }

    /**
     * A comment. With an {@code idempotencyKey}, a retry of the same comment (after a timeout, or a backend that
     * went away before answering) answers the bell and adds nothing; the same key with another text is UNPROCESSABLE.
     */
    public Bell comment(Caller caller, String id, String idempotencyKey, NewComment request) {
        caller.require(Role.MANAGER, Role.SUPERVISOR, Role.PRODUCT_OWNER, Role.ADMIN);
        String text = request.text() == null ? null : request.text().strip();
        new Validation().text("text", text, MAX_TEXT).throwIfInvalid();
        Bell bell = get(id);
        String hash = Sha256.hex(id + "\n" + text);
        if (idempotencyKey != null) {
            Optional<Bell> replay = replay(COMMENT_KEY_SCOPE, caller, idempotencyKey, hash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Instant now = now();
        try {
            return db.inTransaction(tx -> {
                if (idempotencyKey != null) {
                    keys.claim(tx, COMMENT_KEY_SCOPE, caller.id(), idempotencyKey, new IdempotencyKeys.Claim(hash, id), now);
                }
                bells.addComment(tx, id, new BellComment(caller.id(), null, text, null, now));
                return commit(tx, caller, "bell.comment", EventTypes.BELL_UPDATED, bell, id, null, now);
            }).publishTo(publisher);
        } catch (StoreException e) {
            if (idempotencyKey != null && IdempotencyKeys.lostTheRace(e)) {
                return replay(COMMENT_KEY_SCOPE, caller, idempotencyKey, hash).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** More evidence for a bell that still blocks: issues the caller may see, each counted once. */
    public Bell addEvidence(Caller caller, String id, EvidenceAddition request) {
        caller.require(Role.MANAGER, Role.SUPERVISOR, Role.ADMIN);
        List<String> ids = evidence("issueIds", request.issueIds(), new Validation());
        Bell bell = get(id);
        if (!bell.status().blocks()) {
            throw DomainException.of(DomainException.Kind.CONFLICT, "bell.noMoreEvidence", bell.status());
        }
        ids.forEach(issueId -> issues.get(caller, issueId));
        Instant now = now();
        return db.inTransaction(tx -> {
            if (bells.addEvidence(tx, id, ids, now) == 0) {
                return new Committed<>(bells.find(tx, id, now).orElseThrow(), List.<EventLog.StoredEvent>of());
            }
            return commit(tx, caller, "bell.evidence", EventTypes.BELL_UPDATED, bell, id, null, now);
        }).publishTo(publisher);
    }

    /**
     * Raises every OPEN bell past its acknowledge time, once: a {@code bell.updated} event with {@code overdue}
     * set, which every supervisor's console shows. Safe on several backends: each bell is raised by one.
     *
     * @return how many bells were raised
     */
    public int escalateOverdue() {
        Instant now = now();
        int raised = 0;
        for (String id : bells.overdueNotEscalated(now, 100)) {
            Optional<Bell> bell = db.inTransaction(tx -> {
                if (!bells.markEscalated(tx, id, now)) {
                    return new Committed<>(Optional.<Bell>empty(), List.<EventLog.StoredEvent>of());
                }
                Bell overdue = bells.find(tx, id, now).orElseThrow();
                audit.append(tx, Audit.entry(null, "bell.escalate", "bell", id, null, overdue, now));
                return new Committed<>(Optional.of(overdue), events.append(tx,
                        List.of(EventLog.NewEvent.global(EventTypes.BELL_UPDATED, overdue, now))));
            }).publishTo(publisher);
            if (bell.isPresent()) {
                raised++;
            }
        }
        return raised;
    }

    /**
     * Looks for overdue bells every {@code interval} on a daemon thread of its own, until closed. A failed look
     * (the database away for a moment) is logged and tried again at the next tick.
     */
    public AutoCloseable startClock(Duration interval) {
        ScheduledExecutorService clockThread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lineone-bell-clock");
            thread.setDaemon(true);
            return thread;
        });
        clockThread.scheduleWithFixedDelay(() -> {
            try {
                escalateOverdue();
            } catch (RuntimeException e) {
                LOG.warn("cannot look for overdue bells: {}", e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return clockThread::shutdownNow;
    }

    private Optional<Bell> replay(Caller caller, String key, String hash) {
        return replay(KEY_SCOPE, caller, key, hash);
    }

    private Optional<Bell> replay(String scope, Caller caller, String key, String hash) {
        return keys.find(scope, caller.id(), key).map(claim -> {
            if (!claim.requestHash().equals(hash)) {
                throw DomainException.of(DomainException.Kind.UNPROCESSABLE, "bell.keyReused");
            }
            return get(claim.resourceId());
        });
    }

    private Release lockRelease(Tx tx, String releaseId) {
        return releases.lock(tx, releaseId).map(ReleaseStore.Row::release)
                .orElseThrow(() -> DomainException.notFound("release", releaseId));
    }

    /**
     * The audit entry and events of a bell's change, in its transaction: the bell event, and a release event
     * when the change moved the release's gate ({@code releaseBefore} null: it cannot have).
     */
    private Committed<Bell> commit(Tx tx, Caller caller, String action, String type, Bell before, String id,
                                   Release releaseBefore, Instant now) {
        Bell after = bells.find(tx, id, now).orElseThrow();
        audit.append(tx, Audit.entry(caller, action, "bell", id, before, after, now));
        List<EventLog.NewEvent> changes = new ArrayList<>();
        changes.add(EventLog.NewEvent.global(type, after, now));
        if (releaseBefore != null) {
            Release releaseAfter = releases.find(tx, releaseBefore.id()).orElseThrow().release();
            if (releaseAfter.gate() != releaseBefore.gate()) {
                changes.add(EventLog.NewEvent.global(EventTypes.RELEASE_UPDATED, releaseAfter, now));
            }
        }
        return new Committed<>(after, events.append(tx, changes));
    }

    private static List<String> validate(NewBell request) {
        Validation v = new Validation();
        String reason = request.reason() == null ? null : request.reason().strip();
        v.optionalLongText("reason", reason, MAX_TEXT);
        if (reason == null || reason.codePointCount(0, reason.length()) < MIN_REASON) {
            v.add("reason", "must say why in at least " + MIN_REASON + " characters");
        }
        v.required("severity", request.severity());
        return evidence("evidenceIssueIds", request.evidenceIssueIds(), v);
    }

    private static List<String> evidence(String field, List<String> ids, Validation v) {
        if (ids == null || ids.isEmpty()) {
            v.add(field, "must name at least one issue");
        } else if (ids.size() > MAX_EVIDENCE) {
            v.add(field, "must name at most " + MAX_EVIDENCE + " issues");
        } else {
            for (String issueId : ids) {
                v.text(field, issueId, 40);
            }
        }
        v.throwIfInvalid();
        return List.copyOf(new LinkedHashSet<>(ids.stream().map(String::strip).toList()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
