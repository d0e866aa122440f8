package io.lineone.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Band;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantMetrics;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.server.auth.Visibility;
import io.lineone.server.merchants.MerchantStore;
import io.lineone.testing.StoreRows;
import io.lineone.testing.StoreTest;
import io.lineone.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The replay query filters in SQL by the same rule the live stream applies in memory, on both databases. */
class ReplayVisibilityTest {

    private static final Instant AT = Instant.parse("2026-11-11T08:00:00Z");
    private static final List<Visibility> EVERY_KIND = List.of(Visibility.EVERYTHING, Visibility.bookOf("usr_a"),
            Visibility.bookOf("usr_b"), new Visibility(Visibility.Kind.NONE, null));

    private static void merchant(TestDatabase t, String id, String managerId) {
        Merchant merchant = new Merchant(id, id, id, Tier.SME, "食品生鲜", "浙江", managerId, null,
                new MerchantMetrics(24, 30, 45, 4.5, 0.01), 80, Band.GREEN, 0, 0, null, false, 1);
        t.db().inTransaction(connection -> {
            new MerchantStore(t.db()).insert(connection, merchant, AT);
            return null;
        });
    }

    /** The log and the ids of its events 1 to 4 (consecutive: one transaction wrote them; from 1 on H2). */
    private record Seeded(EventLog log, long base) {
        long id(int n) {
            return base + n;
        }

        List<Long> ids(int... ns) {
            List<Long> ids = new ArrayList<>();
            for (int n : ns) {
                ids.add(id(n));
            }
            return ids;
        }
    }

    /** Events of no merchant, of usr_a's, of usr_b's and of an unassigned merchant, in that order. */
    private static Seeded seeded(TestDatabase t) {
        StoreRows.user(t.db(), "usr_a", "a", Role.MANAGER);
        StoreRows.user(t.db(), "usr_b", "b", Role.MANAGER);
        merchant(t, "mer_a", "usr_a");
        merchant(t, "mer_b", "usr_b");
        merchant(t, "mer_free", null);
        EventLog log = new EventLog(t.db());
        List<EventLog.StoredEvent> events = t.db().inTransaction(connection -> log.append(connection, List.of(
                new EventLog.NewEvent("bell.pulled", null, null, "{}", AT),
                new EventLog.NewEvent("issue.created", "mer_a", "usr_a", "{}", AT),
                new EventLog.NewEvent("issue.created", "mer_b", "usr_b", "{}", AT),
                new EventLog.NewEvent("issue.created", "mer_free", null, "{}", AT))));
        return new Seeded(log, events.get(0).id() - 1);
    }

    private static List<Long> replayed(EventLog log, Visibility shown) {
        return log.replay(0, shown, 100).events().stream().map(EventLog.StoredEvent::id).toList();
    }

    @StoreTest
    void eachCallerReplaysWhatTheLiveRuleLetsThemSee(TestDatabase t) {
        Seeded seeded = seeded(t);
        EventLog log = seeded.log();
        Map<String, String> ownerNow = Map.of("mer_a", "usr_a", "mer_b", "usr_b");

        assertThat(replayed(log, Visibility.EVERYTHING)).isEqualTo(seeded.ids(1, 2, 3, 4));
        assertThat(replayed(log, Visibility.bookOf("usr_a"))).isEqualTo(seeded.ids(1, 2));
        assertThat(replayed(log, Visibility.bookOf("usr_b"))).isEqualTo(seeded.ids(1, 3));
        assertThat(replayed(log, new Visibility(Visibility.Kind.NONE, null))).as("no book: releases and bells only")
                .isEqualTo(seeded.ids(1));
        for (Visibility shown : EVERY_KIND) {
            List<Long> live = new ArrayList<>();
            for (EventLog.StoredEvent event : log.after(0, 100)) {
                String owner = event.merchantId() == null ? null : ownerNow.get(event.merchantId());
                if (shown.seesEvent(event.merchantId(), owner)) {
                    live.add(event.id());
                }
            }
            assertThat(replayed(log, shown)).as("replay agrees with the live rule for %s", shown).isEqualTo(live);
        }
    }

    @StoreTest
    void aMerchantMovedToAnotherBookTakesItsHistoryWithIt(TestDatabase t) {
        Seeded seeded = seeded(t);
        EventLog log = seeded.log();
        t.db().inTransaction(connection -> new MerchantStore(t.db()).updateAssignee(connection, "mer_a", "usr_b", 1));

        assertThat(replayed(log, Visibility.bookOf("usr_a"))).isEqualTo(seeded.ids(1));
        assertThat(replayed(log, Visibility.bookOf("usr_b"))).isEqualTo(seeded.ids(1, 2, 3));
    }

    @StoreTest
    void aPageOfEventsNobodyMaySeeStillMovesTheCursor(TestDatabase t) {
        Seeded seeded = seeded(t);
        EventLog log = seeded.log();

        EventLog.Replay page = log.replay(seeded.id(1), Visibility.bookOf("usr_a"), 1);
        assertThat(page.events()).extracting(EventLog.StoredEvent::id).containsExactlyElementsOf(seeded.ids(2));
        EventLog.Replay hidden = log.replay(seeded.id(2), Visibility.bookOf("usr_a"), 2);
        assertThat(hidden.events()).isEmpty();
        assertThat(hidden.highestId()).isEqualTo(seeded.id(4));
        assertThat(hidden.reachedEnd()).isFalse();
        assertThat(log.replay(seeded.id(4), Visibility.bookOf("usr_a"), 2).reachedEnd()).isTrue();
    }
}
