package io.lineone.client.merchants;

import io.lineone.api.Merchant;
import io.lineone.client.common.UiScheduler;
import io.lineone.client.fixes.FixFeed;
import io.lineone.client.net.EventStream;
import io.lineone.client.queue.IssueRow;
import io.lineone.client.queue.IssuesListener;
import io.lineone.client.queue.LiveIssues;
import java.util.Collection;
import java.util.function.Consumer;
import javafx.collections.ObservableList;

/**
 * Where the merchants screen hears the session's live data from, without a stream of its own: the live issues (each
 * batch, and their rows for the detail pane), the merchant events the fix feed drains once a frame, the stream
 * itself for messages, and the stream's fresh starts (then the book is read again).
 *
 * @param myId      the signed-in user's id (a manager's book keeps only their merchants)
 * @param openIssue opens an issue in the queue
 */
public record LiveSources(UiScheduler ui, String myId, ObservableList<IssueRow> issueRows,
                          Consumer<String> openIssue,
                          Consumer<IssuesListener> issues,
                          Consumer<Consumer<Collection<Merchant>>> merchants,
                          Consumer<EventStream.Listener> stream,
                          Consumer<Runnable> restarted) {

    /** The session's own sources. */
    public static LiveSources of(UiScheduler ui, String myId, LiveIssues live, FixFeed feed,
                                 Consumer<String> openIssue) {
        return new LiveSources(ui, myId, live.rows(), openIssue, live::onIssues, feed::onMerchants, live::alsoTell,
                feed::onReopen);
    }

    void connect(LiveBook book, Runnable readAgain) {
        issues.accept(book::issues);
        merchants.accept(book::merchants);
        stream.accept(book.listener());
        restarted.accept(readAgain);
        book.seed(issueRows.stream().map(IssueRow::issue).toList());
    }
}
