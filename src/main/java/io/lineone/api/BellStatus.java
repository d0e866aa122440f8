package io.lineone.api;

/**
 * Where a bell stands: OPEN → ACKNOWLEDGED → FIXED → RESOLVED, back from FIXED to OPEN when the fix did not hold,
 * or OVERRULED by a supervisor with a justification. RESOLVED and OVERRULED are final and no longer block.
 */
public enum BellStatus {
    OPEN,
    ACKNOWLEDGED,
    FIXED,
    RESOLVED,
    OVERRULED;

    /** Whether a bell in this state still stops its release. */
    public boolean blocks() {
        return this == OPEN || this == ACKNOWLEDGED || this == FIXED;
    }
}
