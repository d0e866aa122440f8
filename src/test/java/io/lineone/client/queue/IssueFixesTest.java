package io.lineone.client.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.Fix;
import io.lineone.api.FixKind;
import io.lineone.api.FixOption;
import io.lineone.api.Priority;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.fixes.FixActions;
import io.lineone.client.fixes.FixDialogViewModel;
import io.lineone.client.fixes.FixFeed;
import io.lineone.client.fixes.FixNotices;
import io.lineone.client.fixes.FixText;
import io.lineone.client.net.Issues;
import io.lineone.client.net.Listings;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** F on the selected issue, and the drawer's fix buttons, over the session's fixes. */
class IssueFixesTest {

    private final QueueFixture session = new QueueFixture();
    private FixDialogViewModel dialog;
    private IssueQueueViewModel queue;

    @BeforeEach
    void setUp() {
        session.backend.listings.put("l-1", Listings.slipped("l-1", "m-1"));
        session.backend.issueFixes.put("slip", List.of(new FixOption(FixKind.DELIST_LISTING, "l-1", "Tea set 茶具"),
                new FixOption(FixKind.RESTORE_PRICE, "l-1", "Tea set 茶具")));
        session.serverHas(Issues.issue("slip").priority(Priority.P1).build(),
                Issues.issue("plain").priority(Priority.P3).build()).signIn();
        FixActions actions = new FixActions(session.backend, new CurrentThreadTaskExecutor(),
                new FixText(session.messages, ZoneOffset.UTC), session.connection, new FixFeed(session.ui),
                new FixNotices() {
                    @Override
                    public void applied(Fix fix) {
                    }

                    @Override
                    public void undone(Fix fix) {
                    }

                    @Override
                    public void failed(String message) {
                    }
                }, Clock.systemUTC());
        dialog = new FixDialogViewModel(session.backend, new CurrentThreadTaskExecutor(), session.connection, actions);
        queue = session.queue();
        queue.fixes().use(actions, dialog);
    }

    @Test
    void fOpensTheFirstFixThatAppliesToTheSelectedIssue() {
        session.select("slip");

        queue.fixSelected();

        assertThat(dialog.openProperty().get()).isTrue();
        assertThat(dialog.titleProperty().get()).isEqualTo("Delist the listing");
        assertThat(dialog.previewProperty().get().issueId()).isEqualTo("slip");
    }

    @Test
    void anIssueWithoutAFixSaysSo() {
        session.select("plain");

        queue.fixSelected();

        assertThat(dialog.openProperty().get()).isFalse();
        assertThat(queue.actions().noticeProperty().get()).startsWith("No one-click fix applies to");
    }

    @Test
    void theDrawerListsTheFixesOfItsIssueAndOfflineTheyAreDisabledWithTheReason() {
        session.select("slip");
        queue.detail().open();

        assertThat(queue.fixes().options()).extracting(queue.fixes()::label)
                .containsExactly("Delist the listing", "Restore the last good price");
        queue.fixes().open(queue.fixes().options().get(1), "slip");
        assertThat(dialog.titleProperty().get()).isEqualTo("Restore the last good price");
        dialog.cancel();

        session.connection.reportStreamDown(true);
        assertThat(queue.fixes().availableProperty().get()).isFalse();
        assertThat(queue.fixes().unavailableReasonProperty().get()).startsWith("Offline");
        queue.fixSelected();
        assertThat(dialog.openProperty().get()).as("nothing opens offline").isFalse();
        assertThat(queue.actions().noticeProperty().get()).startsWith("Offline");

        queue.detail().close();
        assertThat(queue.fixes().options()).isEmpty();
    }
}
