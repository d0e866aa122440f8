package io.lineone.client.queue;

import io.lineone.api.Issue;
import io.lineone.client.common.ConnectionStatus;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.ErrorMessages;
import io.lineone.client.common.ManualUiScheduler;
import io.lineone.client.common.Messages;
import io.lineone.client.common.TaskExecutor;
import io.lineone.client.net.EventStream;
import io.lineone.client.net.FakeBackend;
import io.lineone.testing.MutableClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A signed-in session's live issues and queue screen over a fake server, on a hand-moved clock and hand-driven
 * frames: the test plays the event stream ({@link #event}, {@code backend.streamListener}) and the UI thread.
 */
final class QueueFixture {

    static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    final FakeBackend backend = new FakeBackend();
    final ManualUiScheduler ui = new ManualUiScheduler();
    final MutableClock clock = new MutableClock(T0);
    final ConnectionStatus connection = new ConnectionStatus();
    final List<Issue> alerts = new ArrayList<>();
    final List<Issue> handedOver = new ArrayList<>();
    final Messages messages;
    final IssueText text;
    final LiveIssues issues;
    private final TaskExecutor executor;
    private IssueQueueViewModel queue;

    QueueFixture() {
        this(Locale.ENGLISH, new CurrentThreadTaskExecutor());
    }

    QueueFixture(Locale locale, TaskExecutor executor) {
        this.executor = executor;
        this.messages = Messages.forLocale(locale);
        this.text = new IssueText(messages, ZoneOffset.UTC, FakeBackend.USER.id());
        this.issues = new LiveIssues(backend, executor, ui, new ErrorMessages(messages), connection, clock,
                new UrgentIssueAlert() {
                    @Override
                    public void newUrgentIssue(Issue issue) {
                        alerts.add(issue);
                    }

                    @Override
                    public void handedOver(Issue issue) {
                        handedOver.add(issue);
                    }
                });
    }

    QueueFixture serverHas(Issue... list) {
        for (Issue issue : list) {
            backend.issues.put(issue.id(), issue);
        }
        return this;
    }

    /** As at sign-in: the live issues start, and their stream opens for the first time. */
    QueueFixture signIn() {
        issues.start();
        opened(EventStream.Opened.FIRST);
        return this;
    }

    void opened(EventStream.Opened how) {
        backend.streamListener.onOpen(how);
    }

    /** The queue screen, built the first time it is asked for, as when the user first opens it. */
    IssueQueueViewModel queue() {
        if (queue == null) {
            queue = new IssueQueueViewModel(issues, backend, executor, messages, connection, text, FakeBackend.USER);
        }
        return queue;
    }

    /** An event as the stream delivers it; applied at the next {@link ManualUiScheduler#frame()}. */
    void event(String type, Issue issue) {
        backend.streamListener.onIssue(1, type, issue);
    }

    IssueRow row(String id) {
        return issues.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    List<String> shownIds() {
        return queue().visibleRows().stream().map(IssueRow::id).toList();
    }

    void select(String id) {
        queue().selectedProperty().set(row(id));
    }
}
