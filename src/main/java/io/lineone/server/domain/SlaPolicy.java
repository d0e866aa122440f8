package io.lineone.server.domain;

import io.lineone.api.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
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
