package io.lineone.server.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.EventTypes;
import io.lineone.api.Json;
import io.lineone.server.auth.Visibility;
import io.lineone.server.db.Database;
import io.lineone.server.db.Rows;
import io.lineone.server.db.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The domain event log: append inside the transaction of the change, read back by id for replay.
 *
 * <p><b>Why ids are taken from a locked counter row.</b> A subscriber resumes with "every event after id N".
 * That is only gap-free if no event can commit <em>later</em> with an id <em>lower</em> than one already
 * visible. A plain identity or sequence does not promise that: two transactions draw 7 and 8, the one with 8
 * commits first, a reader sees 8, moves its cursor to 8, and 7 — committed a moment later — is never read.
 * So {@link #append} takes the next ids from the {@code event_sequence} row under {@code select … for update}
 * and the row stays locked until the writing transaction ends. Consequences, on H2 and PostgreSQL alike:
 * <ul>
 * <li>events commit in id order: id n+1 cannot be drawn before the transaction holding n commits or rolls back;
 * <li>ids are dense (1, 2, 3, …): a rolled-back transaction also rolls back its increment. A reader that holds
 *     id n+1 therefore knows n is already committed, which is what lets the event hub fill a hole from here;
 * <li>the price is that event-writing transactions serialise on that row from {@link #append} to commit. Callers
 *     append as the <em>last</em> statement before commit, so the lock is held for one insert and the commit.
 * </ul>
 * If that ever limits throughput, the alternative is an outbox: append without an id and let one sequencer
 * (one per cluster, under the same row lock) number committed rows in batches.
 */
public final class EventLog {

    /** An event to append; {@code payload} is JSON. */
    public record NewEvent(String type, String merchantId, String managerId, String payload, Instant at) {

        private static final ObjectMapper JSON = Json.mapper();

        /** An event whose payload is {@code body} as the API writes it. */
        public static NewEvent of(String type, String merchantId, String managerId, Object body, Instant at) {
            try {
                return new NewEvent(type, merchantId, managerId, JSON.writeValueAsString(body), at);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the payload of " + type, e);
            }
        }

        /** An event of no merchant (a release or a bell): every signed-in caller sees it. */
        public static NewEvent global(String type, Object body, Instant at) {
            return of(type, null, null, body, at);
        }
    }

    /** A committed event. */
    public record StoredEvent(long id, String type, String merchantId, String managerId, String payload, Instant at) {
    }

    private static final String COLUMNS = "e.id, e.type, e.merchant_id, e.manager_id, e.payload, e.at";

    private final Database db;

    public EventLog(Database db) {
        this.db = db;
    }

    /**
     * Appends events in the caller's transaction, numbering them from the locked counter. Call it last in the
     * transaction: the counter row stays locked until the transaction ends.
     */
    public List<StoredEvent> append(Tx tx, List<NewEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return tx.jdbc(connection -> {
            long last;
            try (PreparedStatement lock = connection.prepareStatement(
                    "select last_id from event_sequence where name = 'domain_event' for update");
                 ResultSet rows = lock.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("the event_sequence row is missing");
                }
                last = rows.getLong(1);
            }
            try (PreparedStatement bump = connection.prepareStatement(
                    "update event_sequence set last_id = ? where name = 'domain_event'")) {
                bump.setLong(1, last + events.size());
                bump.executeUpdate();
            }
            List<StoredEvent> stored = new ArrayList<>(events.size());
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into domain_event (id, type, merchant_id, manager_id, payload, at) values (?, ?, ?, ?, ?, ?)")) {
                for (NewEvent event : events) {
                    long id = ++last;
                    insert.setLong(1, id);
                    insert.setString(2, event.type());
                    insert.setString(3, event.merchantId());
                    insert.setString(4, event.managerId());
                    insert.setString(5, event.payload());
                    Rows.setInstant(insert, 6, event.at());
                    insert.addBatch();
                    stored.add(new StoredEvent(id, event.type(), event.merchantId(), event.managerId(), event.payload(),
                            event.at()));
                }
                insert.executeBatch();
            }
            return stored;
        });
    }

    /** The id of the newest committed event, 0 when there is none. */
    public long lastId() {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select last_id from event_sequence where name = 'domain_event'");
                 ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }

    /** Every committed event after {@code afterId}, in id order, at most {@code limit}. */
    public List<StoredEvent> after(long afterId, int limit) {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + COLUMNS + " from domain_event e where e.id > ? order by e.id limit ?")) {
                select.setLong(1, afterId);
                select.setInt(2, limit);
                return events(select);
            }
        });
    }

    /**
     * The committed events after {@code afterId} that {@code shown} sees, in id order, at most {@code limit}, and
     * the highest id examined (seen or not), so a caller can page on without reading a row twice. "Their own"
     * here means the merchant's manager now, so a merchant moved to another book takes its history with it; a manager
     * also replays the events addressed to them about an issue handed over to their queue, and the
     * {@code merchant.updated} addressed to them when a merchant of theirs moved to another book.
     */
    public Replay replay(long afterId, Visibility shown, int limit) {
        return db.read(connection -> {
            // Page over every event (not only visible ones) so that one page always advances the cursor.
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + COLUMNS + ", case when e.merchant_id is null or "
                            + shown.sql("m.assigned_manager_id") + handedOver(shown) + " then 1 else 0 end as shown"
                            + " from domain_event e left join merchant m on m.id = e.merchant_id"
                            + " where e.id > ? order by e.id limit ?")) {
                List<Object> parameters = new ArrayList<>(shown.parameters());
                if (shown.kind() == Visibility.Kind.BOOK) {
                    parameters.add(shown.managerId());
                    parameters.add(shown.managerId());
                    parameters.add(shown.managerId());
                }
                parameters.add(afterId);
                parameters.add(limit);
                Rows.bind(select, parameters);
                List<StoredEvent> visible = new ArrayList<>();
                long highest = afterId;
                int count = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        count++;
                        StoredEvent event = event(rows);
                        highest = event.id();
                        if (rows.getInt("shown") == 1) {
                            visible.add(event);
                        }
                    }
                }
                return new Replay(visible, highest, count < limit);
            }
        });
    }

    /**
     * A manager also replays what was addressed to them about an issue of another book that is in their queue now
     * (handed over to them), as the live stream told them; events about the rest of that merchant stay with its book.
     */
    private static String handedOver(Visibility shown) {
        return shown.kind() != Visibility.Kind.BOOK ? ""
                : " or (e.manager_id = ? and exists (select 1 from issue i where i.merchant_id = e.merchant_id"
                        + " and i.handler_id = ?))"
                        // A merchant moved to another book tells its previous manager too (so their console drops it),
                        // and that event stays theirs on replay, as it was live.
                        + " or (e.type = '" + EventTypes.MERCHANT_UPDATED + "' and e.manager_id = ?)";
    }

    /** One page of a replay: what the caller sees, the highest id read, and whether the log ended. */
    public record Replay(List<StoredEvent> events, long highestId, boolean reachedEnd) {
    }

    private static List<StoredEvent> events(PreparedStatement select) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                events.add(event(rows));
            }
        }
        return events;
    }

    private static StoredEvent event(ResultSet rows) throws SQLException {
        return new StoredEvent(rows.getLong("id"), rows.getString("type"), rows.getString("merchant_id"),
                rows.getString("manager_id"), rows.getString("payload"), Rows.instant(rows, "at"));
    }
}
