package io.lineone.server.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lineone.server.auth.Visibility;
import io.lineone.server.merchants.MerchantStore;
import io.lineone.testing.StoreRows;
import io.lineone.testing.StoreTest;
import io.lineone.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

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

    @StoreTest
    void appendNumbersFromOneWithoutGapsAndReadsBackFieldForField(TestDatabase t) {
        EventLog log = new EventLog(t.db());
        assertThat(log.lastId()).isZero();
        assertThat(log.after(0, 100)).isEmpty();

        List<EventLog.StoredEvent> first = append(t, event("mer_a", "usr_a", "{\"title\":\"标价疑似小数点错位\"}"),
                event(null, null, "{\"release\":\"2026.11\"}"), event("mer_b", "usr_b", "{}"));
        List<EventLog.StoredEvent> second = append(t, event("mer_a", "usr_a", "{\"n\":4}"),
                new EventLog.NewEvent("issue.updated", "mer_a", "usr_a", "{\"n\":5}", T0.plusMillis(1500)));

        assertThat(ids(first)).containsExactly(1L, 2L, 3L);
        assertThat(ids(second)).containsExactly(4L, 5L);
        assertThat(first.get(0)).isEqualTo(new EventLog.StoredEvent(1, "issue.created", "mer_a", "usr_a",
                "{\"title\":\"标价疑似小数点错位\"}", T0));
        assertThat(log.lastId()).isEqualTo(5);
        List<EventLog.StoredEvent> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(log.after(0, 100)).as("what was stored is what append returned").isEqualTo(all);
    }

    @StoreTest
    void anEmptyAppendTakesNoId(TestDatabase t) {
        append(t, event(null, null, "{}"));

        assertThat(append(t)).isEmpty();

        assertThat(new EventLog(t.db()).lastId()).isEqualTo(1);
        assertThat(ids(append(t, event(null, null, "{}")))).containsExactly(2L);
    }

    @StoreTest
    void aRolledBackAppendGivesItsIdsBack(TestDatabase t) {
        EventLog log = new EventLog(t.db());
        append(t, event(null, null, "{\"n\":1}"));

        assertThatThrownBy(() -> t.db().inTransaction(connection -> {
            assertThat(ids(log.append(connection, List.of(event(null, null, "{\"n\":2}"), event(null, null, "{}")))))
                    .containsExactly(2L, 3L);
            throw new IllegalStateException("the change failed after its events were appended");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(log.lastId()).as("the counter rolled back with the events").isEqualTo(1);
        assertThat(ids(log.after(0, 100))).containsExactly(1L);
        assertThat(ids(append(t, event(null, null, "{\"n\":2}")))).as("no hole where the rolled-back ids were")
                .containsExactly(2L);
    }

    @StoreTest
    void concurrentWritersGetDenseDistinctIdsEachInTheOrderItWrote(TestDatabase t) throws Exception {
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

            assertThat(drawn).containsExactlyInAnyOrderElementsOf(range(1, writers * appendsEach));
            assertThat(ids(new EventLog(t.db()).after(0, 1000))).isEqualTo(range(1, writers * appendsEach));
        } finally {
            pool.shutdownNow();
        }
    }

    @StoreTest
    void afterReturnsExactlyTheLaterEventsInIdOrderUpToTheLimit(TestDatabase t) {
        List<EventLog.StoredEvent> stored = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            stored.addAll(append(t, event(null, null, "{\"n\":" + i + "}")));
        }
        EventLog log = new EventLog(t.db());

        assertThat(log.after(2, 100)).isEqualTo(stored.subList(2, 5));
        assertThat(log.after(2, 2)).isEqualTo(stored.subList(2, 4));
        assertThat(log.after(4, 100)).isEqualTo(stored.subList(4, 5));
        assertThat(log.after(5, 100)).as("after the newest").isEmpty();
        assertThat(log.after(500, 100)).as("after an id the log never had").isEmpty();
        assertThat(log.after(-7, 100)).as("an id older than the log: all of it, nothing is pruned").isEqualTo(stored);
    }

    @StoreTest
    void aReplayShowsEachAudienceWhatItMaySeeByTheMerchantsManagerNow(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        append(t, event("mer_a", "usr_a", "{\"n\":1}"), event("mer_b", "usr_b", "{\"n\":2}"),
                event(null, null, "{\"release\":3}"), event("mer_x", null, "{\"n\":4}"), event("mer_a", "usr_a", "{}"));
        EventLog log = new EventLog(t.db());

        EventLog.Replay ofA = log.replay(0, Visibility.bookOf("usr_a"), 100);
        assertThat(ids(ofA.events())).as("their merchants' and the global ones").containsExactly(1L, 3L, 5L);
        assertThat(ofA.highestId()).isEqualTo(5);
        assertThat(ofA.reachedEnd()).isTrue();
        assertThat(ids(log.replay(0, Visibility.bookOf("usr_b"), 100).events())).containsExactly(2L, 3L);
        assertThat(ids(log.replay(0, NONE, 100).events())).as("global only").containsExactly(3L);
        assertThat(log.replay(0, Visibility.EVERYTHING, 100).events()).as("everything").isEqualTo(log.after(0, 100));
        assertThat(ids(log.replay(1, Visibility.bookOf("usr_a"), 100).events())).as("only after the id").containsExactly(3L, 5L);

        // The merchant moves to b: its history goes with it, though each event still names a as its manager then.
        assertThat(t.db().<Boolean>inTransaction(c -> new MerchantStore(t.db()).updateAssignee(c, "mer_a", "usr_b", 1)))
                .isTrue();
        assertThat(ids(log.replay(0, Visibility.bookOf("usr_a"), 100).events())).containsExactly(3L);
        assertThat(ids(log.replay(0, Visibility.bookOf("usr_b"), 100).events())).containsExactly(1L, 2L, 3L, 5L);
        assertThat(log.after(0, 1).get(0).managerId()).isEqualTo("usr_a");
    }

    @StoreTest
    void aReplayPageMovesPastEventsTheAudienceMayNotSee(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        for (int i = 0; i < 4; i++) {
            append(t, event("mer_b", "usr_b", "{}"));
        }
        append(t, event("mer_a", "usr_a", "{}"));
        EventLog log = new EventLog(t.db());

        EventLog.Replay first = log.replay(0, Visibility.bookOf("usr_a"), 2);
        assertThat(first.events()).isEmpty();
        assertThat(first.highestId()).as("the cursor advances over what a may not see").isEqualTo(2);
        assertThat(first.reachedEnd()).isFalse();
        EventLog.Replay second = log.replay(first.highestId(), Visibility.bookOf("usr_a"), 2);
        assertThat(second.events()).isEmpty();
        assertThat(second.highestId()).isEqualTo(4);
        EventLog.Replay third = log.replay(second.highestId(), Visibility.bookOf("usr_a"), 2);
        assertThat(ids(third.events())).containsExactly(5L);
        assertThat(third.highestId()).isEqualTo(5);
        assertThat(third.reachedEnd()).as("a short page is the end").isTrue();
    }

    @StoreTest
    void aReplayAfterTheNewestOrAnUnknownIdIsEmptyAndAtTheEnd(TestDatabase t) {
        append(t, event(null, null, "{}"), event(null, null, "{}"));
        EventLog log = new EventLog(t.db());

        EventLog.Replay atTheEnd = log.replay(2, Visibility.EVERYTHING, 100);
        assertThat(atTheEnd.events()).isEmpty();
        assertThat(atTheEnd.highestId()).isEqualTo(2);
        assertThat(atTheEnd.reachedEnd()).isTrue();
        EventLog.Replay unknown = log.replay(9_999, Visibility.bookOf("usr_a"), 100);
        assertThat(unknown.events()).isEmpty();
        assertThat(unknown.highestId()).as("an id past the log is kept as it is").isEqualTo(9_999);
        assertThat(unknown.reachedEnd()).isTrue();
        EventLog.Replay fromBefore = log.replay(-1, NONE, 100);
        assertThat(ids(fromBefore.events())).as("an id older than the log replays all of it").containsExactly(1L, 2L);
    }
}
