package io.lineone.client.net;

import io.lineone.api.CategoryInsights;
import io.lineone.api.FirstResponseInsights;
import io.lineone.api.IssueCluster;
import io.lineone.api.Page;
import io.lineone.api.SuggestedBell;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Insights as the test sets them, with every question asked kept; {@link #failure} makes every read fail. */
public final class FakeInsights implements InsightsApi {

    public record Asked(String what, Instant from, Instant to, Bucket bucket) {
    }

    public final List<Asked> asked = new ArrayList<>();
    public CategoryInsights categories;
    public FirstResponseInsights firstResponse = new FirstResponseInsights(0, 0, 0, 0, List.of());
    public List<IssueCluster> clusters = new ArrayList<>();
    public List<SuggestedBell> suggestions = new ArrayList<>();
    public BackendException failure;

    private void ask(String what, Instant from, Instant to, Bucket bucket) throws BackendException {
        asked.add(new Asked(what, from, to, bucket));
        if (failure != null) {
            throw failure;
        }
    }

    public long count(String what) {
        return asked.stream().filter(a -> a.what().equals(what)).count();
    }

    public Asked last(String what) {
        return asked.stream().filter(a -> a.what().equals(what)).reduce((a, b) -> b).orElseThrow();
    }

    @Override
    public CategoryInsights categories(Instant from, Instant to, Bucket bucket) throws BackendException {
        ask("categories", from, to, bucket);
        return categories != null ? categories : new CategoryInsights(from, to, bucket.wire(), List.of(), List.of());
    }

    @Override
    public FirstResponseInsights firstResponse(Instant from, Instant to) throws BackendException {
        ask("firstResponse", from, to, null);
        return firstResponse;
    }

    @Override
    public Page<IssueCluster> clusters(Instant from, Instant to, Integer limit) throws BackendException {
        ask("clusters", from, to, null);
        return new Page<>(List.copyOf(clusters), null);
    }

    @Override
    public Page<SuggestedBell> suggestedBells() throws BackendException {
        ask("suggestedBells", null, null, null);
        return new Page<>(List.copyOf(suggestions), null);
    }
}
