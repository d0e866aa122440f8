package io.lineone.api;

/**
 * Body of {@code POST /releases/{id}/advance}: a new stage, a new exposure, or both. While the gate is BLOCKED only
 * a step back (less exposure, or ROLLED_BACK) is allowed.
 */
public record ReleaseAdvance(ReleaseStage stage, Integer exposurePercent) {
}
