package io.lineone.client.ledger;

import io.lineone.api.IssueCategory;
import java.util.List;

/**
 * One category's line of the stacked chart: its count in each bucket of the window, in order, and its total.
 *
 * @param name the category's name in the user's language (legend and table header)
 */
public record CategorySeries(IssueCategory category, String name, List<Integer> counts, int total) {
}
