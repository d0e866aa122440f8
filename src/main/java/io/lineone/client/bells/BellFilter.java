package io.lineone.client.bells;

import io.lineone.api.Bell;
import io.lineone.api.BellStatus;
import java.util.Locale;

/** Which bells the board shows by status: the ones still stopping a line by default. */
public enum BellFilter {
    ACTIVE(null),
    ALL(null),
    OPEN(BellStatus.OPEN),
    ACKNOWLEDGED(BellStatus.ACKNOWLEDGED),
    FIXED(BellStatus.FIXED),
    RESOLVED(BellStatus.RESOLVED),
    OVERRULED(BellStatus.OVERRULED);

    private final BellStatus status;

    BellFilter(BellStatus status) {
        this.status = status;
    }

    public boolean test(Bell bell) {
        return switch (this) {
            case ACTIVE -> bell.status().blocks();
            case ALL -> true;
            default -> bell.status() == status;
        };
    }

    public String labelKey() {
        return "bells.filter." + name().toLowerCase(Locale.ROOT);
    }
}
