package io.lineone.server.sim;

import io.lineone.api.IssueCategory;
import io.lineone.api.IssueSource;
import io.lineone.api.Merchant;
import io.lineone.api.NewIssue;
import io.lineone.api.Priority;
import io.lineone.api.ReleaseStage;
import io.lineone.server.core.Ids;
import io.lineone.server.db.Database;
import io.lineone.server.insights.ReleaseExposure;
import io.lineone.server.issues.SlaPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo's past, so the insights have something to find: two weeks of issues the team has worked (first responses
 * shaped around the program's 19 s, resolutions with root causes), one root cause many merchants share (a warehouse
 * system's sync failure), and a spike of logistics issues among the merchants a release reaches since its rollout
 * began three hours ago — the insights suggest pulling its bell. Written in batches: 50,000 merchants' history in
 * seconds.
 */
public final class DemoHistory {

    /** Issues per merchant over the history, on average. */
    static final double ISSUES_PER_MERCHANT = 0.5;
    static final Duration SPAN = Duration.ofDays(14);
    /** The release whose rollout the spike follows, and when that rollout began. */
    static final String SPIKE_RELEASE = "发货时效预估";
    static final Duration SPIKE_AGO = Duration.ofHours(3);
    static final String SPIKE_DESCRIPTION = "发货时效预估上线后，买家看到的预计送达时间早于商家实际能发货的时间，催单和退款明显增多。";
    /** The root cause many merchants share, and the share of merchants it touched in the last three days. */
    static final String SHARED_CAUSE = "第三方仓储系统库存同步故障";
    static final double SHARED_SHARE = 0.05;

    private static final String[] SPIKE_TITLES = {
        "发货时效预估显示“次日达”，实际无法按时发货", "买家按预估时效催单，投诉发货超时", "新版时效预估与快递实际揽收时间不符",
        "预计送达时间显示错误，大量买家申请退款",
    };
    private static final String[] SHARED_TITLES = {
        "前台库存与仓库实际库存不一致", "仓储系统同步延迟导致超卖", "库存回传失败，商品显示售罄",
    };

    private DemoHistory() {
    }

