package io.lineone.server.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lineone.server.auth.Visibility;
import io.lineone.server.db.Database;
import io.lineone.server.db.TxAccess;
import io.lineone.server.merchants.MerchantStore;
import io.lineone.testing.PostgresExtension;
import io.lineone.testing.SharedPostgres;
import io.lineone.testing.StoreRows;
import io.lineone.testing.StoreTest;
import io.lineone.testing.TestDatabase;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The log on both databases. Ids always rise in commit-visibility order; on H2 (a locked counter) they are also
 * dense from 1, on PostgreSQL (transaction ids, EventLog's class comment) they are sparse, so the expectations here
 * are written against the ids append returned rather than against 1, 2, 3 wherever the two differ.
 */
@ExtendWith(PostgresExtension.class)
class EventLogTest {

    private static final Visibility NONE = new Visibility(Visibility.Kind.NONE, null);

    private static final Instant T0 = Instant.parse("2026-11-11T00:00:00.250Z");

    private static EventLog.NewEvent event(String merchantId, String managerId, String payload) {
        return new EventLog.NewEvent("issue.created", merchantId, managerId, payload, T0);
    }

    private static List<EventLog.StoredEvent> append(TestDatabase t, EventLog.NewEvent... events) {
        EventLog log = new EventLog(t.db());
        return t.db().inTransaction(connection -> log.append(connection, List.of(events)));
    }

    private static List<Long> ids(List<EventLog.StoredEvent> events) {
        return events.stream().map(EventLog.StoredEvent::id).toList();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static boolean dense(TestDatabase t) {
        return t.db().kind() == Database.Kind.H2;
    }

    /** The ids of {@code events} at {@code positions}. */
    private static List<Long> at(List<EventLog.StoredEvent> events, int... positions) {
        List<Long> ids = new ArrayList<>();
        for (int position : positions) {
            ids.add(events.get(position).id());
        }
        return ids;
    }

    @StoreTest
    void appendNumbersRisingIdsAndReadsBackFieldForField(TestDatabase t) {
        EventLog log = new EventLog(t.db());
        assertThat(log.lastId()).isZero();
        assertThat(log.after(0, 100)).isEmpty();

        List<EventLog.StoredEvent> first = append(t, event("mer_a", "usr_a", "{\"title\":\"标价疑似小数点错位\"}"),
                event(null, null, "{\"release\":\"2026.11\"}"), event("mer_b", "usr_b", "{}"));
        List<EventLog.StoredEvent> second = append(t, event("mer_a", "usr_a", "{\"n\":4}"),
                new EventLog.NewEvent("issue.updated", "mer_a", "usr_a", "{\"n\":5}", T0.plusMillis(1500)));

        long base = first.get(0).id();
        assertThat(ids(first)).as("one transaction's ids follow each other").containsExactly(base, base + 1, base + 2);
        assertThat(second.get(0).id()).as("a later transaction's are higher").isGreaterThan(base + 2);
        assertThat(ids(second)).containsExactly(second.get(0).id(), second.get(0).id() + 1);
        if (dense(t)) {
            assertThat(ids(first)).containsExactly(1L, 2L, 3L);
            assertThat(ids(second)).containsExactly(4L, 5L);
        }
        assertThat(first.get(0)).isEqualTo(new EventLog.StoredEvent(base, "issue.created", "mer_a", "usr_a",
                "{\"title\":\"标价疑似小数点错位\"}", T0));
        assertThat(log.lastId()).isEqualTo(second.get(1).id());
        List<EventLog.StoredEvent> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(log.after(0, 100)).as("what was stored is what append returned").isEqualTo(all);
    }

    @StoreTest
    void twoAppendsInOneTransactionFollowEachOther(TestDatabase t) {
        EventLog log = new EventLog(t.db());
        List<EventLog.StoredEvent> both = t.db().inTransaction(tx -> {
            List<EventLog.StoredEvent> events = new ArrayList<>(log.append(tx, List.of(event(null, null, "{\"n\":1}"))));
            events.addAll(log.append(tx, List.of(event(null, null, "{\"n\":2}"), event(null, null, "{\"n\":3}"))));
            return events;
        });

        long base = both.get(0).id();
        assertThat(ids(both)).containsExactly(base, base + 1, base + 2);
        assertThat(log.after(0, 100)).isEqualTo(both);
    }

    @StoreTest
    void anEmptyAppendTakesNoId(TestDatabase t) {
        long first = append(t, event(null, null, "{}")).get(0).id();

        assertThat(append(t)).isEmpty();

        assertThat(new EventLog(t.db()).lastId()).isEqualTo(first);
        long next = append(t, event(null, null, "{}")).get(0).id();
        assertThat(next).isGreaterThan(first);
        if (dense(t)) {
            assertThat(next).isEqualTo(2);
        }
    }

    @StoreTest
    void aRolledBackAppendLeavesNothingBehind(TestDatabase t) {
        EventLog log = new EventLog(t.db());
        long first = append(t, event(null, null, "{\"n\":1}")).get(0).id();

        List<Long> rolledBack = new ArrayList<>();
        assertThatThrownBy(() -> t.db().inTransaction(connection -> {
            rolledBack.addAll(ids(log.append(connection, List.of(event(null, null, "{\"n\":2}"), event(null, null, "{}")))));
            throw new IllegalStateException("the change failed after its events were appended");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(rolledBack).hasSize(2).allSatisfy(id -> assertThat(id).isGreaterThan(first));
        assertThat(log.lastId()).as("nothing of it is read").isEqualTo(first);
        assertThat(ids(log.after(0, 100))).containsExactly(first);
        long next = append(t, event(null, null, "{\"n\":2}")).get(0).id();
        assertThat(next).isGreaterThan(first);
        if (dense(t)) {
            assertThat(next).as("on H2 the counter rolled back with the events: no hole").isEqualTo(2);
        }
    }

    @StoreTest
    void concurrentWritersGetDistinctRisingIdsEachInTheOrderItWrote(TestDatabase t) throws Exception {
        int writers = 4;
        int appendsEach = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String payload = "{\"writer\":" + w + "}";
                results.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < appendsEach; i++) {
                        mine.addAll(ids(append(t, event(null, null, payload))));
                    }
                    return mine;
                }));
            }
            List<Long> drawn = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                List<Long> mine = result.get(60, TimeUnit.SECONDS);
                assertThat(mine).as("one writer's ids rise with its appends").isSorted().doesNotHaveDuplicates();
                drawn.addAll(mine);
            }

            assertThat(drawn).doesNotHaveDuplicates().hasSize(writers * appendsEach);
            assertThat(ids(new EventLog(t.db()).after(0, 1000))).isEqualTo(drawn.stream().sorted().toList());
            if (dense(t)) {
                assertThat(drawn).containsExactlyInAnyOrderElementsOf(range(1, writers * appendsEach));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The heart of the PostgreSQL numbering: an event committed while an older writing transaction is still open is
     * not read (nor counted as the newest) until that one ends, because the older one may still commit an event with
     * a lower id; once it ends both are read, in id order. Rolled back, it leaves nothing.
     */
    @Test
    void onPostgreSqlAnOpenOlderWriterHoldsBackWhatCommittedAfterIt(SharedPostgres postgres) throws Exception {
        try (TestDatabase t = TestDatabase.postgres(postgres)) {
            EventLog log = new EventLog(t.db());
            long before = append(t, event(null, null, "{\"n\":0}")).get(0).id();
            for (boolean commit : new boolean[] {true, false}) {
                try (Connection older = t.db().dedicatedConnection()) {
                    older.setAutoCommit(false);
                    // The older writer starts writing (takes its transaction id) and appends before the younger.
                    List<EventLog.StoredEvent> held = new EventLog(t.db()).append(TxAccess.of(older),
                            List.of(event(null, null, "{\"older\":true}")));
                    long younger = append(t, event(null, null, "{\"younger\":true}")).get(0).id();

                    assertThat(held.get(0).id()).isLessThan(younger);
                    assertThat(ids(log.after(before, 100))).as("the younger is held back").isEmpty();
                    assertThat(log.lastId()).isEqualTo(before);
                    assertThat(log.replay(before, Visibility.EVERYTHING, 100).events()).isEmpty();

                    if (commit) {
                        older.commit();
                        assertThat(ids(log.after(before, 100))).containsExactly(held.get(0).id(), younger);
                    } else {
                        older.rollback();
                        assertThat(ids(log.after(before, 100))).containsExactly(younger);
                    }
                    before = younger;
                    assertThat(log.lastId()).isEqualTo(younger);
                }
            }
        }
    }

    @StoreTest
    void afterReturnsExactlyTheLaterEventsInIdOrderUpToTheLimit(TestDatabase t) {
        List<EventLog.StoredEvent> stored = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            stored.addAll(append(t, event(null, null, "{\"n\":" + i + "}")));
        }
        EventLog log = new EventLog(t.db());
        long second = stored.get(1).id();
        long newest = stored.get(4).id();

        assertThat(log.after(second, 100)).isEqualTo(stored.subList(2, 5));
        assertThat(log.after(second, 2)).isEqualTo(stored.subList(2, 4));
        assertThat(log.after(stored.get(3).id(), 100)).isEqualTo(stored.subList(4, 5));
        assertThat(log.after(newest, 100)).as("after the newest").isEmpty();
        assertThat(log.after(newest + 1_000, 100)).as("after an id the log never had").isEmpty();
        assertThat(log.after(-7, 100)).as("an id older than the log: all of it, nothing is pruned").isEqualTo(stored);
    }

    @StoreTest
    void aReplayShowsEachAudienceWhatItMaySeeByTheMerchantsManagerNow(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        List<EventLog.StoredEvent> e = append(t, event("mer_a", "usr_a", "{\"n\":1}"), event("mer_b", "usr_b", "{\"n\":2}"),
                event(null, null, "{\"release\":3}"), event("mer_x", null, "{\"n\":4}"), event("mer_a", "usr_a", "{}"));
        EventLog log = new EventLog(t.db());

        EventLog.Replay ofA = log.replay(0, Visibility.bookOf("usr_a"), 100);
        assertThat(ids(ofA.events())).as("their merchants' and the global ones").isEqualTo(at(e, 0, 2, 4));
        assertThat(ofA.highestId()).isEqualTo(e.get(4).id());
        assertThat(ofA.reachedEnd()).isTrue();
        assertThat(ids(log.replay(0, Visibility.bookOf("usr_b"), 100).events())).isEqualTo(at(e, 1, 2));
        assertThat(ids(log.replay(0, NONE, 100).events())).as("global only").isEqualTo(at(e, 2));
        assertThat(log.replay(0, Visibility.EVERYTHING, 100).events()).as("everything").isEqualTo(log.after(0, 100));
        assertThat(ids(log.replay(e.get(0).id(), Visibility.bookOf("usr_a"), 100).events())).as("only after the id")
                .isEqualTo(at(e, 2, 4));

        // The merchant moves to b: its history goes with it, though each event still names a as its manager then.
        assertThat(t.db().<Boolean>inTransaction(c -> new MerchantStore(t.db()).updateAssignee(c, "mer_a", "usr_b", 1)))
                .isTrue();
        assertThat(ids(log.replay(0, Visibility.bookOf("usr_a"), 100).events())).isEqualTo(at(e, 2));
        assertThat(ids(log.replay(0, Visibility.bookOf("usr_b"), 100).events())).isEqualTo(at(e, 0, 1, 2, 4));
        assertThat(log.after(0, 1).get(0).managerId()).isEqualTo("usr_a");
    }

    @StoreTest
    void aReplayPageMovesPastEventsTheAudienceMayNotSee(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        List<EventLog.StoredEvent> e = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            e.addAll(append(t, event("mer_b", "usr_b", "{}")));
        }
        e.addAll(append(t, event("mer_a", "usr_a", "{}")));
        EventLog log = new EventLog(t.db());

        EventLog.Replay first = log.replay(0, Visibility.bookOf("usr_a"), 2);
        assertThat(first.events()).isEmpty();
        assertThat(first.highestId()).as("the cursor advances over what a may not see").isEqualTo(e.get(1).id());
        assertThat(first.reachedEnd()).isFalse();
        EventLog.Replay second = log.replay(first.highestId(), Visibility.bookOf("usr_a"), 2);
        assertThat(second.events()).isEmpty();
        assertThat(second.highestId()).isEqualTo(e.get(3).id());
        EventLog.Replay third = log.replay(second.highestId(), Visibility.bookOf("usr_a"), 2);
        assertThat(ids(third.events())).isEqualTo(at(e, 4));
        assertThat(third.highestId()).isEqualTo(e.get(4).id());
        assertThat(third.reachedEnd()).as("a short page is the end").isTrue();
    }

    @StoreTest
    void aReplayAfterTheNewestOrAnUnknownIdIsEmptyAndAtTheEnd(TestDatabase t) {
        List<EventLog.StoredEvent> e = append(t, event(null, null, "{}"), event(null, null, "{}"));
        EventLog log = new EventLog(t.db());
        long newest = e.get(1).id();

        EventLog.Replay atTheEnd = log.replay(newest, Visibility.EVERYTHING, 100);
        assertThat(atTheEnd.events()).isEmpty();
        assertThat(atTheEnd.highestId()).isEqualTo(newest);
        assertThat(atTheEnd.reachedEnd()).isTrue();
        EventLog.Replay unknown = log.replay(newest + 9_999, Visibility.bookOf("usr_a"), 100);
        assertThat(unknown.events()).isEmpty();
        assertThat(unknown.highestId()).as("an id past the log is kept as it is").isEqualTo(newest + 9_999);
        assertThat(unknown.reachedEnd()).isTrue();
        EventLog.Replay fromBefore = log.replay(-1, NONE, 100);
        assertThat(ids(fromBefore.events())).as("an id older than the log replays all of it").isEqualTo(at(e, 0, 1));
    }
}
