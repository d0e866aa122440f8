package io.lineone.client.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.lineone.api.IssueStatus;
import io.lineone.client.common.CurrentThreadTaskExecutor;
import io.lineone.client.common.ScreenState;
import io.lineone.client.net.EventStream.Opened;
import io.lineone.client.net.FakeBackend;
import io.lineone.client.net.Issues;
import io.lineone.client.queue.IssueActions.NoticeKind;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class IssueActionsTest {

    private final QueueFixture session = new QueueFixture();

    @Test
    void keyboardActionsChangeTheServerAndTheRowFollows() {
        session.serverHas(Issues.issue("i-1").build()).signIn();
        IssueActions actions = session.queue().actions();
        ResolveDialogViewModel dialog = session.queue().resolve();
        session.select("i-1");
        assertThat(actions.canClaimProperty().get()).isTrue();
        assertThat(actions.canWaitProperty().get()).isFalse();

        actions.claim();
        assertThat(session.backend.calls).contains("claim i-1 v1");
        assertThat(session.row("i-1").issue().assigneeId()).isEqualTo(FakeBackend.USER.id());
        assertThat(actions.canClaimProperty().get()).isFalse();
        assertThat(actions.noticeProperty().get()).startsWith("You claimed");

        actions.acknowledge();
        assertThat(session.backend.calls).contains("patch i-1 v2 ACKNOWLEDGED null null");
        assertThat(session.row("i-1").issue().status()).isEqualTo(IssueStatus.ACKNOWLEDGED);

        actions.acknowledge();
        assertThat(actions.noticeProperty().get()).isEqualTo("Cannot Acknowledge an issue that is Acknowledged.");

        actions.waitOnMerchant();
        assertThat(session.row("i-1").issue().status()).isEqualTo(IssueStatus.WAITING_MERCHANT);

        dialog.begin();
        assertThat(dialog.openProperty().get()).isTrue();
        assertThat(dialog.subjectProperty().get()).isEqualTo("Price shown as ¥0.99 instead of ¥99");
        dialog.confirm();
        assertThat(dialog.errorProperty().get()).startsWith("Give a root cause");
        dialog.rootCauseProperty().set("decimal-point-price");
        dialog.noteProperty().set("Restored ¥99 with the merchant");
        dialog.confirm();
        assertThat(session.backend.calls)
                .contains("patch i-1 v4 RESOLVED decimal-point-price Restored ¥99 with the merchant");
        assertThat(dialog.openProperty().get()).isFalse();
        assertThat(session.issues.rows()).as("resolved issues leave the open queue").isEmpty();
        assertThat(session.queue().stateProperty().get()).isEqualTo(ScreenState.EMPTY);

        actions.dismissNotice();
        assertThat(actions.noticeKindProperty().get()).isEqualTo(NoticeKind.NONE);
        assertThat(actions.noticeProperty().get()).isEmpty();
    }

    @Test
    void aStaleEditSaysSomeoneElseChangedItAndReloadsIt() {
        session.serverHas(Issues.issue("i-1").build()).signIn();
        IssueActions actions = session.queue().actions();
        session.select("i-1");
        // Someone else acknowledges it; the console has not heard yet.
        session.backend.issues.put("i-1", Issues.with(session.backend.issues.get("i-1")).status(IssueStatus.ACKNOWLEDGED)
                .assignee("u-2", "王伟").version(2).build());

        actions.acknowledge();

        assertThat(actions.noticeKindProperty().get()).isEqualTo(NoticeKind.STALE);
        assertThat(actions.noticeProperty().get())
                .isEqualTo("“Price shown as ¥0.99 instead of ¥99” was changed by someone else — reloaded. "
                        + "Check it and try again.");
        assertThat(session.backend.calls).contains("issue i-1");
        assertThat(session.row("i-1").version()).isEqualTo(2);
        assertThat(session.row("i-1").issue().assigneeName()).isEqualTo("王伟");
        assertThat(actions.canAcknowledgeProperty().get()).isFalse();

        QueueFixture chinese = new QueueFixture(Locale.SIMPLIFIED_CHINESE, new CurrentThreadTaskExecutor())
                .serverHas(session.backend.issues.get("i-1")).signIn();
        chinese.select("i-1");
        chinese.backend.issues.put("i-1", Issues.with(chinese.backend.issues.get("i-1")).version(3).build());
        chinese.queue().actions().waitOnMerchant();
        assertThat(chinese.queue().actions().noticeProperty().get())
                .isEqualTo("“Price shown as ¥0.99 instead of ¥99”已被他人修改，已重新加载。请核对后重试。");
    }

    @Test
    void offlineActionsAreDisabledNothingIsQueuedAndTheDraftIsKept() {
        session.serverHas(Issues.issue("i-1").build(), Issues.issue("i-2").build()).signIn();
        IssueActions actions = session.queue().actions();
        ResolveDialogViewModel dialog = session.queue().resolve();
        session.select("i-1");
        dialog.begin();
        dialog.rootCauseProperty().set("merchant-error");
        dialog.noteProperty().set("Half-written note");

        // The call fails because the server just went away: the dialog stays, with the draft.
        session.backend.failNext(FakeBackend.unreachable());
        dialog.confirm();
        assertThat(dialog.openProperty().get()).isTrue();
        assertThat(dialog.errorProperty().get()).startsWith("Cannot reach the server");
        assertThat(dialog.rootCauseProperty().get()).isEqualTo("merchant-error");
        assertThat(dialog.noteProperty().get()).isEqualTo("Half-written note");
        assertThat(actions.availableProperty().get()).as("a failed call alone does not take the feed down").isTrue();
        dialog.cancel();

        session.backend.streamListener.onDown(true, new IOException("refused"));
        assertThat(actions.canResolveProperty().get()).isFalse();
        assertThat(actions.unavailableReasonProperty().get())
                .isEqualTo("Offline: actions are disabled until the connection is back.");
        int calls = session.backend.calls.size();
        actions.claim();
        assertThat(session.backend.calls).as("nothing is queued silently").hasSize(calls);
        assertThat(actions.noticeProperty().get()).isEqualTo("Offline: actions are disabled until the connection is back.");
        dialog.confirm();
        assertThat(dialog.errorProperty().get()).isEqualTo("Offline: actions are disabled until the connection is back.");

        // Back online: the notice that said "offline" goes with it. The draft is still there when the same issue is
        // resolved again; another issue's starts afresh.
        session.opened(Opened.RESUMED);
        assertThat(actions.noticeProperty().get()).as("no stale offline notice").isEmpty();
        dialog.begin();
        assertThat(dialog.noteProperty().get()).isEqualTo("Half-written note");
        dialog.cancel();
        session.select("i-2");
        dialog.begin();
        assertThat(dialog.noteProperty().get()).isEmpty();
        assertThat(dialog.rootCauseProperty().get()).isEmpty();
    }

    @Test
    void aStoppedFeedSaysToSignInAgain() {
        session.serverHas(Issues.issue("i-1").build()).signIn();
        session.select("i-1");
        session.backend.streamListener.onStopped(FakeBackend.status(401));

        session.queue().actions().acknowledge();

        assertThat(session.queue().actions().noticeProperty().get())
                .isEqualTo("The live feed stopped: sign out and sign in again to act on issues.");
    }

    @Test
    void aNoticeOfAnotherKindOutlivesTheReconnection() {
        session.serverHas(Issues.issue("i-1").build()).signIn();
        IssueActions actions = session.queue().actions();
        session.select("i-1");
        session.backend.streamListener.onDown(false, new IOException("refused"));
        actions.claim();
        actions.tell(NoticeKind.INFO, "Bell pulled on 满减券叠加规则改版");

        session.opened(Opened.RESUMED);

        assertThat(actions.noticeProperty().get()).isEqualTo("Bell pulled on 满减券叠加规则改版");
    }
}
