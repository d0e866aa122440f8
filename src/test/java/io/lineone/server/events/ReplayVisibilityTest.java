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

    /** Events of no merchant, of usr_a's, of usr_b's and of an unassigned merchant, in that order. */
    private static EventLog seeded(TestDatabase t) {
        StoreRows.user(t.db(), "usr_a", "a", Role.MANAGER);
        StoreRows.user(t.db(), "usr_b", "b", Role.MANAGER);
        merchant(t, "mer_a", "usr_a");
        merchant(t, "mer_b", "usr_b");
        merchant(t, "mer_free", null);
        EventLog log = new EventLog(t.db());
        t.db().inTransaction(connection -> log.append(connection, List.of(
                new EventLog.NewEvent("bell.pulled", null, null, "{}", AT),
                new EventLog.NewEvent("issue.created", "mer_a", "usr_a", "{}", AT),
                new EventLog.NewEvent("issue.created", "mer_b", "usr_b", "{}", AT),
                new EventLog.NewEvent("issue.created", "mer_free", null, "{}", AT))));
        return log;
    }

    private static List<Long> replayed(EventLog log, Visibility shown) {
        return log.replay(0, shown, 100).events().stream().map(EventLog.StoredEvent::id).toList();
    }

    @StoreTest
    void eachCallerReplaysWhatTheLiveRuleLetsThemSee(TestDatabase t) {
        EventLog log = seeded(t);
        Map<String, String> ownerNow = Map.of("mer_a", "usr_a", "mer_b", "usr_b");

        assertThat(replayed(log, Visibility.EVERYTHING)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(replayed(log, Visibility.bookOf("usr_a"))).containsExactly(1L, 2L);
        assertThat(replayed(log, Visibility.bookOf("usr_b"))).containsExactly(1L, 3L);
        assertThat(replayed(log, new Visibility(Visibility.Kind.NONE, null))).as("no book: releases and bells only")
                .containsExactly(1L);
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
        EventLog log = seeded(t);
        t.db().inTransaction(connection -> new MerchantStore(t.db()).updateAssignee(connection, "mer_a", "usr_b", 1));

        assertThat(replayed(log, Visibility.bookOf("usr_a"))).containsExactly(1L);
        assertThat(replayed(log, Visibility.bookOf("usr_b"))).containsExactly(1L, 2L, 3L);
    }

    @StoreTest
    void aPageOfEventsNobodyMaySeeStillMovesTheCursor(TestDatabase t) {
        EventLog log = seeded(t);

        EventLog.Replay page = log.replay(1, Visibility.bookOf("usr_a"), 1);
        assertThat(page.events()).extracting(EventLog.StoredEvent::id).containsExactly(2L);
        EventLog.Replay hidden = log.replay(2, Visibility.bookOf("usr_a"), 2);
        assertThat(hidden.events()).isEmpty();
        assertThat(hidden.highestId()).isEqualTo(4L);
        assertThat(hidden.reachedEnd()).isFalse();
        assertThat(log.replay(4, Visibility.bookOf("usr_a"), 2).reachedEnd()).isTrue();
    }
}
