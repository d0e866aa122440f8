package io.lineone.client.queue;

import io.lineone.api.Merchant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What merchants moving between books do to a manager's queue: a merchant moved to another manager takes its
 * issues with it, and one moved in brings its open issues, which the queue must read when it holds fewer of them
 * than the merchant has.
 */
record MerchantMoves(List<IssueRow> leaving, boolean readAgain) {

    static MerchantMoves of(String queueOf, Collection<Merchant> merchants, Collection<IssueRow> rows) {
        List<IssueRow> leaving = new ArrayList<>();
        boolean readAgain = false;
        for (Merchant merchant : merchants) {
            if (!queueOf.equals(merchant.assignedManagerId())) {
                for (IssueRow row : rows) {
                    if (merchant.id().equals(row.issue().merchantId())) {
                        leaving.add(row);
                    }
                }
            } else if (merchant.openIssues() > openIssuesOf(merchant.id(), rows)) {
                readAgain = true;
            }
        }
        return new MerchantMoves(leaving, readAgain);
    }

    private static int openIssuesOf(String merchantId, Collection<IssueRow> rows) {
        int open = 0;
        for (IssueRow row : rows) {
            if (merchantId.equals(row.issue().merchantId()) && row.issue().status().isOpen()) {
                open++;
            }
        }
        return open;
    }
}
