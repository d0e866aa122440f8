package io.lineone.server.fixes;

import io.lineone.api.Ledger;
import io.lineone.api.LedgerRow;
import io.lineone.server.core.DomainException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** How the ledger groups the loss averted: by the manager credited, by merchant, or by ISO week (UTC). */
enum LedgerGrouping {
    MANAGER(e -> e.managerId() == null ? "-" : e.managerId(), e -> e.managerName() == null ? "-" : e.managerName()),
    MERCHANT(FixStore.LedgerEntry::merchantId, FixStore.LedgerEntry::merchantName),
    WEEK(LedgerGrouping::monday, LedgerGrouping::monday);

    private final Function<FixStore.LedgerEntry, String> key;
    private final Function<FixStore.LedgerEntry, String> label;

    LedgerGrouping(Function<FixStore.LedgerEntry, String> key, Function<FixStore.LedgerEntry, String> label) {
        this.key = key;
        this.label = label;
    }

    static LedgerGrouping parse(String text) {
        if (text == null || text.isEmpty()) {
            return MERCHANT;
        }
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("groupBy", "must be one of manager, merchant, week");
        }
    }

    /** The ledger of {@code entries}: one row per group, the largest first (weeks in order), with the totals. */
    Ledger ledger(Instant from, Instant to, List<FixStore.LedgerEntry> entries) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        long total = 0;
        for (FixStore.LedgerEntry e : entries) {
            String k = key.apply(e);
            long[] sum = sums.computeIfAbsent(k, x -> new long[2]);
            sum[0] += e.lossAvertedCents();
            sum[1]++;
            labels.putIfAbsent(k, label.apply(e));
            total += e.lossAvertedCents();
        }
        List<LedgerRow> rows = new ArrayList<>();
        sums.forEach((k, sum) -> rows.add(new LedgerRow(k, labels.get(k), sum[0], (int) sum[1])));
        rows.sort(this == WEEK ? Comparator.comparing(LedgerRow::key)
                : Comparator.comparingLong(LedgerRow::lossAvertedCents).reversed().thenComparing(LedgerRow::key));
        return new Ledger(from, to, name().toLowerCase(Locale.ROOT), total, entries.size(), rows);
    }

    private static String monday(FixStore.LedgerEntry e) {
        LocalDate day = LocalDate.ofInstant(e.appliedAt(), ZoneOffset.UTC);
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
    }
}
