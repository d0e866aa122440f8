package io.lineone.server.conversation;

import io.lineone.api.DeliveryStatus;
import io.lineone.api.EventTypes;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.MessageDirection;
import io.lineone.api.NewMessage;
import io.lineone.api.NewNote;
import io.lineone.api.NewReplyTemplate;
import io.lineone.api.Page;
import io.lineone.api.ReplyTemplate;
import io.lineone.api.Role;
import io.lineone.server.audit.Audit;
import io.lineone.server.audit.AuditLog;
import io.lineone.server.core.Caller;
import io.lineone.server.core.Cursor;
import io.lineone.server.core.DomainException;
import io.lineone.server.core.Ids;
import io.lineone.server.core.Sha256;
import io.lineone.server.db.Database;
import io.lineone.server.db.IdempotencyKeys;
import io.lineone.server.db.StoreException;
import io.lineone.server.events.EventLog;
import io.lineone.server.events.EventPublisher;
import io.lineone.server.issues.IssueReplies;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An issue's conversation with its merchant, the outbox its replies leave through, internal notes and saved
 * replies. The marketplace feed (SERVICE) posts the merchant's messages; the merchant's manager or a supervisor
 * replies. The first reply is the issue's first response: {@link IssueReplies#answered} moves the issue in the
 * reply's own transaction, so the message, the issue's change, their audit entries and their events commit
 * together. A reply waits in the outbox (PENDING) until the connector says it is delivered, so nothing is lost
 * while the connector is down. Notes never enter the outbox.
 */
public final class ConversationService {

    private static final int MAX_ATTEMPTS = 5;
    private static final String NOTE_KEY_SCOPE = "issue.note";
    private static final String MESSAGE_KEY_SCOPE = "issue.message";

    private final Database db;
    private final ConversationStore store;
    private final IssueReplies issues;
    private final EventLog events;
    private final AuditLog audit;
    private final EventPublisher publisher;
    private final Clock clock;
    private final IdempotencyKeys keys;

