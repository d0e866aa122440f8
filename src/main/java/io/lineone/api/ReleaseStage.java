package io.lineone.api;

/**
 * Where a release is in its rollout. It moves forward PLANNED → ROLLING_OUT → LIVE; ROLLED_BACK can be reached
 * from any stage and is final.
 */
public enum ReleaseStage {
    PLANNED,
    ROLLING_OUT,
    LIVE,
    ROLLED_BACK
}
