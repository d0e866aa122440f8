package io.lineone.api;

/**
 * One manager's share of the team's open issues; items of {@code GET /team/load}.
 *
 * @param open             open issues in their queue
 * @param breaching        of those, how many are past an SLA due time now (or answered late the first time)
 * @param unassigned       of those, how many nobody has claimed
 * @param moneyAtRiskCents money at risk summed over their open issues
 */
public record ManagerLoad(String managerId, String displayName, int open, int breaching, int unassigned,
                          long moneyAtRiskCents) {
}
