package io.lineone.server.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineone.api.EventTypes;
import io.lineone.api.Json;
import io.lineone.server.auth.Visibility;
import io.lineone.server.db.Database;
import io.lineone.server.db.Rows;
import io.lineone.server.db.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The domain event log: append inside the transaction of the change, read back by id for replay and live delivery.
 *
 * <p><b>The promise.</b> A subscriber resumes with "every event after id N" — on any backend, after any restart —
 * and gets no gap and no duplicate. That holds only if no event can become visible <em>later</em> with an id
 * <em>lower</em> than one a reader has already passed. A plain sequence does not promise it: two transactions
 * draw 7 and 8, the one with 8 commits first, a reader passes 8, and 7 — committed a moment later — is never read.
 * How the ids are drawn differs by database; what a reader may read is the same rule on both: <em>only events
 * below the stable horizon</em>, below which no event can ever appear again.
 *
 * <p><b>PostgreSQL: ordered by commit visibility, no lock.</b> An event's id is its writing transaction's id
 * times 2<sup>20</sup> plus its place in that transaction ({@code pg_current_xact_id()}, 64 bits, never wraps).
 * Writers draw nothing shared: they insert and commit in parallel. A reader reads only ids below
 * {@code pg_snapshot_xmin(pg_current_snapshot())} × 2<sup>20</sup>, evaluated in the same statement as the read:
 * every transaction below the snapshot's xmin has ended (committed or rolled back), and every transaction that
 * starts writing later gets a larger id, so nothing can ever appear below that horizon again — while everything
 * committed below it is in the read's snapshot. Costs: ids are sparse (large numbers with gaps, still strictly
 * increasing and still the {@code Last-Event-ID}); the hub cannot tell from ids alone what it missed, so it reads
 * the log to the horizon instead of trusting what writers report; and an event is delivered only once every
 * transaction that started writing before it ended — in the whole PostgreSQL cluster, so one writing transaction
 * left open elsewhere (an idle-in-transaction session, a long migration) delays every stream until it ends. Nothing
 * is lost meanwhile; our own connections set {@code idle_in_transaction_session_timeout} so none of ours can.
 *
 * <p><b>H2 (one process): a locked counter.</b> Ids come from the {@code event_sequence} row under {@code select …
 * for update}, held until the writing transaction ends, so ids commit in id order and are dense (1, 2, 3, …); a
 * rolled-back transaction rolls its increment back. Whatever is committed is below the horizon. Event-writing
 * transactions serialise on that row from {@link #append} to commit, which one embedded user never notices.
 *
 * <p>The alternative — an outbox numbered after commit by one sequencer per cluster, elected with an advisory
 * lock — keeps ids dense but writes every event twice, adds a hop (and a failover) between commit and delivery,
 * and needs a leader; visibility ordering needs none of that.
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

    /** Events one PostgreSQL transaction may append: its ids are its transaction id times this, plus 1, 2, … */
    static final long PER_TRANSACTION = 1L << 20;

    /**
     * On PostgreSQL, the first id that is not yet stable, computed from the statement's own snapshot: every
     * transaction below its xmin has ended, and every later one will get a larger transaction id.
     */
    private static final String PG_HORIZON =
            "(pg_snapshot_xmin(pg_current_snapshot())::text::bigint * " + PER_TRANSACTION + ")";

    private final Database db;
    private final boolean byVisibility;
    /** The condition on {@code e.id} that keeps a read below the stable horizon ("" on H2: all committed is). */
    private final String stable;

    public EventLog(Database db) {
        this.db = db;
        this.byVisibility = db.kind() == Database.Kind.POSTGRESQL;
        this.stable = byVisibility ? " and e.id < " + PG_HORIZON : "";
    }

    Database database() {
        return db;
    }

    /**
     * Appends events in the caller's transaction and returns them with their ids. On H2 the counter row stays
     * locked until the transaction ends, so call it last; on PostgreSQL it takes no lock.
     */
    public List<StoredEvent> append(Tx tx, List<NewEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return tx.jdbc(connection -> {
            long last = byVisibility ? lastOfThisTransaction(connection, events.size())
                    : drawFromCounter(connection, events.size());
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

    /**
     * PostgreSQL: the id before this append's first — the transaction's base, or its last event if it appended
     * before (a change may append more than once in one transaction). Only this transaction writes in its range.
     */
    private static long lastOfThisTransaction(Connection connection, int count) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select x.xid, (select max(e.id) from domain_event e where e.id > x.xid * " + PER_TRANSACTION
                        + " and e.id < (x.xid + 1) * " + PER_TRANSACTION + ")"
                        + " from (select pg_current_xact_id()::text::bigint as xid) x");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            long base = rows.getLong(1) * PER_TRANSACTION;
            long last = rows.getLong(2);
            long from = rows.wasNull() ? base : last;
            if (from - base + count >= PER_TRANSACTION) {
                throw new SQLException("one transaction may append at most " + (PER_TRANSACTION - 1) + " events");
            }
            return from;
        }
    }

    /** H2: takes {@code count} ids from the counter row, which stays locked until the transaction ends. */
    private static long drawFromCounter(Connection connection, int count) throws SQLException {
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
            bump.setLong(1, last + count);
            bump.executeUpdate();
        }
        return last;
    }

    /**
     * The id of the newest stable event (0 when there is none): every event a reader will ever see after it has a
     * higher id. Where a stream "from now on" starts.
     */
    public long lastId() {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(byVisibility
                    ? "select coalesce(max(e.id), 0) from domain_event e where e.id < " + PG_HORIZON
                    : "select last_id from event_sequence where name = 'domain_event'");
                 ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }

    /** Every stable event after {@code afterId}, in id order, at most {@code limit}. */
    public List<StoredEvent> after(long afterId, int limit) {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + COLUMNS + " from domain_event e where e.id > ?" + stable + " order by e.id limit ?")) {
                select.setLong(1, afterId);
                select.setInt(2, limit);
                return events(select);
            }
        });
    }

    /**
     * The stable events after {@code afterId} that {@code shown} sees, in id order, at most {@code limit}, and
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
                            + " where e.id > ?" + stable + " order by e.id limit ?")) {
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
