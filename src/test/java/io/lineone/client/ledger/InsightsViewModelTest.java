package io.lineone.client.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Bell;
import io.lineone.api.CategoryBucket;
import io.lineone.api.CategoryInsights;
import io.lineone.api.ClusterKind;
import io.lineone.api.FirstResponseInsights;
import io.lineone.api.Gate;
import io.lineone.api.Issue;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueCluster;
import io.lineone.api.Release;
import io.lineone.api.ResponseBucket;
import io.lineone.api.RootCauseCount;
import io.lineone.api.SuggestedBell;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.DeferredTaskExecutor;
import io.lineone.client.common.Messages;
import io.lineone.client.common.ScreenState;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.BackendException;
import io.lineone.client.net.Bells;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.FakeInsights;
import io.lineone.client.net.InsightsApi.Bucket;
import io.lineone.client.net.Issues;
import io.lineone.client.queue.IssueText;
import io.lineone.client.queue.PullBellViewModel;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InsightsViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:20:00Z");
    private static final Instant DAY1 = Instant.parse("2026-12-05T00:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-12-06T00:00:00Z");

    private final FakeBackend backend = new FakeBackend();
    private final FakeInsights server = backend.insightsSeen;
    private final ConnectionStatus connection = new ConnectionStatus();
    private final SimpleObjectProperty<Instant> now = new SimpleObjectProperty<>(NOW);
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final IssueText issueText = new IssueText(messages, ZoneOffset.UTC, FakeBackend.USER.id());
    private final List<String> opened = new ArrayList<>();
    private final List<Bell> pulledElsewhere = new ArrayList<>();
    private final Release coupons = Bells.release("rel-1", "满减券叠加规则改版", "u-po", Gate.OPEN);

    @BeforeEach
    void setUp() {
        backend.releases.put(coupons.id(), coupons);
        connection.reportLive();
    }

    private InsightsViewModel insights(TaskExecutor executor, InsightsScope scope) {
        InsightsText text = new InsightsText(messages, issueText, ZoneOffset.UTC);
        return new InsightsViewModel(server, executor, connection, text, scope, now,
                (pulled, notice) -> new PullBellViewModel(backend, executor, messages, connection, issueText,
                        () -> List.of(), bell -> {
                            pulledElsewhere.add(bell);
                            pulled.accept(bell);
                        }, notice),
                new SuggestedBellsViewModel.Evidence() {
                    @Override
                    public Release release(String id) throws BackendException {
                        return backend.release(id);
                    }

                    @Override
                    public Issue issue(String id) throws BackendException {
                        return backend.issue(id);
                    }
                }, opened::add);
    }

    private InsightsViewModel insights() {
        return insights(new CurrentThreadTaskExecutor(), InsightsScope.OWN_BOOK);
    }

    private static CategoryInsights twoDays() {
        return new CategoryInsights(DAY1, NOW, "day", List.of(
                new CategoryBucket(DAY1, Map.of(IssueCategory.PRICING_ERROR, 3, IssueCategory.LOGISTICS, 1,
                        IssueCategory.RULES, 0)),
                new CategoryBucket(DAY2, Map.of(IssueCategory.PRICING_ERROR, 2, IssueCategory.LOGISTICS, 5))),
                List.of(new RootCauseCount("券叠加规则", IssueCategory.COUPON_OVERSPEND, 4)));
    }

    @Test
    void categoriesAreASeriesPerCategoryLargestFirstWithTheirNumbersAsATable() {
        server.categories = twoDays();
        InsightsViewModel insights = insights();
        insights.refresh();

        CategoriesViewModel categories = insights.categories();
        assertThat(categories.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(categories.series()).extracting(CategorySeries::name)
                .as("a category with no issue in the window has no layer").containsExactly("Logistics", "Pricing error");
        assertThat(categories.series().get(0).counts()).containsExactly(1, 5);
        assertThat(categories.series().get(1).counts()).containsExactly(3, 2);
        assertThat(categories.buckets()).containsExactly(DAY1, DAY2);
        assertThat(categories.rows()).extracting(BucketRow::label).containsExactly("12/5", "12/6");
        assertThat(categories.rows()).extracting(BucketRow::total).containsExactly(4, 7);
        assertThat(categories.rows().get(1).count(IssueCategory.LOGISTICS)).isEqualTo(5);
        assertThat(categories.rootCauses()).extracting(RootCauseCount::rootCause).containsExactly("券叠加规则");
        assertThat(categories.summaryProperty().get()).isEqualTo("11 issues in 2 categories");
        assertThat(server.last("categories").bucket()).isEqualTo(Bucket.DAY);
        assertThat(server.last("categories").from()).as("the window's first day, whole")
                .isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(server.last("categories").to()).isEqualTo(Instant.parse("2026-12-06T09:00:00Z"));
    }

    @Test
    void theBucketAndTheWindowAskAgainAndHoursReadByTheClock() {
        server.categories = twoDays();
        InsightsViewModel insights = insights();
        insights.refresh();
        long firstResponses = server.count("firstResponse");

        server.categories = new CategoryInsights(DAY2, NOW, "hour", List.of(
                new CategoryBucket(DAY2.plus(Duration.ofHours(7)), Map.of(IssueCategory.INVENTORY, 2))), List.of());
        insights.bucketProperty().set(Bucket.HOUR);
        assertThat(server.last("categories").bucket()).isEqualTo(Bucket.HOUR);
        assertThat(server.last("categories").from()).isEqualTo(Instant.parse("2026-11-29T09:00:00Z"));
        assertThat(insights.categories().hourlyProperty().get()).isTrue();
        assertThat(insights.categories().rows()).extracting(BucketRow::label).containsExactly("12/6 07:00");
        assertThat(server.count("firstResponse")).as("the bucket is the categories' alone").isEqualTo(firstResponses);

        insights.windowProperty().set(InsightsWindow.DAYS_30);
        assertThat(server.last("categories").from()).isEqualTo(Instant.parse("2026-11-06T09:00:00Z"));
        assertThat(server.last("firstResponse").from()).isEqualTo(Instant.parse("2026-11-06T09:00:00Z"));
        assertThat(server.last("clusters").from()).isEqualTo(Instant.parse("2026-11-06T09:00:00Z"));
    }

    @Test
    void anAnswerToAnOlderQuestionIsDropped() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        server.categories = twoDays();
        InsightsViewModel insights = insights(executor, InsightsScope.EVERYONE);
        insights.refresh();
        insights.bucketProperty().set(Bucket.HOUR);
        server.categories = new CategoryInsights(DAY2, NOW, "hour", List.of(), List.of());

        executor.runAll();

        assertThat(insights.categories().stateProperty().get()).as("the hour's empty answer came last")
                .isEqualTo(ScreenState.EMPTY);
        assertThat(insights.scopeText()).isEqualTo("Everyone’s book");
    }

    @Test
    void firstResponsesAgainstTheMark() {
        server.firstResponse = new FirstResponseInsights(20, 12_400, 75_000, 0.85, List.of(
                new ResponseBucket(0, 5, 6), new ResponseBucket(5, 10, 6), new ResponseBucket(10, 19, 5),
                new ResponseBucket(19, 30, 1), new ResponseBucket(30, 60, 0), new ResponseBucket(60, 120, 2),
                new ResponseBucket(600, null, 0)));
        InsightsViewModel insights = insights();
        insights.refresh();

        FirstResponseViewModel response = insights.firstResponse();
        assertThat(response.stateProperty().get()).isEqualTo(ScreenState.READY);
        assertThat(response.shareProperty().get()).isEqualTo("85%");
        assertThat(response.medianProperty().get()).isEqualTo("12.4 s");
        assertThat(response.p90Property().get()).isEqualTo("1 min 15 s");
        assertThat(response.countProperty().get()).isEqualTo("of 20 first responses");
        assertThat(response.bars()).extracting(ResponseBar::label)
                .containsExactly("0–5 s", "5–10 s", "10–19 s", "19–30 s", "30–60 s", "1–2 min", "10 min+");
        assertThat(response.barsUnderMark()).isEqualTo(3);
        assertThat(response.bars().get(0).share()).isEqualTo(0.3);
    }

    @Test
    void withoutFirstResponsesTheSectionIsEmptyAndAFailureIsItsError() {
        InsightsViewModel insights = insights();
        insights.refresh();
        assertThat(insights.firstResponse().stateProperty().get()).isEqualTo(ScreenState.EMPTY);
        assertThat(insights.firstResponse().medianProperty().get()).isEqualTo("—");

        server.failure = BackendException.unreachable("http://fake", new IOException("down"));
        insights.refresh();
        assertThat(insights.firstResponse().stateProperty().get()).as("older numbers stay")
                .isEqualTo(ScreenState.EMPTY);
        assertThat(insights.firstResponse().errorProperty().get()).isNotEmpty();

        InsightsViewModel fresh = insights();
        fresh.refresh();
        assertThat(fresh.clusters().stateProperty().get()).isEqualTo(ScreenState.ERROR);
        server.failure = null;
        fresh.refresh();
        assertThat(fresh.clusters().stateProperty().get()).isEqualTo(ScreenState.EMPTY);
        assertThat(fresh.clusters().errorProperty().get()).isEmpty();
    }

    @Test
    void aClusterOpensItsFirstIssueInTheQueue() {
        server.clusters.add(new IssueCluster("rc:券叠加规则", ClusterKind.ROOT_CAUSE, "券叠加规则", null, null,
                IssueCategory.COUPON_OVERSPEND, 5, 9, 1_200_000, DAY1, NOW, List.of("i-7", "i-8")));
        server.clusters.add(new IssueCluster("rel:rel-1", ClusterKind.RELEASE, null, "rel-1", "满减券叠加规则改版",
                IssueCategory.PRICING_ERROR, 3, 4, 50_000, DAY1, NOW, List.of()));
        InsightsViewModel insights = insights();
        insights.refresh();

        ClustersViewModel clusters = insights.clusters();
        assertThat(clusters.rows()).hasSize(2);
        assertThat(clusters.subject(clusters.rows().get(0))).isEqualTo("券叠加规则");
        assertThat(clusters.subject(clusters.rows().get(1))).isEqualTo("Release “满减券叠加规则改版”");
        assertThat(clusters.kind(clusters.rows().get(1))).isEqualTo("Release");
        assertThat(clusters.open(clusters.rows().get(0))).isTrue();
        assertThat(clusters.open(clusters.rows().get(1))).isFalse();
        assertThat(opened).containsExactly("i-7");
    }

    private SuggestedBell couponSpike() {
        return new SuggestedBell("rel-1", "满减券叠加规则改版", "coupons", NOW.minus(Duration.ofHours(6)), 12, 0.5,
                2.1, 4.2, 4, 3_500_000, List.of("i-1", "i-2", "i-gone"));
    }

    @Test
    void pullingASuggestedBellOpensTheDialogFilledInAndThePulledBellTakesTheSuggestionAway() throws Exception {
        backend.issues.put("i-1", Issues.issue("i-1").merchant("m-1", "西湖茶叶").money(1_000_000).build());
        backend.issues.put("i-2", Issues.issue("i-2").merchant("m-2", "丝路").money(2_500_000).build());
        server.suggestions.add(couponSpike());
        InsightsViewModel insights = insights();
        insights.refresh();
        SuggestedBellsViewModel suggested = insights.suggestedBells();
        assertThat(suggested.rows()).hasSize(1);

        suggested.pull(suggested.rows().get(0));

        PullBellViewModel dialog = suggested.dialog();
        assertThat(dialog.openProperty().get()).isTrue();
        assertThat(dialog.evidence()).extracting(Issue::id).as("an issue gone from sight is left out")
                .containsExactly("i-1", "i-2");
        assertThat(dialog.releaseProperty().get().id()).isEqualTo(coupons.id());
        assertThat(dialog.reasonProperty().get()).isEqualTo("Since “满减券叠加规则改版” began rolling out, coupons"
                + " issues rose ×4.2 (0.5/h → 2.1/h) across 4 merchants, ¥35,000.00 at risk.");
        assertThat(dialog.canSendProperty().get()).isTrue();

        server.suggestions.clear();
        long reads = server.count("suggestedBells");
        dialog.send();

        assertThat(backend.bells.values()).singleElement().satisfies(bell -> {
            assertThat(bell.releaseId()).isEqualTo("rel-1");
            assertThat(bell.evidenceIssueIds()).containsExactly("i-1", "i-2");
        });
        assertThat(pulledElsewhere).hasSize(1);
        assertThat(dialog.openProperty().get()).isFalse();
        assertThat(suggested.rows()).isEmpty();
        assertThat(server.count("suggestedBells")).as("read again after the bell").isEqualTo(reads + 1);
        assertThat(suggested.stateProperty().get()).isEqualTo(ScreenState.EMPTY);
        assertThat(suggested.noticeProperty().get()).startsWith("Bell pulled on “满减券叠加规则改版”");
    }

    @Test
    void offlineNoBellIsPulledAndTheButtonSaysWhy() {
        server.suggestions.add(couponSpike());
        InsightsViewModel insights = insights();
        insights.refresh();
        SuggestedBellsViewModel suggested = insights.suggestedBells();

        connection.reportStreamDown(true);
        assertThat(suggested.availableProperty().get()).isFalse();
        assertThat(suggested.unavailableReasonProperty().get()).startsWith("Offline");
        suggested.pull(suggested.rows().get(0));
        assertThat(suggested.dialog().openProperty().get()).isFalse();

        connection.reportLive();
        assertThat(suggested.unavailableReasonProperty().get()).isEmpty();
    }

    @Test
    void liveChangesAreReadAtMostOnceEveryFewSecondsAndOnlyWhileShown() {
        ObservableList<String> issues = FXCollections.observableArrayList();
        InsightsViewModel insights = insights();
        insights.follow(issues);
        insights.showingProperty().set(true);
        insights.refresh();
        assertThat(server.count("categories")).isEqualTo(1);

        now.set(NOW.plusSeconds(1));
        assertThat(server.count("categories")).as("nothing changed").isEqualTo(1);
        issues.add("i-1");
        issues.add("i-2");
        now.set(NOW.plusSeconds(2));
        now.set(NOW.plusSeconds(4));
        assertThat(server.count("categories")).as("too soon after the last read").isEqualTo(1);
        now.set(NOW.plusSeconds(5));
        assertThat(server.count("categories")).as("one read for both changes").isEqualTo(2);
        now.set(NOW.plusSeconds(11));
        assertThat(server.count("categories")).isEqualTo(2);

        insights.showingProperty().set(false);
        issues.add("i-3");
        now.set(NOW.plusSeconds(20));
        assertThat(server.count("categories")).as("hidden: not read").isEqualTo(2);
        insights.showingProperty().set(true);
        assertThat(server.count("categories")).as("read as it shows again").isEqualTo(3);
        assertThat(server.count("suggestedBells")).isEqualTo(3);
    }

    @Test
    void aUserWithoutInsightsIsNeverAsked() {
        InsightsViewModel insights = insights(new CurrentThreadTaskExecutor(), InsightsScope.NONE);
        insights.refresh();
        assertThat(insights.shown()).isFalse();
        assertThat(insights.scopeText()).isEmpty();
        assertThat(server.asked).isEmpty();
    }
}
