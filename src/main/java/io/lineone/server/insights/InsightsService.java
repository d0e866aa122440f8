package io.lineone.server.insights;

import io.lineone.api.CategoryBucket;
import io.lineone.api.CategoryInsights;
import io.lineone.api.ClusterKind;
import io.lineone.api.FirstResponseInsights;
import io.lineone.api.IssueCategory;
import io.lineone.api.IssueCluster;
import io.lineone.api.Page;
import io.lineone.api.ResponseBucket;
import io.lineone.api.Role;
import io.lineone.api.RootCauseCount;
import io.lineone.api.SuggestedBell;
import io.lineone.server.auth.Visibility;
import io.lineone.server.core.Caller;
import io.lineone.server.core.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Insights across merchants ("solve the problem, not the person"): issues by category over time with their root
 * causes, how fast issues are first answered against the 19 s mark, clusters of issues many merchants share (a root
 * cause, a release), and releases after whose rollout their product area's issues rose well above the baseline. A
 * MANAGER sees their own book's, a SUPERVISOR and an ADMIN everyone's; other roles none.
 */
public final class InsightsService {

    /** The longest window an insight covers. */
    static final Duration MAX_WINDOW = Duration.ofDays(92);
    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    /** Histogram edges of first responses, in seconds; the last bucket is open-ended. */
    static final int[] EDGES = {0, 5, 10, 19, 30, 60, 120, 300, 600};
    /** A cluster touches at least this many merchants. */
    static final int CLUSTER_MERCHANTS = 3;
    static final int CLUSTER_ISSUE_IDS = 50;
    static final int ROOT_CAUSES = 20;
    /** The baseline of a release's area: the week before its rollout started. */
    static final Duration BASELINE = Duration.ofDays(7);
    /** The rise is measured over the rollout's first day at most: a spike follows the start, not a month later. */
    static final Duration AFTER = Duration.ofHours(24);
    /** A rise worth a bell: at least this many times the baseline rate, with at least this many issues. */
    static final double RISE = 3.0;
    static final int MIN_EVIDENCE = 3;
    static final int EVIDENCE_IDS = 20;

    private final InsightsStore store;
    private final Clock clock;

