package io.lineone.server.merchants;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Band;
import io.lineone.api.Merchant;
import io.lineone.api.MerchantMetrics;
import io.lineone.api.MerchantSort;
import io.lineone.api.Role;
import io.lineone.api.Tier;
import io.lineone.server.auth.Visibility;
import io.lineone.testing.StoreRows;
import io.lineone.testing.StoreTest;
import io.lineone.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

class MerchantStoreTest {

    private static final Instant AT = Instant.parse("2026-11-11T08:00:00Z");
    private static final MerchantMetrics METRICS = new MerchantMetrics(24.5, 30.25, 45.125, 4.75, 0.0035);

    private static Merchant merchant(String id, String name, String shopName, Tier tier, String managerId, Band band) {
        return new Merchant(id, name, shopName, tier, "食品生鲜", "浙江", managerId, null, METRICS, band.floor() + 1,
                band, 0, 0, null, false, 1);
    }

    private static Merchant withManager(Merchant m, String name) {
        return new Merchant(m.id(), m.name(), m.shopName(), m.tier(), m.category(), m.region(), m.assignedManagerId(),
                name, m.metrics(), m.lighthouseScore(), m.band(), m.openIssues(), m.moneyAtRiskCents(),
                m.lastContactAt(), m.autoDeductionPaused(), m.version());
    }

    private static Merchant insert(TestDatabase t, Merchant merchant) {
        t.db().inTransaction(connection -> {
            new MerchantStore(t.db()).insert(connection, merchant, AT);
            return null;
        });
        return merchant;
    }

    private static List<String> ids(TestDatabase t, MerchantStore.Query query) {
        return new MerchantStore(t.db()).list(query).stream().map(Merchant::id).toList();
    }

    private static MerchantStore.Query query(Visibility shown, Tier tier, Band band) {
        return query(shown, null, tier, band, MerchantSort.NAME, false, null, 100);
    }

    private static MerchantStore.Query text(String text) {
        return query(Visibility.EVERYTHING, text, null, null, MerchantSort.NAME, false, null, 100);
    }

    private static MerchantStore.Query query(Visibility shown, String text, Tier tier, Band band, MerchantSort sort,
                                             boolean descending, MerchantCursor after, int limit) {
        return new MerchantStore.Query(shown, null, text, tier, band, null, null, null, sort, descending, after, limit);
    }

    @StoreTest
    void findsWhatWasInsertedFieldForField(TestDatabase t) {
        StoreRows.user(t.db(), "usr_m", "m", Role.MANAGER);
        Merchant stored = insert(t, merchant("mer_1", "杭州悦享食品有限公司", "悦享食品旗舰店", Tier.KA, "usr_m", Band.GREEN));
        Merchant unassigned = insert(t, merchant("mer_2", "Acme", "Acme Shop", Tier.SME, null, Band.RED));
        MerchantStore merchants = new MerchantStore(t.db());

        assertThat(merchants.find("mer_1")).contains(withManager(stored, "名字 m"));
        assertThat(merchants.find("mer_2")).contains(unassigned);
        assertThat(merchants.find("mer_3")).isEmpty();
        assertThat(merchants.count()).isEqualTo(2);
    }