    /** Seeds the history into a demo database whose merchants and releases are there; does nothing without merchants. */
    public static void seed(Database db, Clock clock) {
        DemoHistoryStore store = new DemoHistoryStore(db);
        List<DemoHistoryStore.Owner> owners = store.owners();
        if (owners.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Random random = new Random(1949);
        String supervisorId = db.read(c -> io.lineone.server.db.Rows.first(c,
                "select id from app_user where role = 'SUPERVISOR' order by id", List.of(), rows -> rows.getString(1)))
                .orElse(null);
        List<DemoHistoryStore.PastIssue> issues = new ArrayList<>();
        int count = (int) Math.round(owners.size() * ISSUES_PER_MERCHANT);
        for (int n = 0; n < count; n++) {
            DemoHistoryStore.Owner owner = owners.get(random.nextInt(owners.size()));
            Instant created = now.minus(SPAN).plusMillis((long) (random.nextDouble() * SPAN.toMillis()));
            issues.add(resolved(random, owner, created, now, supervisorId, null));
        }
        for (DemoHistoryStore.Owner owner : owners) {
            if (random.nextDouble() < SHARED_SHARE) {
                Instant created = now.minus(Duration.ofDays(3)).plusMillis(random.nextInt(3 * 86_400_000 - 7_200_000));
                issues.add(resolved(random, owner, created, now, supervisorId, SHARED_CAUSE));
            }
        }
        DemoHistoryStore.ReleaseRow spiking = store.releases().stream()
                .filter(r -> r.name().equals(SPIKE_RELEASE) && !r.stage().equals(ReleaseStage.PLANNED.name()))
                .findFirst().orElse(null);
        Instant start = now.minus(SPIKE_AGO);
        if (spiking != null) {
            issues.addAll(spike(random, owners, issues, spiking, start, now));
        }
        db.inTransaction(tx -> {
            store.insert(tx, issues);
            if (spiking != null) {
                store.started(tx, spiking.id(), start);
            }
            // The live pricing rule has been out for weeks: its first day is long past, no spike to see.
            store.releases().stream().filter(r -> r.stage().equals(ReleaseStage.LIVE.name()))
                    .forEach(r -> store.started(tx, r.id(), now.minus(Duration.ofDays(20))));
            store.recountActivity(tx);
            return null;
        });
    }

    /**
     * Logistics issues among the merchants the release reaches since its start: six times the rate of the week
     * before (at least three for every book), still open — the team has just begun answering.
     */
    private static List<DemoHistoryStore.PastIssue> spike(Random random, List<DemoHistoryStore.Owner> owners,
                                                          List<DemoHistoryStore.PastIssue> past,
                                                          DemoHistoryStore.ReleaseRow release, Instant start,
                                                          Instant now) {
        Map<String, DemoHistoryStore.Owner> byMerchant = new HashMap<>();
        owners.forEach(o -> byMerchant.put(o.merchantId(), o));
        long baseline = past.stream().filter(i -> i.category() == IssueCategory.LOGISTICS
                && i.createdAt().isAfter(start.minus(Duration.ofDays(7))) && i.createdAt().isBefore(start)
                && ReleaseExposure.reaches(release.id(), i.merchantId(), release.exposurePercent())).count();
        double perHour = baseline / (7 * 24.0);
        int count = -1;
        Map<String, List<DemoHistoryStore.Owner>> reachedByManager = new HashMap<>();
        for (DemoHistoryStore.Owner owner : owners) {
            if (ReleaseExposure.reaches(release.id(), owner.merchantId(), release.exposurePercent())) {
                reachedByManager.computeIfAbsent(String.valueOf(owner.managerId()), k -> new ArrayList<>()).add(owner);
            }
        }
        List<List<DemoHistoryStore.Owner>> books = new ArrayList<>(reachedByManager.values());
        books.sort((a, b) -> String.valueOf(a.get(0).managerId()).compareTo(String.valueOf(b.get(0).managerId())));
        // Six times the baseline rate, and at least three for every book, so each manager's insight shows it too.
        count = Math.max(3 * books.size(), (int) Math.ceil(perHour * SPIKE_AGO.toHours() * 6));
        List<DemoHistoryStore.PastIssue> spike = new ArrayList<>(count);
        for (int n = 0; n < count && !books.isEmpty(); n++) {
            List<DemoHistoryStore.Owner> book = books.get(n % books.size());
            DemoHistoryStore.Owner owner = book.get(random.nextInt(book.size()));
            Instant created = start.plusMillis(5 * 60_000 + (long) (random.nextDouble()
                    * (SPIKE_AGO.toMillis() - 10 * 60_000)));
            Priority priority = random.nextInt(4) == 0 ? Priority.P1 : Priority.P2;
            boolean answered = created.isBefore(now.minus(Duration.ofMinutes(30))) && random.nextBoolean();
            spike.add(new DemoHistoryStore.PastIssue(Ids.next("iss"), owner.merchantId(), IssueCategory.LOGISTICS,
                    IssueSource.MERCHANT, priority, SPIKE_TITLES[random.nextInt(SPIKE_TITLES.length)],
                    SPIKE_DESCRIPTION, null,
                    (200 + random.nextInt(2_800)) * 100L, owner.managerId(), created,
                    answered ? created.plusMillis(firstResponseMillis(random)) : null, null,
                    SlaPolicy.DEFAULT.firstResponseDue(priority, created),
                    SlaPolicy.DEFAULT.resolutionBaseDue(priority, created)));
        }
        return spike;
    }

    /** A resolved issue of the past, answered after a first response shaped around 19 s. */
    private static DemoHistoryStore.PastIssue resolved(Random random, DemoHistoryStore.Owner owner, Instant created,
                                                       Instant now, String supervisorId, String cause) {
        NewIssue shape = DemoIssues.next(random, stub(owner.merchantId()));
        IssueCategory category = cause != null ? IssueCategory.INVENTORY : shape.category();
        String title = cause != null ? SHARED_TITLES[random.nextInt(SHARED_TITLES.length)] : shape.title();
        String rootCause = cause != null ? cause : DemoIssues.rootCause(random, category);
        Instant answered = created.plusMillis(firstResponseMillis(random));
        // Resolved within hours mostly, a day or two now and then; never in the future.
        Instant resolvedAt = answered.plusMillis((long) (Math.exp(random.nextGaussian() * 0.8 + 0.7) * 3_600_000));
        if (!resolvedAt.isBefore(now)) {
            resolvedAt = now.minusSeconds(60);
        }
        if (!answered.isBefore(resolvedAt)) {
            answered = created;
        }
        String actor = owner.managerId() != null ? owner.managerId() : supervisorId;
        return new DemoHistoryStore.PastIssue(Ids.next("iss"), owner.merchantId(), category,
                cause != null ? IssueSource.MERCHANT : shape.source(), shape.priority(), title,
                shape.description() == null ? "" : shape.description(), rootCause,
                shape.moneyAtRiskCents() == null ? 0 : shape.moneyAtRiskCents(), actor, created, answered, resolvedAt,
                SlaPolicy.DEFAULT.firstResponseDue(shape.priority(), created),
                SlaPolicy.DEFAULT.resolutionBaseDue(shape.priority(), created));
    }

    /** First responses: a median about 14 s, two in three under 19 s, a long tail of minutes. */
    static long firstResponseMillis(Random random) {
        double seconds = Math.exp(Math.log(14) + random.nextGaussian() * 0.9);
        return Math.min(4 * 3_600_000L, Math.max(1_500, Math.round(seconds * 1000)));
    }

    /** DemoIssues shapes an issue for a merchant; only its id is needed here. */
    private static Merchant stub(String merchantId) {
        return new Merchant(merchantId, "", "", null, "", "", null, null, null, null, null, 0, 0, null, false, 1);
    }
}
