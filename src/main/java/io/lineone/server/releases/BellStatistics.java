package io.lineone.server.releases;

import io.lineone.api.BellMonth;
import io.lineone.api.BellStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts and medians of bells by product area and month, from their timestamps alone. */
final class BellStatistics {

    /** What one bell contributes. */
    record Sample(String productArea, Instant pulledAt, Instant acknowledgedAt, Instant closedAt, BellStatus status) {
    }

    private BellStatistics() {
    }

    static List<BellMonth> byAreaAndMonth(List<Sample> samples) {
        Map<String, Map<YearMonth, List<Sample>>> groups = new TreeMap<>();
        for (Sample sample : samples) {
            groups.computeIfAbsent(sample.productArea(), area -> new TreeMap<>())
                    .computeIfAbsent(YearMonth.from(sample.pulledAt().atZone(ZoneOffset.UTC)), m -> new ArrayList<>())
                    .add(sample);
        }
        List<BellMonth> months = new ArrayList<>();
        groups.forEach((area, byMonth) -> byMonth.forEach((month, group) -> months.add(month(area, month, group))));
        return months;
    }

    private static BellMonth month(String area, YearMonth month, List<Sample> group) {
        List<Long> toAcknowledge = new ArrayList<>();
        List<Long> toResolve = new ArrayList<>();
        int overruled = 0;
        for (Sample s : group) {
            if (s.acknowledgedAt() != null) {
                toAcknowledge.add(Duration.between(s.pulledAt(), s.acknowledgedAt()).toSeconds());
            }
            if (s.status() == BellStatus.RESOLVED && s.closedAt() != null) {
                toResolve.add(Duration.between(s.pulledAt(), s.closedAt()).toSeconds());
            } else if (s.status() == BellStatus.OVERRULED) {
                overruled++;
            }
        }
        int closed = toResolve.size() + overruled;
        return new BellMonth(area, month.toString(), group.size(), toAcknowledge.size(), median(toAcknowledge),
                toResolve.size(), median(toResolve), overruled, closed == 0 ? 0 : (double) overruled / closed);
    }

    /** The middle value, or the lower of the two middle ones: a time that some bell really took. */
    static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
