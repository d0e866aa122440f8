package io.lineone.server.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.IssueCategory;
import io.lineone.api.IssueSource;
import io.lineone.api.IssueStatus;
import io.lineone.api.Merchant;
import io.lineone.api.Priority;
import io.lineone.api.TimelineEntry;
import io.lineone.api.TimelineKind;
import io.lineone.server.auth.Visibility;
import io.lineone.server.issues.IssueStore;
import io.lineone.server.merchants.MerchantStore;
import io.lineone.server.merchants.MerchantTimelineStore;
import io.lineone.testing.StoreRows;
import io.lineone.testing.StoreTest;
import io.lineone.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The SQL of the merchant book and the insights on both databases: each merchant's activity row kept by the issue
 * store's writes, the insights' buckets and first responses (epoch arithmetic), and the timeline's union.
 */
class BookAndInsightsStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-11T00:00:00Z");

    private static IssueStore.Row issue(String id, String merchantId, IssueCategory category, long money,
                                        Instant createdAt) {
        return new IssueStore.Row(id, merchantId, null, null, category, IssueSource.MERCHANT, Priority.P2,
                "洞察 " + id, "", null, null, money, createdAt, createdAt.plusSeconds(300),
                createdAt.plus(Duration.ofHours(24)),
                new IssueStore.State(IssueStatus.NEW, null, null, createdAt, null, null, 0, 0, null, 1), null);
    }

    private static IssueStore.State state(IssueStatus status, Instant at, Instant firstResponseAt, long version) {
        return new IssueStore.State(status, status == IssueStatus.RESOLVED ? "小数点错位" : null, null, at,
                firstResponseAt, status == IssueStatus.RESOLVED ? at : null, 0, 0, null, version);
    }

    private static Merchant merchant(TestDatabase t, String id) {
        return new MerchantStore(t.db()).find(id).orElseThrow();
    }

    @StoreTest
    void theIssueStoreKeepsEachMerchantsActivityAndTheInsightsCountIt(TestDatabase t) {
        StoreRows.twoBooks(t.db());
        IssueStore issues = new IssueStore(t.db());
        t.db().inTransaction(tx -> {
            issues.insert(tx, issue("iss_1", "mer_a", IssueCategory.PRICING_ERROR, 0, T0.plus(Duration.ofMinutes(30))));
            issues.insert(tx, issue("iss_2", "mer_a", IssueCategory.COUPON_OVERSPEND, 500,
                    T0.plus(Duration.ofMinutes(90))));
            issues.insert(tx, issue("iss_3", "mer_b", IssueCategory.LOGISTICS, 70, T0.plus(Duration.ofHours(25))));
            return null;
        });
        assertThat(merchant(t, "mer_a").openIssues()).isEqualTo(2);
        assertThat(merchant(t, "mer_a").moneyAtRiskCents()).isEqualTo(500);

        Instant answered = T0.plus(Duration.ofMinutes(90)).plusMillis(18_500);
        assertThat(t.db().<Boolean>inTransaction(tx -> issues.update(tx, "iss_2",
                state(IssueStatus.ACKNOWLEDGED, answered, answered, 2), null, 1))).isTrue();
        assertThat(merchant(t, "mer_a").openIssues()).as("still open").isEqualTo(2);
        assertThat(t.db().<Boolean>inTransaction(tx -> issues.update(tx, "iss_2",
                state(IssueStatus.RESOLVED, answered.plusSeconds(60), answered, 3), null, 2))).isTrue();
        assertThat(merchant(t, "mer_a").openIssues()).isEqualTo(1);
        assertThat(merchant(t, "mer_a").moneyAtRiskCents()).isZero();
        assertThat(t.db().<Boolean>inTransaction(tx -> issues.update(tx, "iss_2",
                state(IssueStatus.IN_PROGRESS, answered.plusSeconds(90), answered, 4), null, 2)))
                .as("a stale version changes nothing, counts included").isFalse();
        assertThat(merchant(t, "mer_a").openIssues()).isEqualTo(1);

        t.db().inTransaction(tx -> {
            issues.appendHistory(tx, new IssueStore.HistoryStep("iss_1", T0.plus(Duration.ofHours(2)), null, "status",
                    IssueStatus.NEW, IssueStatus.ACKNOWLEDGED, null, null));
            return null;
        });
        assertThat(merchant(t, "mer_a").lastContactAt()).as("a step by nobody is no contact").isNull();
        t.db().inTransaction(tx -> {
            issues.appendHistory(tx, new IssueStore.HistoryStep("iss_1", T0.plus(Duration.ofHours(3)), "usr_a",
                    "status", IssueStatus.NEW, IssueStatus.ACKNOWLEDGED, null, null));
            issues.appendHistory(tx, new IssueStore.HistoryStep("iss_1", T0.plus(Duration.ofHours(1)), "usr_a",
                    "status", IssueStatus.NEW, IssueStatus.ACKNOWLEDGED, null, null));
            return null;
        });
        assertThat(merchant(t, "mer_a").lastContactAt()).as("the latest, not the last written")
                .isEqualTo(T0.plus(Duration.ofHours(3)));

        InsightsStore insights = new InsightsStore(t.db());
        List<InsightsStore.BucketCount> hourly = insights.categoryCounts(Visibility.EVERYTHING, T0,
                T0.plus(Duration.ofDays(2)), 3600);
        long first = T0.getEpochSecond() / 3600;
        assertThat(hourly).containsExactlyInAnyOrder(
                new InsightsStore.BucketCount(first, IssueCategory.PRICING_ERROR, 1),
                new InsightsStore.BucketCount(first + 1, IssueCategory.COUPON_OVERSPEND, 1),
                new InsightsStore.BucketCount(first + 25, IssueCategory.LOGISTICS, 1));
        assertThat(insights.categoryCounts(Visibility.bookOf("usr_b"), T0, T0.plus(Duration.ofDays(2)), 86_400))
                .containsExactly(new InsightsStore.BucketCount(T0.getEpochSecond() / 86_400 + 1,
                        IssueCategory.LOGISTICS, 1));
        assertThat(insights.firstResponseMillis(Visibility.EVERYTHING, T0, T0.plus(Duration.ofDays(2))))
                .containsExactly(18_500L);
        assertThat(insights.rootCauses(Visibility.bookOf("usr_a"), T0, T0.plus(Duration.ofDays(2)), 20))
                .containsExactly(new InsightsStore.RootCause("小数点错位", IssueCategory.COUPON_OVERSPEND, 1));
        assertThat(insights.areaIssues(Visibility.EVERYTHING, T0, T0.plus(Duration.ofDays(2)),
                Set.of(IssueCategory.LOGISTICS), "rel-none")).extracting(InsightsStore.IssueRow::id)
                .containsExactly("iss_3");

        List<TimelineEntry> timeline = new MerchantTimelineStore(t.db()).page("mer_a", true, null, 10);
        assertThat(timeline).extracting(TimelineEntry::kind).containsExactly(TimelineKind.SCORE_CHANGED);
        t.db().inTransaction(tx -> {
            issues.appendHistory(tx, new IssueStore.HistoryStep("iss_1", T0.plus(Duration.ofMinutes(30)), null,
                    "created", null, IssueStatus.NEW, null, null));
            issues.appendHistory(tx, new IssueStore.HistoryStep("iss_2", T0.plus(Duration.ofHours(4)), "usr_a",
                    "status", IssueStatus.ACKNOWLEDGED, IssueStatus.RESOLVED, null, "小数点错位"));
            return null;
        });
        List<TimelineEntry> more = new MerchantTimelineStore(t.db()).page("mer_a", true, null, 2);
        // The merchant row (and its first score) is from 08:00, after these issue steps of the small hours.
        assertThat(more).extracting(TimelineEntry::kind).containsExactly(TimelineKind.SCORE_CHANGED,
                TimelineKind.ISSUE_RESOLVED);
        assertThat(more.get(1).actorName()).isEqualTo("名字 a");
        assertThat(more.get(1).refId()).isEqualTo("iss_2");
        List<TimelineEntry> rest = new MerchantTimelineStore(t.db()).page("mer_a", true,
                new MerchantTimelineStore.After(more.get(1).at(), more.get(1).id()), 10);
        assertThat(rest).extracting(TimelineEntry::kind).containsExactly(TimelineKind.ISSUE_OPENED);
    }
}
