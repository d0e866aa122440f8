package io.lineone.client.ledger;

import io.lineone.api.CategoryBucket;
import io.lineone.api.CategoryInsights;
import io.lineone.api.IssueCategory;
import io.lineone.api.RootCauseCount;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.InsightsApi;
import io.lineone.client.net.InsightsApi.Bucket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Issues by category over time: one series per category that has any issue in the window (largest first, so the
 * biggest layer lies at the bottom of the stack), the same numbers as a table of buckets, and the top root causes.
 */
public final class CategoriesViewModel extends InsightsSection<CategoryInsights> {

    private final InsightsApi insights;
    private final InsightsText text;
    private final ObservableList<Instant> buckets = FXCollections.observableArrayList();
    private final ObservableList<CategorySeries> series = FXCollections.observableArrayList();
    private final ObservableList<BucketRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RootCauseCount> rootCauses = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hourly = new ReadOnlyBooleanWrapper();

    CategoriesViewModel(InsightsApi insights, TaskExecutor executor, ErrorMessages errors,
                        ConnectionStatus connection, InsightsText text) {
        super(executor, errors, connection);
        this.insights = insights;
        this.text = text;
    }

    @Override
    protected CategoryInsights read(InsightsQuery query) throws Exception {
        return insights.categories(query.from(), query.to(), query.bucket());
    }

    @Override
    protected boolean show(CategoryInsights answer, InsightsQuery query) {
        boolean byHour = query.bucket() == Bucket.HOUR;
        List<CategoryBucket> read = answer.buckets() == null ? List.of() : answer.buckets();
        Map<IssueCategory, int[]> counts = new EnumMap<>(IssueCategory.class);
        List<BucketRow> table = new ArrayList<>();
        int all = 0;
        for (int i = 0; i < read.size(); i++) {
            CategoryBucket bucket = read.get(i);
            Map<IssueCategory, Integer> inBucket = new EnumMap<>(IssueCategory.class);
            int total = 0;
            for (Map.Entry<IssueCategory, Integer> entry : bucket.counts().entrySet()) {
                int n = entry.getValue() == null ? 0 : entry.getValue();
                if (n > 0) {
                    counts.computeIfAbsent(entry.getKey(), c -> new int[read.size()])[i] = n;
                    inBucket.put(entry.getKey(), n);
                    total += n;
                }
            }
            all += total;
            table.add(new BucketRow(bucket.start(), text.bucket(bucket.start(), byHour), inBucket, total));
        }
        List<CategorySeries> lines = new ArrayList<>();
        counts.forEach((category, perBucket) -> {
            List<Integer> values = new ArrayList<>(perBucket.length);
            int total = 0;
            for (int n : perBucket) {
                values.add(n);
                total += n;
            }
            lines.add(new CategorySeries(category, text.category(category), List.copyOf(values), total));
        });
        lines.sort(Comparator.comparingInt(CategorySeries::total).reversed()
                .thenComparing(CategorySeries::category));
        hourly.set(byHour);
        buckets.setAll(read.stream().map(CategoryBucket::start).toList());
        series.setAll(lines);
        rows.setAll(table);
        rootCauses.setAll(answer.rootCauses() == null ? List.of() : answer.rootCauses());
        summary.set(text.messages().format("insights.categories.summary", all, lines.size()));
        return all > 0;
    }

    /** The start of every bucket of the window, oldest first (the chart's x axis). */
    public ObservableList<Instant> buckets() {
        return buckets;
    }

    /** The categories with any issue in the window, largest first. */
    public ObservableList<CategorySeries> series() {
        return series;
    }

    /** The chart's numbers, a row per bucket. */
    public ObservableList<BucketRow> rows() {
        return rows;
    }

    /** The root causes most issues share, as the server ranks them. */
    public ObservableList<RootCauseCount> rootCauses() {
        return rootCauses;
    }

    /** "128 issues in 5 categories". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Whether the shown buckets are hours (else days). */
    public ReadOnlyBooleanProperty hourlyProperty() {
        return hourly.getReadOnlyProperty();
    }

    public InsightsText text() {
        return text;
    }
}