    @StoreTest
    void filtersByManagerTierBandAndText(TestDatabase t) {
        StoreRows.user(t.db(), "usr_a", "a", Role.MANAGER);
        StoreRows.user(t.db(), "usr_b", "b", Role.MANAGER);
        insert(t, merchant("mer_1", "杭州悦享食品有限公司", "悦享旗舰店", Tier.KA, "usr_a", Band.GREEN));
        insert(t, merchant("mer_2", "Acme Trading", "ACME Outlet", Tier.SME, "usr_a", Band.RED));
        insert(t, merchant("mer_3", "深圳云朵电子有限公司", "云朵数码专营店", Tier.SME, "usr_b", Band.GREEN));
        insert(t, merchant("mer_4", "宁波青禾家居", "青禾旗舰店", Tier.KA, null, Band.AMBER));

        assertThat(ids(t, query(Visibility.bookOf("usr_a"), null, null))).containsExactlyInAnyOrder("mer_1", "mer_2");
        assertThat(ids(t, query(Visibility.bookOf("usr_b"), null, null))).containsExactly("mer_3");
        assertThat(ids(t, query(Visibility.EVERYTHING, Tier.KA, null))).containsExactlyInAnyOrder("mer_1", "mer_4");
        assertThat(ids(t, query(Visibility.EVERYTHING, null, Band.GREEN))).containsExactlyInAnyOrder("mer_1", "mer_3");
        assertThat(ids(t, query(Visibility.bookOf("usr_a"), Tier.SME, Band.RED))).containsExactly("mer_2");
        assertThat(ids(t, query(Visibility.bookOf("usr_b"), Tier.KA, null))).isEmpty();
        assertThat(ids(t, text("旗舰店"))).as("shop name").containsExactlyInAnyOrder("mer_1", "mer_4");
        assertThat(ids(t, text("有限公司"))).as("name").containsExactlyInAnyOrder("mer_1", "mer_3");
        assertThat(ids(t, text("acme"))).as("case-insensitive").containsExactly("mer_2");
        assertThat(ids(t, text("  OUTLET "))).as("trimmed, upper case").containsExactly("mer_2");
        assertThat(ids(t, query(Visibility.bookOf("usr_b"), "旗舰店", null, null, MerchantSort.NAME, false, null, 100)))
                .isEmpty();
        assertThat(ids(t, text(""))).as("blank text filters nothing").hasSize(4);
    }

    @StoreTest
    void likeWildcardsAndQuotesInTheTextAreLiterals(TestDatabase t) {
        insert(t, merchant("mer_1", "100% 纯棉", "shop", Tier.SME, null, Band.GREEN));
        insert(t, merchant("mer_2", "1000 纯棉", "shop", Tier.SME, null, Band.GREEN));
        insert(t, merchant("mer_3", "a_b", "shop", Tier.SME, null, Band.GREEN));
        insert(t, merchant("mer_4", "axb", "shop", Tier.SME, null, Band.GREEN));
        insert(t, merchant("mer_5", "back\\slash", "shop", Tier.SME, null, Band.GREEN));
        insert(t, merchant("mer_6", "O'Brien's", "shop", Tier.SME, null, Band.GREEN));
        insert(t, merchant("mer_7", "x'); drop table merchant; --", "shop", Tier.SME, null, Band.GREEN));

        assertThat(ids(t, text("100%"))).containsExactly("mer_1");
        assertThat(ids(t, text("%"))).containsExactly("mer_1");
        assertThat(ids(t, text("a_b"))).containsExactly("mer_3");
        assertThat(ids(t, text("_"))).containsExactly("mer_3");
        assertThat(ids(t, text("\\"))).containsExactly("mer_5");
        assertThat(ids(t, text("k\\s"))).containsExactly("mer_5");
        assertThat(ids(t, text("o'brien"))).containsExactly("mer_6");
        assertThat(ids(t, text("'); drop table merchant; --"))).containsExactly("mer_7");
        assertThat(new MerchantStore(t.db()).count()).isEqualTo(7);
    }