    public ConversationService(Database db, ConversationStore store, IssueReplies issues, EventLog events,
                               AuditLog audit, EventPublisher publisher, Clock clock, IdempotencyKeys keys) {
        this.keys = keys;
        this.db = db;
        this.store = store;
        this.issues = issues;
        this.events = events;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Posts a message: SERVICE posts the merchant's (INBOUND); the merchant's manager or a supervisor replies
     * (OUTBOUND, PENDING in the outbox).
     */
    public IssueMessage post(Caller caller, String issueId, NewMessage request) {
        return post(caller, issueId, null, request);
    }

    /**
     * {@link #post(Caller, String, NewMessage)} with an {@code idempotencyKey}: a message sent again because its
     * answer was lost answers the first message and reaches the merchant once; the same key with another text is
     * UNPROCESSABLE.
     */
    public IssueMessage post(Caller caller, String issueId, String idempotencyKey, NewMessage request) {
        caller.require(Role.SERVICE, Role.MANAGER, Role.SUPERVISOR);
        ConversationRequests.validate(request);
        IssueReplies.Subject subject = issues.subject(caller, issueId);
        boolean inbound = caller.is(Role.SERVICE);
        String templateId = blankToNull(request.templateId());
        if (templateId != null && store.template(templateId).isEmpty()) {
            throw DomainException.invalid("templateId", "names no saved reply");
        }
        String text = ConversationRequests.clean(request.text());
        String hash = Sha256.hex(issueId + "\n" + text + "\n" + templateId);
        if (idempotencyKey != null) {
            Optional<IssueMessage> replay = replay(MESSAGE_KEY_SCOPE, caller, idempotencyKey, hash, "message.keyReused",
                    store::findMessage);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        for (int attempt = 1; ; attempt++) {
            Instant now = now();
            IssueMessage message = new IssueMessage(Ids.next("msg"), issueId, subject.issue().merchantId(),
                    inbound ? MessageDirection.INBOUND : MessageDirection.OUTBOUND, caller.id(),
                    inbound ? subject.issue().merchantName() : caller.user().displayName(),
                    text, templateId, now, inbound ? null : DeliveryStatus.PENDING, null);
            try {
                List<EventLog.StoredEvent> committed = db.inTransaction(tx -> {
                    if (idempotencyKey != null) {
                        keys.claim(tx, MESSAGE_KEY_SCOPE, caller.id(), idempotencyKey,
                                new IdempotencyKeys.Claim(hash, message.id()), now);
                    }
                    store.insert(tx, message);
                    audit.append(tx, Audit.entry(caller, inbound ? "message.receive" : "message.reply", "issue",
                            issueId, null, message, now));
                    List<EventLog.NewEvent> appended = new ArrayList<>();
                    appended.add(EventLog.NewEvent.of(EventTypes.ISSUE_MESSAGE, message.merchantId(),
                            subject.managerId(), message, now));
                    if (!inbound) {
                        appended.addAll(issues.answered(tx, caller, issueId, now).events());
                    }
                    return events.append(tx, appended);
                });
                publisher.published(committed);
                return message;
            } catch (DomainException e) {
                // The issue changed between our read and write inside the transaction: write the reply again.
                if (e.kind() != DomainException.Kind.PRECONDITION_FAILED || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            } catch (StoreException e) {
                if (idempotencyKey != null && IdempotencyKeys.lostTheRace(e)) {
                    return replay(MESSAGE_KEY_SCOPE, caller, idempotencyKey, hash, "message.keyReused",
                            store::findMessage).orElseThrow(() -> e);
                }
                throw e;
            }
        }
    }

    /** The conversation, oldest first: for anyone who sees the issue's merchant but a product owner. */
    public Page<IssueMessage> messages(Caller caller, String issueId, Cursor cursor, int limit) {
        caller.require(Role.SERVICE, Role.MANAGER, Role.SUPERVISOR, Role.ADMIN);
        issues.subject(caller, issueId);
        return Cursor.page(store.messages(issueId, cursor.afterId(), limit + 1), limit, IssueMessage::id);
    }

    /** Replies the connector has not acknowledged yet, oldest first (SERVICE). */
    public Page<IssueMessage> outbox(Caller caller, int limit) {
        caller.require(Role.SERVICE);
        return new Page<>(store.outbox(limit), null);
    }

    /**
     * The connector acknowledges a reply (SERVICE). Idempotent: a reply delivered already is answered as it is,
     * without a second event.
     */
    public IssueMessage delivered(Caller caller, String messageId) {
        caller.require(Role.SERVICE);
        Instant now = now();
        record Outcome(IssueMessage message, List<EventLog.StoredEvent> events) {
        }
        Outcome outcome = db.inTransaction(tx -> {
            IssueMessage before = store.message(tx, messageId)
                    .filter(m -> m.direction() == MessageDirection.OUTBOUND)
                    .orElseThrow(() -> DomainException.notFound("message", messageId));
            if (!store.markDelivered(tx, messageId, now)) {
                return new Outcome(store.message(tx, messageId).orElseThrow(), List.of());
            }
            IssueMessage after = store.message(tx, messageId).orElseThrow();
            audit.append(tx, Audit.entry(caller, "message.delivered", "issue", after.issueId(), before, after, now));
            IssueReplies.Subject subject = issues.subject(caller, after.issueId());
            return new Outcome(after, events.append(tx, List.of(EventLog.NewEvent.of(EventTypes.ISSUE_MESSAGE,
                    after.merchantId(), subject.managerId(), after, now))));
        });
        publisher.published(outcome.events());
        return outcome.message();
    }

    /**
     * Adds an internal note: the merchant's manager or a supervisor. With an {@code idempotencyKey}, a retry of the
     * same note (its answer lost when the backend went away) answers the first note and adds nothing; the same key
     * with another text is UNPROCESSABLE.
     */
    public IssueNote addNote(Caller caller, String issueId, String idempotencyKey, NewNote request) {
        caller.require(Role.MANAGER, Role.SUPERVISOR);
        ConversationRequests.validate(request);
        IssueReplies.Subject subject = issues.subject(caller, issueId);
        String text = ConversationRequests.clean(request.text());
        String hash = Sha256.hex(issueId + "\n" + text);
        if (idempotencyKey != null) {
            Optional<IssueNote> replay = replay(NOTE_KEY_SCOPE, caller, idempotencyKey, hash, "note.keyReused",
                    store::findNote);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Instant now = now();
        IssueNote note = new IssueNote(Ids.next("note"), issueId, subject.issue().merchantId(), caller.id(),
                caller.user().displayName(), text, now);
        List<EventLog.StoredEvent> committed;
        try {
            committed = db.inTransaction(tx -> {
                if (idempotencyKey != null) {
                    keys.claim(tx, NOTE_KEY_SCOPE, caller.id(), idempotencyKey, new IdempotencyKeys.Claim(hash, note.id()),
                            now);
                }
                store.insert(tx, note);
                audit.append(tx, Audit.entry(caller, "note.add", "issue", issueId, null, note, now));
                return events.append(tx, List.of(EventLog.NewEvent.of(EventTypes.ISSUE_NOTE, note.merchantId(),
                        subject.managerId(), note, now)));
            });
        } catch (StoreException e) {
            if (idempotencyKey != null && IdempotencyKeys.lostTheRace(e)) {
                return replay(NOTE_KEY_SCOPE, caller, idempotencyKey, hash, "note.keyReused", store::findNote)
                        .orElseThrow(() -> e);
            }
            throw e;
        }
        publisher.published(committed);
        return note;
    }

    /** The first answer to a request sent again with its key; UNPROCESSABLE when the key came with another request. */
    private <T> Optional<T> replay(String scope, Caller caller, String key, String hash, String reusedProblem,
                                   Function<String, Optional<T>> find) {
        return keys.find(scope, caller.id(), key).map(claim -> {
            if (!claim.requestHash().equals(hash)) {
                throw DomainException.of(DomainException.Kind.UNPROCESSABLE, reusedProblem);
            }
            return find.apply(claim.resourceId()).orElseThrow();
        });
    }

    /** The notes of an issue, oldest first: the team only (the merchant's manager, supervisors). */
    public Page<IssueNote> notes(Caller caller, String issueId, Cursor cursor, int limit) {
        caller.require(Role.MANAGER, Role.SUPERVISOR);
        issues.subject(caller, issueId);
        return Cursor.page(store.notes(issueId, cursor.afterId(), limit + 1), limit, IssueNote::id);
    }

    /** Saved replies for a category (with those for every category); all of them without one. */
    public List<ReplyTemplate> templates(Caller caller, IssueCategory category) {
        caller.require(Role.MANAGER, Role.SUPERVISOR, Role.ADMIN);
        return store.templates(category);
    }

    /** Saves a reply for the team (SUPERVISOR, ADMIN); no category: for every category. */
    public ReplyTemplate addTemplate(Caller caller, NewReplyTemplate request) {
        caller.require(Role.SUPERVISOR, Role.ADMIN);
        ConversationRequests.validate(request);
        Instant now = now();
        ReplyTemplate template = new ReplyTemplate(Ids.next("tpl"), request.category(), request.language(),
                ConversationRequests.clean(request.title()), ConversationRequests.clean(request.text()), now);
        db.inTransaction(tx -> {
            store.insert(tx, template, caller.id());
            audit.append(tx, Audit.entry(caller, "replyTemplate.create", "replyTemplate", template.id(), null,
                    template, now));
            return null;
        });
        return template;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
