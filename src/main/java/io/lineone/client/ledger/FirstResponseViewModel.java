package io.lineone.client.ledger;

import io.lineone.api.FirstResponseInsights;
import io.lineone.api.ResponseBucket;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.InsightsApi;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * How long issues waited for their first response: the share answered within the managed line's 19 s, the median
 * and p90 as big numbers, and the histogram, whose bars the 19 s mark splits into under and over.
 */
public final class FirstResponseViewModel extends InsightsSection<FirstResponseInsights> {

    /** The managed line's first response, against the industry's ~100 s. */
    public static final int MARK_SECONDS = 19;

    private final InsightsApi insights;
    private final InsightsText text;
    private final ObservableList<ResponseBar> bars = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper share = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper median = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper p90 = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");

    FirstResponseViewModel(InsightsApi insights, TaskExecutor executor, ErrorMessages errors,
                           ConnectionStatus connection, InsightsText text) {
        super(executor, errors, connection);
        this.insights = insights;
        this.text = text;
    }

    @Override
    protected FirstResponseInsights read(InsightsQuery query) throws Exception {
        return insights.firstResponse(query.from(), query.to());
    }

    @Override
    protected boolean show(FirstResponseInsights answer, InsightsQuery query) {
        List<ResponseBar> shown = new ArrayList<>();
        List<ResponseBucket> histogram = answer.histogram() == null ? List.of() : answer.histogram();
        int all = histogram.stream().mapToInt(ResponseBucket::count).sum();
        for (ResponseBucket bucket : histogram) {
            shown.add(new ResponseBar(bucket.fromSeconds(), bucket.toSeconds(),
                    text.range(bucket.fromSeconds(), bucket.toSeconds()), bucket.count(),
                    all == 0 ? 0 : (double) bucket.count() / all,
                    bucket.toSeconds() != null && bucket.toSeconds() <= MARK_SECONDS));
        }
        bars.setAll(shown);
        boolean any = answer.count() > 0;
        share.set(any ? text.percent(answer.shareUnder19s()) : "—");
        median.set(any ? text.duration(answer.medianMillis()) : "—");
        p90.set(any ? text.duration(answer.p90Millis()) : "—");
        count.set(text.messages().format("insights.response.count", answer.count()));
        return any;
    }

    /** The histogram's bars, fastest first. */
    public ObservableList<ResponseBar> bars() {
        return bars;
    }

    /** The bars wholly under the mark: the mark is drawn after this many bars. */
    public int barsUnderMark() {
        return (int) bars.stream().filter(ResponseBar::underMark).count();
    }

    /** The share answered within 19 s: "83%". */
    public ReadOnlyStringProperty shareProperty() {
        return share.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty medianProperty() {
        return median.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty p90Property() {
        return p90.getReadOnlyProperty();
    }

    /** "412 first responses". */
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public InsightsText text() {
        return text;
    }
}
