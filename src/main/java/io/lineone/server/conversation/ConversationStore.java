package io.lineone.server.conversation;

import io.lineone.api.DeliveryStatus;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueMessage;
import io.lineone.api.IssueNote;
import io.lineone.api.MessageDirection;
import io.lineone.api.ReplyTemplate;
import io.lineone.server.db.Database;
import io.lineone.server.db.Rows;
import io.lineone.server.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Issues' conversations, the outbox of replies, internal notes and saved replies. A conversation and the outbox
 * are ordered by the row's sequence number, so two messages of the same millisecond keep the order they were
 * written in; a cursor is the id of the last message seen.
 */
public final class ConversationStore {

    private static final String MESSAGE = "select id, issue_id, merchant_id, direction, author_id, author_name, body,"
            + " template_id, at, delivery_status, delivered_at from issue_message";
    private static final String NOTE = "select id, issue_id, merchant_id, author_id, author_name, body, at"
            + " from issue_note";
    private static final String TEMPLATE = "select id, category, language, title, body, created_at from reply_template";

    private final Database db;

    public ConversationStore(Database db) {
        this.db = db;
    }

    public void insert(Tx tx, IssueMessage m) {
        tx.update("insert into issue_message (id, issue_id, merchant_id, direction, author_id, author_name, body,"
                + " template_id, at, delivery_status, delivered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.id(), m.issueId(), m.merchantId(), m.direction(), m.authorId(), m.authorName(), m.text(),
                m.templateId(), m.at(), m.deliveryStatus(), m.deliveredAt());
        // A message either way is the merchant's last contact: one delta on its activity row, in this transaction.
        tx.update("update merchant_activity set last_contact_at = ? where merchant_id = ?"
                + " and (last_contact_at is null or last_contact_at < ?)", m.at(), m.merchantId(), m.at());
    }

    /** The messages of an issue after the one with id {@code afterId} (null: from the first), oldest first. */
    public List<IssueMessage> messages(String issueId, String afterId, int limit) {
        return db.read(c -> Rows.list(c, MESSAGE + " where issue_id = ?" + after("issue_message", afterId)
                + " order by seq limit ?", args(issueId, afterId, limit), ConversationStore::message));
    }

    /** Replies not yet delivered, oldest first. */
    public List<IssueMessage> outbox(int limit) {
        return db.read(c -> Rows.list(c, MESSAGE + " where delivery_status = 'PENDING' order by seq limit ?",
                List.of(limit), ConversationStore::message));
    }

    public Optional<IssueMessage> message(Tx tx, String id) {
        return tx.first(MESSAGE + " where id = ?", List.of(id), ConversationStore::message);
    }

    /** Marks a pending reply delivered; false when it was not pending (delivered already, or no reply). */
    public boolean markDelivered(Tx tx, String id, Instant at) {
        return tx.update("update issue_message set delivery_status = 'DELIVERED', delivered_at = ?"
                + " where id = ? and delivery_status = 'PENDING'", at, id) == 1;
    }

    public void insert(Tx tx, IssueNote n) {
        tx.update("insert into issue_note (id, issue_id, merchant_id, author_id, author_name, body, at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", n.id(), n.issueId(), n.merchantId(), n.authorId(), n.authorName(),
                n.text(), n.at());
    }

    public Optional<IssueMessage> findMessage(String id) {
        return db.read(c -> Rows.first(c, MESSAGE + " where id = ?", List.of(id), ConversationStore::message));
    }

    public Optional<IssueNote> findNote(String id) {
        return db.read(c -> Rows.first(c, NOTE + " where id = ?", List.of(id), ConversationStore::note));
    }

    public List<IssueNote> notes(String issueId, String afterId, int limit) {
        return db.read(c -> Rows.list(c, NOTE + " where issue_id = ?" + after("issue_note", afterId)
                + " order by seq limit ?", args(issueId, afterId, limit), ConversationStore::note));
    }

    public void insert(Tx tx, ReplyTemplate t, String createdBy) {
        tx.update("insert into reply_template (id, category, language, title, body, created_by, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", t.id(), t.category(), t.language(), t.title(), t.text(), createdBy,
                t.createdAt());
    }

    /** Saved replies of one category and those for every category (null: all of them), oldest first. */
    public List<ReplyTemplate> templates(IssueCategory category) {
        return db.read(c -> category == null
                ? Rows.list(c, TEMPLATE + " order by seq", List.of(), ConversationStore::template)
                : Rows.list(c, TEMPLATE + " where category = ? or category is null order by seq", List.of(category),
                        ConversationStore::template));
    }

    public Optional<ReplyTemplate> template(String id) {
        return db.read(c -> Rows.first(c, TEMPLATE + " where id = ?", List.of(id), ConversationStore::template));
    }

    private static String after(String table, String afterId) {
        return afterId == null ? "" : " and seq > coalesce((select seq from " + table + " where id = ?), 0)";
    }

    private static List<Object> args(String issueId, String afterId, int limit) {
        List<Object> args = new ArrayList<>();
        args.add(issueId);
        if (afterId != null) {
            args.add(afterId);
        }
        args.add(limit);
        return args;
    }

    private static IssueMessage message(ResultSet r) throws SQLException {
        String delivery = r.getString("delivery_status");
        return new IssueMessage(r.getString("id"), r.getString("issue_id"), r.getString("merchant_id"),
                MessageDirection.valueOf(r.getString("direction")), r.getString("author_id"),
                r.getString("author_name"), r.getString("body"), r.getString("template_id"), Rows.instant(r, "at"),
                delivery == null ? null : DeliveryStatus.valueOf(delivery), Rows.instant(r, "delivered_at"));
    }

    private static IssueNote note(ResultSet r) throws SQLException {
        return new IssueNote(r.getString("id"), r.getString("issue_id"), r.getString("merchant_id"),
                r.getString("author_id"), r.getString("author_name"), r.getString("body"), Rows.instant(r, "at"));
    }

    private static ReplyTemplate template(ResultSet r) throws SQLException {
        String category = r.getString("category");
        return new ReplyTemplate(r.getString("id"), category == null ? null : IssueCategory.valueOf(category),
                r.getString("language"), r.getString("title"), r.getString("body"), Rows.instant(r, "created_at"));
    }
}