    @StoreTest
    void pagesInNameOrderWithoutGapsOrRepeats(TestDatabase t) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String id = String.format("mer_%03d", (i * 7) % 23);
            // Names repeat, so ties are broken by id.
            insert(t, merchant(id, "m" + (i % 4), "s", Tier.SME, null, Band.GREEN));
            expected.add(id);
        }
        List<Merchant> all = new MerchantStore(t.db()).list(query(Visibility.EVERYTHING, null, null, null,
                MerchantSort.NAME, false, null, 100));
        expected.sort(java.util.Comparator.comparing((String id) -> all.stream().filter(m -> m.id().equals(id))
                .findFirst().orElseThrow().name()).thenComparing(id -> id));

        assertThat(walk(t, MerchantSort.NAME, false, 5)).isEqualTo(expected);
        List<String> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertThat(walk(t, MerchantSort.NAME, true, 5)).isEqualTo(reversed);
    }

    @StoreTest
    void unscoredMerchantsSortLastInBothOrdersAndPageThrough(TestDatabase t) {
        int[] scores = {70, 0, 95, 70, -1, 55, -1, 100, 70, -1, 12};
        for (int i = 0; i < scores.length; i++) {
            Merchant m = merchant(String.format("mer_%02d", i), "m" + i, "s", Tier.SME, null, Band.GREEN);
            if (scores[i] < 0) {
                m = new Merchant(m.id(), m.name(), m.shopName(), m.tier(), m.category(), m.region(), null, null, null,
                        null, null, 0, 0, null, false, 1);
            } else {
                m = new Merchant(m.id(), m.name(), m.shopName(), m.tier(), m.category(), m.region(), null, null,
                        METRICS, scores[i], Band.of(scores[i]), 0, 0, null, false, 1);
            }
            insert(t, m);
        }

        assertThat(walk(t, MerchantSort.SCORE, false, 3)).containsExactly("mer_01", "mer_10", "mer_05", "mer_00",
                "mer_03", "mer_08", "mer_02", "mer_07", "mer_04", "mer_06", "mer_09");
        assertThat(walk(t, MerchantSort.SCORE, true, 3)).containsExactly("mer_07", "mer_02", "mer_08", "mer_03",
                "mer_00", "mer_05", "mer_10", "mer_01", "mer_09", "mer_06", "mer_04");
        assertThat(walk(t, MerchantSort.SCORE, true, 100)).hasSize(11);
        Merchant unscored = new MerchantStore(t.db()).find("mer_04").orElseThrow();
        assertThat(unscored.lighthouseScore()).isNull();
        assertThat(unscored.band()).isNull();
        assertThat(unscored.metrics()).isNull();
        assertThat(new MerchantStore(t.db()).scoreHistory("mer_04", 90)).isEmpty();
        assertThat(new MerchantStore(t.db()).scoreHistory("mer_00", 90)).extracting(p -> p.score()).containsExactly(70);
    }

    /** Every id, page by page with the keyset cursor a caller would get. */
    private static List<String> walk(TestDatabase t, MerchantSort sort, boolean descending, int limit) {
        MerchantStore store = new MerchantStore(t.db());
        List<String> seen = new ArrayList<>();
        MerchantCursor after = null;
        for (int pages = 0; pages < 1000; pages++) {
            List<Merchant> page = store.list(query(Visibility.EVERYTHING, null, null, null, sort, descending, after,
                    limit));
            if (page.isEmpty()) {
                return seen;
            }
            page.forEach(m -> seen.add(m.id()));
            Merchant last = page.get(page.size() - 1);
            after = new MerchantCursor(sort, descending, last.id(), MerchantStore.sortValue(sort, last));
        }
        throw new AssertionError("paging never ended");
    }

    @StoreTest
    void reassignsOnlyAtTheExpectedVersion(TestDatabase t) {
        StoreRows.user(t.db(), "usr_a", "a", Role.MANAGER);
        StoreRows.user(t.db(), "usr_b", "b", Role.MANAGER);
        insert(t, merchant("mer_1", "Acme", "shop", Tier.SME, "usr_a", Band.GREEN));
        MerchantStore merchants = new MerchantStore(t.db());

        assertThat(t.db().<Boolean>inTransaction(c -> merchants.updateAssignee(c, "mer_1", "usr_b", 1))).isTrue();
        Merchant moved = merchants.find("mer_1").orElseThrow();
        assertThat(moved.assignedManagerId()).isEqualTo("usr_b");
        assertThat(moved.version()).isEqualTo(2);

        assertThat(t.db().<Boolean>inTransaction(c -> merchants.updateAssignee(c, "mer_1", "usr_a", 1)))
                .as("a stale version changes nothing").isFalse();
        assertThat(t.db().<Boolean>inTransaction(c -> merchants.updateAssignee(c, "mer_9", "usr_a", 1))).isFalse();
        assertThat(merchants.find("mer_1").orElseThrow()).isEqualTo(moved);
        assertThat(ids(t, query(Visibility.bookOf("usr_a"), null, null))).isEmpty();
        assertThat(ids(t, query(Visibility.bookOf("usr_b"), null, null))).containsExactly("mer_1");
    }
}
