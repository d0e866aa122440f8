package io.lineone.server.releases;

import io.lineone.api.BellSeverity;
import io.lineone.server.core.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How soon a release owner must acknowledge a bell before it is raised to the supervisors: the andon cord's
 * promise that someone responsible comes within a set time.
 */
public record BellPolicy(Duration blocker, Duration major, Duration checkEvery) {

    /** BLOCKER 30 min, MAJOR 4 h; overdue bells looked for every 15 s. */
    public static final BellPolicy DEFAULT =
            new BellPolicy(Duration.ofMinutes(30), Duration.ofHours(4), Duration.ofSeconds(15));

    public BellPolicy {
        if (blocker == null || major == null || checkEvery == null || blocker.isNegative() || blocker.isZero()
                || major.isNegative() || major.isZero() || checkEvery.isNegative() || checkEvery.isZero()) {
            throw new IllegalArgumentException("bell response times must be positive durations");
        }
    }

    /**
     * Parses {@code BLOCKER=30m,MAJOR=4h} (units s, m, h, d); a severity left out keeps its default.
     *
     * @throws IllegalArgumentException naming the part that is not of that form
     */
    public static BellPolicy parse(String text) {
        Duration blocker = DEFAULT.blocker;
        Duration major = DEFAULT.major;
        for (String part : text.split(",")) {
            String[] kv = part.strip().split("=", 2);
            String name = kv[0].strip().toUpperCase(Locale.ROOT);
            if (kv.length != 2 || !(name.equals("BLOCKER") || name.equals("MAJOR"))) {
                throw new IllegalArgumentException("expected BLOCKER=… or MAJOR=… such as BLOCKER=30m, got '"
                        + part.strip() + "'");
            }
            if (name.equals("BLOCKER")) {
                blocker = Durations.parse(kv[1]);
            } else {
                major = Durations.parse(kv[1]);
            }
        }
        return new BellPolicy(blocker, major, DEFAULT.checkEvery);
    }

    public Instant acknowledgeDue(BellSeverity severity, Instant from) {
        return from.plus(severity == BellSeverity.BLOCKER ? blocker : major);
    }
}
