package io.lineone.server.issues;

import io.lineone.api.Priority;
import io.lineone.server.core.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Service-level targets per priority: how soon an issue must first be answered (leave NEW) and resolved.
 * Time spent waiting for the merchant does not count against resolution; see {@link IssueWorkflow}.
 */
public record SlaPolicy(Map<Priority, Targets> targets) {

    /** The two targets of one priority. */
    public record Targets(Duration firstResponse, Duration resolution) {
        public Targets {
            if (firstResponse == null || resolution == null || firstResponse.isNegative() || firstResponse.isZero()
                    || resolution.isNegative() || resolution.isZero()) {
                throw new IllegalArgumentException("SLA targets must be positive durations");
            }
        }
    }

    /** P1 60 s / 4 h; P2 5 min / 24 h; P3 30 min / 72 h; P4 4 h / 7 d. */
    public static final SlaPolicy DEFAULT = new SlaPolicy(Map.of(
            Priority.P1, new Targets(Duration.ofSeconds(60), Duration.ofHours(4)),
            Priority.P2, new Targets(Duration.ofMinutes(5), Duration.ofHours(24)),
            Priority.P3, new Targets(Duration.ofMinutes(30), Duration.ofHours(72)),
            Priority.P4, new Targets(Duration.ofHours(4), Duration.ofDays(7))));

    public SlaPolicy {
        EnumMap<Priority, Targets> copy = new EnumMap<>(Priority.class);
        copy.putAll(targets);
        if (copy.size() != Priority.values().length || copy.containsValue(null)) {
            throw new IllegalArgumentException("an SLA policy needs targets for every priority");
        }
        targets = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses {@code P1=60s/4h,P2=5m/24h} (units s, m, h, d); priorities left out keep their default.
     *
     * @throws IllegalArgumentException naming the part that is not of that form
     */
    public static SlaPolicy parse(String text) {
        EnumMap<Priority, Targets> targets = new EnumMap<>(DEFAULT.targets());
        for (String part : text.split(",")) {
            String[] kv = part.strip().split("=", 2);
            String[] times = kv.length == 2 ? kv[1].split("/", 2) : new String[0];
            Priority priority;
            try {
                priority = Priority.valueOf(kv[0].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                priority = null;
            }
            if (priority == null || times.length != 2) {
                throw new IllegalArgumentException("expected P1..P4=FIRST_RESPONSE/RESOLUTION such as P1=60s/4h, got '"
                        + part.strip() + "'");
            }
            targets.put(priority, new Targets(Durations.parse(times[0]), Durations.parse(times[1])));
        }
        return new SlaPolicy(targets);
    }

    public Targets of(Priority priority) {
        return targets.get(priority);
    }

    public Instant firstResponseDue(Priority priority, Instant createdAt) {
        return createdAt.plus(of(priority).firstResponse());
    }

    /** Resolution due time before any pause is added. */
    public Instant resolutionBaseDue(Priority priority, Instant createdAt) {
        return createdAt.plus(of(priority).resolution());
    }
}