    public InsightsService(InsightsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What {@code bucket=} accepts. */
    public enum Bucket {
        DAY(86_400), HOUR(3_600);

        final long seconds;

        Bucket(long seconds) {
            this.seconds = seconds;
        }
    }

    public CategoryInsights categories(Caller caller, Instant from, Instant to, Bucket bucket) {
        Visibility shown = shown(caller);
        Window w = window(from, to);
        Bucket size = bucket == null ? Bucket.DAY : bucket;
        Map<Long, Map<IssueCategory, Integer>> counts = new LinkedHashMap<>();
        long first = Math.floorDiv(w.from().getEpochSecond(), size.seconds);
        for (long b = first; Instant.ofEpochSecond(b * size.seconds).isBefore(w.to()); b++) {
            Map<IssueCategory, Integer> zeros = new EnumMap<>(IssueCategory.class);
            for (IssueCategory category : IssueCategory.values()) {
                zeros.put(category, 0);
            }
            counts.put(b, zeros);
        }
        for (InsightsStore.BucketCount c : store.categoryCounts(shown, w.from(), w.to(), size.seconds)) {
            Map<IssueCategory, Integer> bucketCounts = counts.get(c.bucket());
            if (bucketCounts != null) {
                bucketCounts.merge(c.category(), c.count(), Integer::sum);
            }
        }
        List<CategoryBucket> buckets = new ArrayList<>(counts.size());
        counts.forEach((b, byCategory) -> buckets.add(new CategoryBucket(Instant.ofEpochSecond(b * size.seconds),
                byCategory)));
        List<RootCauseCount> causes = store.rootCauses(shown, w.from(), w.to(), ROOT_CAUSES).stream()
                .map(r -> new RootCauseCount(r.rootCause(), r.category(), r.count())).toList();
        return new CategoryInsights(w.from(), w.to(), size.name().toLowerCase(java.util.Locale.ROOT), buckets, causes);
    }

    public FirstResponseInsights firstResponse(Caller caller, Instant from, Instant to) {
        Visibility shown = shown(caller);
        Window w = window(from, to);
        List<Long> millis = new ArrayList<>(store.firstResponseMillis(shown, w.from(), w.to()));
        millis.sort(null);
        int[] counts = new int[EDGES.length];
        int under19 = 0;
        for (long ms : millis) {
            if (ms < 19_000) {
                under19++;
            }
            int i = EDGES.length - 1;
            while (i > 0 && ms < EDGES[i] * 1000L) {
                i--;
            }
            counts[i]++;
        }
        List<ResponseBucket> histogram = new ArrayList<>(EDGES.length);
        for (int i = 0; i < EDGES.length; i++) {
            histogram.add(new ResponseBucket(EDGES[i], i + 1 < EDGES.length ? EDGES[i + 1] : null, counts[i]));
        }
        int n = millis.size();
        return new FirstResponseInsights(n, percentile(millis, 0.5), percentile(millis, 0.9),
                n == 0 ? 0 : (double) under19 / n, histogram);
    }

    /** The nearest-rank percentile of sorted values; 0 for none. */
    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    public Page<IssueCluster> clusters(Caller caller, Instant from, Instant to, String cursor, int limit) {
        Visibility shown = shown(caller);
        Window w = window(from, to);
        List<InsightsStore.IssueRow> rows = store.clusterable(shown, w.from(), w.to());
        Map<String, List<InsightsStore.IssueRow>> byCause = group(rows, InsightsStore.IssueRow::rootCause);
        Map<String, List<InsightsStore.IssueRow>> byRelease = group(rows, InsightsStore.IssueRow::releaseId);
        Map<String, String> releaseNames = new HashMap<>();
        store.releaseNames(byRelease.keySet()).forEach(pair -> releaseNames.put(pair[0], pair[1]));
        List<IssueCluster> clusters = new ArrayList<>();
        byCause.forEach((cause, issues) -> cluster(ClusterKind.ROOT_CAUSE, "rootCause:" + cause, cause, null, null,
                issues).ifPresent(clusters::add));
        byRelease.forEach((release, issues) -> cluster(ClusterKind.RELEASE, "release:" + release, null, release,
                releaseNames.get(release), issues).ifPresent(clusters::add));
        clusters.sort(Comparator.comparingInt(IssueCluster::merchants).reversed()
                .thenComparing(Comparator.comparingLong(IssueCluster::moneyAtRiskCents).reversed())
                .thenComparing(IssueCluster::key));
        return page(clusters, cursor, limit);
    }

    private static java.util.Optional<IssueCluster> cluster(ClusterKind kind, String key, String rootCause,
                                                            String releaseId, String releaseName,
                                                            List<InsightsStore.IssueRow> issues) {
        Set<String> merchants = new HashSet<>();
        Map<IssueCategory, Integer> categories = new EnumMap<>(IssueCategory.class);
        long money = 0;
        Instant first = null;
        Instant last = null;
        for (InsightsStore.IssueRow issue : issues) {
            merchants.add(issue.merchantId());
            categories.merge(issue.category(), 1, Integer::sum);
            money += issue.moneyAtRiskCents();
            first = first == null || issue.createdAt().isBefore(first) ? issue.createdAt() : first;
            last = last == null || issue.createdAt().isAfter(last) ? issue.createdAt() : last;
        }
        if (merchants.size() < CLUSTER_MERCHANTS) {
            return java.util.Optional.empty();
        }
        IssueCategory commonest = categories.entrySet().stream()
                .max(Map.Entry.<IssueCategory, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(IssueCategory.OTHER);
        List<String> ids = issues.stream().sorted(Comparator.comparing(InsightsStore.IssueRow::createdAt).reversed()
                .thenComparing(InsightsStore.IssueRow::id)).limit(CLUSTER_ISSUE_IDS).map(InsightsStore.IssueRow::id)
                .toList();
        return java.util.Optional.of(new IssueCluster(key, kind, rootCause, releaseId, releaseName, commonest,
                merchants.size(), issues.size(), money, first, last, ids));
    }

    /**
     * Releases rolling out or live with no bell blocking them whose product area's issues (or issues naming the
     * release), among the merchants they reach ({@link ReleaseExposure}), came at least {@value #RISE} times as often
     * in the rollout's first day (or since its start, if sooner) as in the week before — with at least {@value #MIN_EVIDENCE} issues. A baseline of none counts as one issue that week,
     * so a quiet area is not a division by zero.
     */
    public Page<SuggestedBell> suggestedBells(Caller caller, String cursor, int limit) {
        Visibility shown = shown(caller);
        Instant now = clock.instant();
        List<SuggestedBell> suggestions = new ArrayList<>();
        for (InsightsStore.Candidate release : store.candidates()) {
            if (!release.startedAt().isBefore(now)) {
                continue;
            }
            Set<IssueCategory> categories = ProductAreas.categories(release.productArea());
            Instant end = release.startedAt().plus(AFTER).isBefore(now) ? release.startedAt().plus(AFTER) : now;
            List<InsightsStore.IssueRow> reached = store.areaIssues(shown, release.startedAt().minus(BASELINE), end,
                    categories, release.id()).stream()
                    .filter(i -> release.id().equals(i.releaseId())
                            || ReleaseExposure.reaches(release.id(), i.merchantId(), release.exposurePercent()))
                    .toList();
            List<InsightsStore.IssueRow> after = reached.stream()
                    .filter(i -> !i.createdAt().isBefore(release.startedAt())).toList();
            int before = reached.size() - after.size();
            double baselineHours = BASELINE.toSeconds() / 3600.0;
            double afterHours = Math.max(1.0, Duration.between(release.startedAt(), end).toSeconds() / 3600.0);
            double baselinePerHour = before / baselineHours;
            double afterPerHour = after.size() / afterHours;
            double ratio = afterPerHour / Math.max(baselinePerHour, 1 / baselineHours);
            if (after.size() < MIN_EVIDENCE || ratio < RISE) {
                continue;
            }
            long money = after.stream().mapToLong(InsightsStore.IssueRow::moneyAtRiskCents).sum();
            int merchants = (int) after.stream().map(InsightsStore.IssueRow::merchantId).distinct().count();
            List<String> evidence = after.stream()
                    .sorted(Comparator.comparingLong(InsightsStore.IssueRow::moneyAtRiskCents).reversed()
                            .thenComparing(Comparator.comparing(InsightsStore.IssueRow::createdAt).reversed()))
                    .limit(EVIDENCE_IDS).map(InsightsStore.IssueRow::id).toList();
            suggestions.add(new SuggestedBell(release.id(), release.name(), release.productArea(), release.startedAt(),
                    after.size(), round(baselinePerHour), round(afterPerHour), round(ratio), merchants, money,
                    evidence));
        }
        suggestions.sort(Comparator.comparingDouble(SuggestedBell::ratio).reversed()
                .thenComparing(SuggestedBell::releaseId));
        return page(suggestions, cursor, limit);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static Map<String, List<InsightsStore.IssueRow>> group(List<InsightsStore.IssueRow> rows,
                                                                   Function<InsightsStore.IssueRow, String> key) {
        Map<String, List<InsightsStore.IssueRow>> groups = new LinkedHashMap<>();
        for (InsightsStore.IssueRow row : rows) {
            String k = key.apply(row);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(row);
            }
        }
        return groups;
    }

    /**
     * One page of a ranking computed afresh on every request; the cursor is the position after the page (the
     * ranking may move between pages — these are insights, not a ledger).
     */
    private static <T> Page<T> page(List<T> all, String cursor, int limit) {
        int offset = offset(cursor);
        if (offset >= all.size()) {
            return new Page<>(List.of(), null);
        }
        int end = Math.min(all.size(), offset + limit);
        String next = end < all.size() ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("at:" + end).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(List.copyOf(all.subList(offset, end)), next);
    }

    private static int offset(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("at:")) {
                int offset = Integer.parseInt(text.substring(3));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw DomainException.invalid("cursor", "is not a cursor this server issued");
    }

    /** Whose issues the caller's insights cover. */
    private static Visibility shown(Caller caller) {
        if (caller.is(Role.MANAGER)) {
            return Visibility.bookOf(caller.id());
        }
        if (caller.is(Role.SUPERVISOR, Role.ADMIN)) {
            return Visibility.EVERYTHING;
        }
        throw DomainException.of(DomainException.Kind.FORBIDDEN, "insights.forbidden");
    }

    /** A window [from, to): by default the last 7 days; over 92 days, or from not before to, is refused. */
    private Window window(Instant from, Instant to) {
        Instant end = to != null ? to : clock.instant();
        Instant start = from != null ? from : end.minus(DEFAULT_WINDOW);
        if (!start.isBefore(end)) {
            throw DomainException.invalid("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw DomainException.invalid("to", "must be at most 92 days after from");
        }
        return new Window(start, end);
    }

    private record Window(Instant from, Instant to) {
    }
}
