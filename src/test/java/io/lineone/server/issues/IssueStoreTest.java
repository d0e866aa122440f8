package io.lineone.server.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lineone.api.IssueCategory;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.IssueSource;
import io.lineone.api.IssueStatus;
import io.lineone.api.Priority;
import io.lineone.api.Role;
import io.lineone.server.auth.Visibility;
import io.lineone.server.db.StoreException;
import io.lineone.server.merchants.MerchantStore;
import io.lineone.testing.Pages;
import io.lineone.testing.StoreRows;
import io.lineone.testing.StoreTest;
import io.lineone.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

class IssueStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-11T00:00:00.125Z");

    /** A NEW issue of {@code merchantId} with nothing optional set, at version 1. */
    private static IssueStore.Row issue(String id, String merchantId) {
        return new IssueStore.Row(id, merchantId, null, null, IssueCategory.PRICING_ERROR, IssueSource.MERCHANT,
                Priority.P2, "标价疑似小数点错位 " + id, "", null, null, 0, T0, T0.plusSeconds(300),
                T0.plus(Duration.ofHours(24)), new IssueStore.State(IssueStatus.NEW, null, null, T0, null, null, 0, 0,
                null, 1), null);
    }

    private static IssueStore.Row withState(IssueStore.Row row, IssueStatus status, String assigneeId) {
        IssueStore.State s = row.state();
        return row.with(new IssueStore.State(status, s.rootCause(), assigneeId, s.updatedAt(), s.firstResponseAt(),
                s.resolvedAt(), s.pauseCount(), s.pausedMillis(), s.pausedSince(), s.version()), null, row.releaseId());
    }

    private static IssueStore.Row withPriority(IssueStore.Row row, Priority priority, IssueCategory category) {
        return new IssueStore.Row(row.id(), row.merchantId(), null, null, category, row.source(), priority, row.title(),
                row.description(), row.listingId(), row.releaseId(), row.moneyAtRiskCents(), row.createdAt(),
                row.firstResponseDueAt(), row.resolutionBaseDueAt(), row.state(), null);
    }

    private static void insert(TestDatabase t, IssueStore.Row... rows) {
        IssueStore issues = new IssueStore(t.db());
        t.db().inTransaction(connection -> {
            for (IssueStore.Row row : rows) {
                issues.insert(connection, row);
            }
            return null;
        });
    }

    private static List<String> ids(TestDatabase t, IssueStore.Query query) {
        return new IssueStore(t.db()).list(query).stream().map(IssueStore.Row::id).toList();
    }

    private static IssueStore.Query all() {
        return new IssueStore.Query(Visibility.EVERYTHING, null, null, null, null, null, null, false, null, 100);
    }

    @StoreTest
    void findsWhatWasInsertedFieldForFieldWithTheNamesJoinedIn(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        StoreRows.user(t.db(), "usr_po", "po", Role.PRODUCT_OWNER);
        StoreRows.release(t.db(), "rel-7", "usr_po");
        IssueStore.Row bare = issue("iss_1", "mer_x");
        IssueStore.Row full = new IssueStore.Row("iss_2", "mer_a", null, null, IssueCategory.COUPON_OVERSPEND,
                IssueSource.DETECTOR, Priority.P1, "满减券与品类券重复叠加", "买家以 ¥0.01 下单", "lst-42", "rel-7",
                86_000_00L, T0, T0.plusSeconds(60), T0.plus(Duration.ofHours(4)),
                new IssueStore.State(IssueStatus.WAITING_MERCHANT, "券叠加", "usr_a", T0.plusSeconds(90),
                        T0.plusSeconds(30), null, 2, 45_500, T0.plusSeconds(80), 6), null);
        insert(t, bare, full);
        IssueStore issues = new IssueStore(t.db());

        assertThat(issues.find("iss_1")).contains(new IssueStore.Row("iss_1", "mer_x", "商家 mer_x", null,
                bare.category(), bare.source(), bare.priority(), bare.title(), "", null, null, 0, T0,
                bare.firstResponseDueAt(), bare.resolutionBaseDueAt(), bare.state(), null));
        assertThat(issues.find("iss_2")).as("merchant name, its manager and the assignee's name come from the joins")
                .contains(new IssueStore.Row("iss_2", "mer_a", "商家 mer_a", "usr_a", full.category(), full.source(),
                        full.priority(), full.title(), full.description(), "lst-42", "rel-7", 86_000_00L, T0,
                        full.firstResponseDueAt(), full.resolutionBaseDueAt(), full.state(), "名字 a"));
        assertThat(issues.find("iss_3")).isEmpty();
        assertThat(t.db().<Optional<IssueStore.Row>>inTransaction(tx -> issues.find(tx, "iss_2")))
                .as("the same in the caller's transaction").isEqualTo(issues.find("iss_2"));
    }

    @StoreTest
    void refusesASecondIssueWithTheSameIdAndKeepsTheFirst(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        insert(t, issue("iss_1", "mer_a"));

        assertThatThrownBy(() -> insert(t, issue("iss_1", "mer_b"))).isInstanceOf(StoreException.class);

        assertThat(new IssueStore(t.db()).find("iss_1").orElseThrow().merchantId()).isEqualTo("mer_a");
        assertThat(new IssueStore(t.db()).count()).isEqualTo(1);
    }

    @StoreTest
    void updatesOnlyAtTheExpectedVersion(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        insert(t, issue("iss_1", "mer_a"));
        IssueStore issues = new IssueStore(t.db());
        IssueStore.State acknowledged = new IssueStore.State(IssueStatus.ACKNOWLEDGED, null, "usr_a",
                T0.plusSeconds(19), T0.plusSeconds(19), null, 0, 0, null, 2);

        assertThat(t.db().<Boolean>inTransaction(c -> issues.update(c, "iss_1", acknowledged, null, 1))).isTrue();
        IssueStore.Row moved = issues.find("iss_1").orElseThrow();
        assertThat(moved.state()).isEqualTo(acknowledged);
        assertThat(moved.assigneeName()).isEqualTo("名字 a");

        IssueStore.State stale = new IssueStore.State(IssueStatus.RESOLVED, "重复", null, T0.plusSeconds(20), null,
                T0.plusSeconds(20), 0, 0, null, 2);
        assertThat(t.db().<Boolean>inTransaction(c -> issues.update(c, "iss_1", stale, null, 1)))
                .as("a stale version changes nothing").isFalse();
        assertThat(t.db().<Boolean>inTransaction(c -> issues.update(c, "iss_9", stale, null, 1))).isFalse();
        assertThat(issues.find("iss_1")).contains(moved);
    }

    @StoreTest
    void theManagerOfAnIssueIsItsMerchantsManagerNow(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        insert(t, issue("iss_1", "mer_a"));
        IssueStore issues = new IssueStore(t.db());
        assertThat(issues.find("iss_1").orElseThrow().managerId()).isEqualTo("usr_a");

        assertThat(t.db().<Boolean>inTransaction(c -> new MerchantStore(t.db()).updateAssignee(c, "mer_a", "usr_b", 1)))
                .isTrue();

        assertThat(issues.find("iss_1").orElseThrow().managerId()).isEqualTo("usr_b");
        assertThat(issues.openOfManager("usr_a", 10)).isEmpty();
        assertThat(issues.openOfManager("usr_b", 10)).extracting(IssueStore.Row::id).containsExactly("iss_1");
    }

    @StoreTest
    void openOfManagerIsEveryUnresolvedIssueOfTheirMerchantsOldestIdFirst(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        insert(t,
                withState(issue("iss_5", "mer_a"), IssueStatus.WAITING_MERCHANT, "usr_a"),
                issue("iss_1", "mer_a"),
                withState(issue("iss_3", "mer_a"), IssueStatus.RESOLVED, "usr_a"),
                withState(issue("iss_2", "mer_a"), IssueStatus.ACKNOWLEDGED, "usr_a"),
                withState(issue("iss_4", "mer_a"), IssueStatus.IN_PROGRESS, null),
                issue("iss_6", "mer_b"),
                issue("iss_7", "mer_x"));
        IssueStore issues = new IssueStore(t.db());

        assertThat(issues.openOfManager("usr_a", 10)).extracting(IssueStore.Row::id)
                .containsExactly("iss_1", "iss_2", "iss_4", "iss_5");
        assertThat(issues.openOfManager("usr_a", 2)).extracting(IssueStore.Row::id).containsExactly("iss_1", "iss_2");
        assertThat(issues.openOfManager("usr_b", 10)).extracting(IssueStore.Row::id).containsExactly("iss_6");
        assertThat(issues.openOfManager("usr_nobody", 10)).isEmpty();
    }

    @StoreTest
    void filtersCombineAndAnEmptySetFiltersNothing(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        insert(t,
                issue("iss_1", "mer_a"),
                withPriority(withState(issue("iss_2", "mer_a"), IssueStatus.ACKNOWLEDGED, "usr_a"), Priority.P1,
                        IssueCategory.LOGISTICS),
                withPriority(withState(issue("iss_3", "mer_b"), IssueStatus.RESOLVED, "usr_b"), Priority.P1,
                        IssueCategory.PRICING_ERROR),
                withPriority(issue("iss_4", "mer_x"), Priority.P4, IssueCategory.LOGISTICS));

        assertThat(ids(t, all())).containsExactly("iss_1", "iss_2", "iss_3", "iss_4");
        assertThat(ids(t, new IssueStore.Query(Visibility.bookOf("usr_a"), null, null, null, null, null, null, false, null, 100)))
                .containsExactly("iss_1", "iss_2");
        assertThat(ids(t, new IssueStore.Query(Visibility.EVERYTHING, "mer_b", null, null, null, null, null, false, null, 100)))
                .containsExactly("iss_3");
        assertThat(ids(t, new IssueStore.Query(Visibility.EVERYTHING, null, null, Set.of(IssueStatus.NEW, IssueStatus.RESOLVED), null, null,
                null, false, null, 100))).containsExactly("iss_1", "iss_3", "iss_4");
        assertThat(ids(t, new IssueStore.Query(Visibility.EVERYTHING, null, null, null, Set.of(Priority.P1), null, null, false, null, 100)))
                .containsExactly("iss_2", "iss_3");
        assertThat(ids(t, new IssueStore.Query(Visibility.EVERYTHING, null, null, null, null, Set.of(IssueCategory.LOGISTICS), null, false,
                null, 100))).containsExactly("iss_2", "iss_4");
        assertThat(ids(t, new IssueStore.Query(Visibility.EVERYTHING, null, null, null, Set.of(Priority.P1), Set.of(IssueCategory.LOGISTICS),
                null, false, null, 100))).containsExactly("iss_2");
        assertThat(ids(t, new IssueStore.Query(Visibility.EVERYTHING, null, null, null, null, null, "usr_b", false, null, 100)))
                .containsExactly("iss_3");
        assertThat(ids(t, new IssueStore.Query(Visibility.EVERYTHING, null, null, null, null, null, null, true, null, 100)))
                .containsExactly("iss_1", "iss_4");
        assertThat(ids(t, new IssueStore.Query(Visibility.EVERYTHING, null, null, null, null, null, "usr_b", true, null, 100)))
                .as("unassigned wins over an assignee").containsExactly("iss_1", "iss_4");
        assertThat(ids(t, new IssueStore.Query(Visibility.bookOf("usr_b"), null, null, Set.of(), Set.of(), Set.of(), null, false, null, 100)))
                .containsExactly("iss_3");
        assertThat(ids(t, new IssueStore.Query(Visibility.bookOf("usr_a"), "mer_b", null, null, null, null, null, false, null, 100))).isEmpty();
    }

    @StoreTest
    void pagesInIdOrderWithoutGapsOrRepeats(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String id = String.format("iss_%03d", (i * 7) % 23);
            insert(t, issue(id, i % 2 == 0 ? "mer_a" : "mer_b"));
            expected.add(id);
        }
        expected.sort(null);

        List<String> seen = Pages.walk(5,
                after -> ids(t, new IssueStore.Query(Visibility.EVERYTHING, null, null, null, null, null, null, false, after, 5)));

        assertThat(seen).isEqualTo(expected);
        assertThat(new IssueStore(t.db()).count()).isEqualTo(23);
    }

    @StoreTest
    void countsEveryIssueWhateverItsState(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        IssueStore issues = new IssueStore(t.db());
        assertThat(issues.count()).isZero();

        insert(t, issue("iss_1", "mer_a"), withState(issue("iss_2", "mer_b"), IssueStatus.RESOLVED, null),
                issue("iss_3", "mer_x"));

        assertThat(issues.count()).isEqualTo(3);
    }

    @StoreTest
    void historyIsReadBackInTheOrderItWasWrittenWithTheActorsName(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        insert(t, issue("iss_1", "mer_a"), issue("iss_2", "mer_a"));
        IssueStore issues = new IssueStore(t.db());
        List<IssueStore.HistoryStep> steps = List.of(
                new IssueStore.HistoryStep("iss_1", T0, "usr_b", "created", null, IssueStatus.NEW, null, null),
                new IssueStore.HistoryStep("iss_2", T0, "usr_a", "created", null, IssueStatus.NEW, null, null),
                // Written later with an earlier time: the history keeps the order of writing.
                new IssueStore.HistoryStep("iss_1", T0.plusSeconds(60), "usr_a", "status", IssueStatus.NEW,
                        IssueStatus.ACKNOWLEDGED, "马上处理", null),
                new IssueStore.HistoryStep("iss_1", T0.plusSeconds(30), "usr_gone", "status",
                        IssueStatus.ACKNOWLEDGED, IssueStatus.RESOLVED, null, "促销价未回滚"));
        for (IssueStore.HistoryStep step : steps) {
            t.db().inTransaction(connection -> {
                issues.appendHistory(connection, step);
                return null;
            });
        }

        assertThat(issues.history("iss_1")).containsExactly(
                new IssueHistoryEntry(T0, "usr_b", "名字 b", "created", null, IssueStatus.NEW, null, null),
                new IssueHistoryEntry(T0.plusSeconds(60), "usr_a", "名字 a", "status", IssueStatus.NEW,
                        IssueStatus.ACKNOWLEDGED, "马上处理", null),
                new IssueHistoryEntry(T0.plusSeconds(30), "usr_gone", null, "status", IssueStatus.ACKNOWLEDGED,
                        IssueStatus.RESOLVED, null, "促销价未回滚"));
        assertThat(issues.history("iss_2")).extracting(IssueHistoryEntry::actorId).containsExactly("usr_a");
        assertThat(issues.history("iss_9")).isEmpty();
    }

    @StoreTest
    void aTransferredIssueIsInTheNewManagersBookAndAManagedWriteChecksTheVersion(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        insert(t, issue("iss_1", "mer_a"), issue("iss_2", "mer_a"));
        IssueStore issues = new IssueStore(t.db());
        IssueStore.Row before = issues.find("iss_1").orElseThrow();
        assertThat(before.managerId()).isEqualTo("usr_a");
        IssueStore.State s = before.state();
        IssueStore.Row moved = before.managed("usr_b", Priority.P1, T0.plusSeconds(60), T0.plus(Duration.ofHours(4)),
                new IssueStore.State(s.status(), s.rootCause(), "usr_b", T0.plusSeconds(5), null, null, 0, 0, null, 2),
                null, "iss_2");

        Boolean written = t.db().inTransaction(tx -> issues.updateManaged(tx, moved, "usr_b", 1));
        Boolean again = t.db().inTransaction(tx -> issues.updateManaged(tx, moved, "usr_b", 1));
        assertThat(written).isTrue();
        assertThat(again).as("stale").isFalse();

        IssueStore.Row after = issues.find("iss_1").orElseThrow();
        assertThat(after.managerId()).isEqualTo("usr_b");
        assertThat(after.priority()).isEqualTo(Priority.P1);
        assertThat(after.firstResponseDueAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(after.duplicateOf()).isEqualTo("iss_2");
        assertThat(after.state().assigneeId()).isEqualTo("usr_b");
        assertThat(ids(t, new IssueStore.Query(Visibility.bookOf("usr_b"), null, null, null, null, null, null, false,
                null, 100))).containsExactly("iss_1");
        assertThat(ids(t, new IssueStore.Query(Visibility.bookOf("usr_a"), null, null, null, null, null, null, false,
                null, 100))).containsExactly("iss_2");
        assertThat(issues.open()).extracting(IssueStore.Row::managerId).containsExactlyInAnyOrder("usr_b", "usr_a");
    }
}
