package io.lineone.client.queue;

import io.lineone.api.Issue;
import io.lineone.api.IssueHistoryEntry;
import io.lineone.api.Merchant;
import java.util.List;

/**
 * What the detail drawer shows: the issue at once, its merchant and history once they arrived
 * ({@code merchant} null and {@code loading} true until then).
 */
public record IssueDetail(Issue issue, Merchant merchant, List<IssueHistoryEntry> history, boolean loading) {

    static IssueDetail pending(Issue issue) {
        return new IssueDetail(issue, null, List.of(), true);
    }
}
